/**
 * The text area and the layer of marks behind it. Changes made by the page (a fix, a loaded
 * file) go through the browser's editing commands where it can, so 撤销 (Ctrl+Z) undoes them.
 */
export class Editor {
  constructor(
    readonly area: HTMLTextAreaElement,
    readonly layer: HTMLElement,
  ) {
    area.addEventListener('scroll', () => this.syncScroll());
  }

  get text(): string {
    return this.area.value;
  }

  /** A new text (a loaded file): set as is, the marks cleared until it is checked. */
  load(text: string): void {
    this.area.value = text;
    this.area.scrollTop = 0;
    this.layer.replaceChildren(text);
    this.syncScroll();
  }

  /** Replaces only what differs between the current text and `next`. */
  replace(next: string): void {
    const before = this.area.value;
    if (before === next) return;
    let prefix = 0;
    const limit = Math.min(before.length, next.length);
    while (prefix < limit && before.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
    const insert = next.slice(prefix, next.length - suffix);
    this.area.focus();
    this.area.setSelectionRange(prefix, before.length - suffix);
    const done = insert ? document.execCommand('insertText', false, insert) : document.execCommand('delete');
    if (!done || this.area.value !== next) {
      this.area.value = next;
      this.area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** Selects a range and scrolls it into view (the mark layer has the same layout as the text). */
  select(start: number, end: number): void {
    this.area.focus();
    this.area.setSelectionRange(start, end);
    const mark = [...this.layer.querySelectorAll<HTMLElement>('mark')].find((m) => m.dataset.start !== undefined && Number(m.dataset.start) <= start && start <= Number(m.dataset.end));
    const top = mark ? mark.offsetTop : this.lineTop(start);
    this.area.scrollTop = Math.max(0, top - this.area.clientHeight / 3);
    this.syncScroll();
  }

  syncScroll(): void {
    this.layer.scrollTop = this.area.scrollTop;
    this.layer.scrollLeft = this.area.scrollLeft;
  }

  /** An estimate from the line number, for a range without a mark. */
  private lineTop(offset: number): number {
    const line = this.area.value.slice(0, offset).split('\n').length - 1;
    const height = parseFloat(getComputedStyle(this.area).lineHeight) || 24;
    return line * height;
  }
}
