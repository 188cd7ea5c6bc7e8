import type { StoryLine } from '../inputs/docx/story.js';
import type { XmlElement } from '../inputs/xml.js';

/** A place between characters of the main part: inside a w:t's text, or at the start or end of a paragraph's content. */
export type XmlPoint = { kind: 'text'; el: XmlElement; offset: number } | { kind: 'paragraph-start'; p: XmlElement } | { kind: 'paragraph-end'; p: XmlElement };

/** Where a comment goes: from `start` to `end` in document order. */
export interface XmlAnchor {
  start: XmlPoint;
  end: XmlPoint;
}

/**
 * Maps ranges of the extracted text (InputDocument.text of a traced .docx) to places in the
 * main part's XML. A range over characters the reader made itself (an automatic number, the
 * tab between table cells) shrinks to the characters that are in the file; a range with none
 * (a finding on an automatic number alone, an empty line) takes its whole paragraph.
 */
export class AnchorMap {
  private readonly starts: number[] = [];
  readonly bodyEnd: number;

  constructor(private readonly lines: readonly StoryLine[]) {
    let at = 0;
    for (const l of lines) {
      this.starts.push(at);
      at += l.text.length + 1;
    }
    this.bodyEnd = at;
  }

  /** The anchor of [start, end) of the text, or undefined outside the body (regions) or where nothing is traced. */
  anchor(start: number, end: number): XmlAnchor | undefined {
    if (start >= this.bodyEnd || !this.lines.length) return undefined;
    end = Math.min(Math.max(end, start), this.bodyEnd - 1);
    const first = this.lineOf(start);
    const last = this.lineOf(Math.max(start, end - 1));
    const from = this.forward(first, start - this.starts[first]!, end);
    const to = this.backward(last, end - this.starts[last]!, start);
    if (from && to) return { start: from, end: to };
    const p = this.lines[first]!.trace?.paragraph;
    return p ? { start: { kind: 'paragraph-start', p }, end: { kind: 'paragraph-end', p } } : undefined;
  }

  /** A whole line's paragraph, from its first traced character to its last (for findings placed in regions). */
  firstParagraph(): XmlAnchor | undefined {
    for (let i = 0; i < this.lines.length; i++) {
      if (!this.lines[i]!.trace?.segments.length || !this.lines[i]!.text.trim()) continue;
      return this.anchor(this.starts[i]!, this.starts[i]! + this.lines[i]!.text.length);
    }
    return undefined;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first file character at or after (line, col), before the text offset `limit`. */
  private forward(line: number, col: number, limit: number): XmlPoint | undefined {
    for (let i = line; i < this.lines.length && this.starts[i]! < limit; i++) {
      const c = i === line ? col : 0;
      for (const s of this.lines[i]!.trace?.segments ?? []) {
        if (s.at + s.length <= c || this.starts[i]! + s.at >= limit) continue;
        return { kind: 'text', el: s.el, offset: s.from + Math.max(0, c - s.at) };
      }
    }
    return undefined;
  }

  /** Just after the last file character before (line, col), after the text offset `limit`. */
  private backward(line: number, col: number, limit: number): XmlPoint | undefined {
    for (let i = line; i >= 0 && this.starts[i]! + this.lines[i]!.text.length > limit - 1; i--) {
      const c = i === line ? col : this.lines[i]!.text.length;
      const segments = this.lines[i]!.trace?.segments ?? [];
      for (let k = segments.length - 1; k >= 0; k--) {
        const s = segments[k]!;
        if (s.at >= c || this.starts[i]! + s.at + s.length <= limit) continue;
        return { kind: 'text', el: s.el, offset: s.from + Math.min(s.length, c - s.at) };
      }
    }
    return undefined;
  }
}
