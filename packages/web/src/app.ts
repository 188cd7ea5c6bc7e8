import { applyEdits, type Fix, type TextRegion } from '@fzlint/core';
import type { BrowserChecker, CheckOutcome, CheckRequest } from './checker.js';
import { byId, h } from './dom.js';
import { Editor } from './editor.js';
import { readReportFile, ReportFileError, type LoadedReport } from './read-file.js';
import { regionsAfterEdit } from './regions.js';
import { renderChecklist, renderReportInfo } from './render/checklist.js';
import { findingItem, renderFindings, type FindingActions } from './render/findings.js';
import { findingsAt, renderMarks } from './render/marks.js';

/** Typing pauses this long (ms) before the report is checked again. */
const CHECK_DELAY_MS = 250;

/** The page: text area, file input, options, findings, checklist; every check runs in this page. */
export class App {
  private readonly editor = new Editor(byId<HTMLTextAreaElement>('source'), byId('marks'));
  private readonly format = byId<HTMLSelectElement>('format');
  private readonly edition = byId<HTMLSelectElement>('edition');
  private readonly region = byId<HTMLSelectElement>('region');
  private readonly status = byId('status');
  private readonly detail = byId('detail');
  private readonly tip = byId('tip');
  private fileName: string | undefined;
  private regions: TextRegion[] = [];
  /** The text the findings on show are of. */
  private checkedText = '';
  /** The text as of the last edit, to move the .docx regions by what the next edit changed. */
  private editedText = '';
  private outcome: CheckOutcome | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly actions: FindingActions = {
    show: (i) => this.showFinding(i),
    apply: (_i, fix) => this.applyFix(fix),
  };

  constructor(private readonly checker: BrowserChecker) {
    for (const e of checker.editions) this.edition.append(h('option', { value: e.id }, e.name));
    for (const r of checker.regions) this.region.append(h('option', { value: r }, r));
    const area = this.editor.area;
    area.addEventListener('input', () => this.edited());
    area.addEventListener('click', () => this.showAtCaret());
    area.addEventListener('keyup', (e) => e.key.startsWith('Arrow') && this.showAtCaret());
    area.addEventListener('mousemove', (e) => this.hover(e));
    area.addEventListener('mouseleave', () => (this.tip.hidden = true));
    for (const select of [this.format, this.edition, this.region]) select.addEventListener('change', () => this.check());
    byId<HTMLInputElement>('file-input').addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.files?.[0]) void this.open(input.files[0]);
      input.value = '';
    });
    byId('fix-all').addEventListener('click', () => this.fixAll());
    byId('copy').addEventListener('click', () => void this.copy());
    byId('download').addEventListener('click', () => this.download());
    this.acceptDrops();
    this.check();
  }

  private request(): CheckRequest {
    const request: CheckRequest = { text: this.editor.text, format: this.format.value === 'markdown' ? 'markdown' : 'text', edition: this.edition.value, region: this.region.value };
    if (this.fileName) request.fileName = this.fileName;
    if (this.regions.length) request.regions = this.regions;
    return request;
  }

  private edited(): void {
    this.regions = regionsAfterEdit(this.regions, this.editedText, this.editor.text);
    this.editedText = this.editor.text;
    clearTimeout(this.timer);
    this.status.textContent = '正在检查…';
    this.timer = setTimeout(() => this.check(), CHECK_DELAY_MS);
  }

  /** Checks the text now and redraws marks, findings, checklist and the report's details. */
  check(): void {
    clearTimeout(this.timer);
    const text = this.editor.text;
    this.checkedText = text;
    this.editedText = text;
    if (!text.trim()) {
      this.clear();
      return;
    }
    const started = performance.now();
    let outcome: CheckOutcome;
    try {
      outcome = this.checker.check(this.request());
    } catch (e) {
      this.status.textContent = `检查出错：${(e as Error)?.message ?? String(e)}（这是 fzlint 的缺陷，请附上报告反馈）`;
      return;
    }
    this.outcome = outcome;
    renderMarks(this.editor.layer, text, outcome.diagnostics);
    this.editor.syncScroll();
    renderFindings(byId('finding-list'), byId('counts'), outcome.diagnostics, this.actions);
    renderChecklist(byId('checklist'), outcome.checklist, (start, end) => this.editor.select(start, end));
    renderReportInfo(byId('report-info'), outcome.result);
    this.detail.hidden = true;
    const ms = Math.round(performance.now() - started);
    this.status.textContent = `已检查（${ms} 毫秒）：${outcome.diagnostics.length} 个问题`;
    document.body.dataset.checked = String(text.length);
  }

  /** Nothing to check yet: no findings about an empty text, just what to do. */
  private clear(): void {
    this.outcome = undefined;
    this.editor.layer.replaceChildren(this.editor.text);
    for (const id of ['finding-list', 'counts', 'checklist', 'report-info']) byId(id).replaceChildren();
    this.detail.hidden = true;
    this.status.textContent = '请粘贴报告全文，或打开 .txt、.md、.docx 文件';
    document.body.dataset.checked = String(this.editor.text.length);
  }

  private showFinding(index: number): void {
    const d = this.outcome?.diagnostics[index];
    if (!d) return;
    this.editor.select(d.start, d.end);
    this.showDetail([index]);
  }

  private showAtCaret(): void {
    if (!this.outcome || this.editor.text !== this.checkedText) return;
    const at = findingsAt(this.outcome.diagnostics, this.editor.area.selectionStart);
    if (at.length) this.showDetail(at);
    else this.detail.hidden = true;
  }

  private showDetail(indices: number[]): void {
    const diagnostics = this.outcome!.diagnostics;
    this.detail.replaceChildren(...indices.map((i) => findingItem(diagnostics[i]!, i, this.actions, 'div')));
    this.detail.hidden = false;
  }

  /** The message of the mark under the pointer (the marks lie behind the text area). */
  private hover(e: MouseEvent): void {
    const mark = document.elementsFromPoint(e.clientX, e.clientY).find((el): el is HTMLElement => el instanceof HTMLElement && el.tagName === 'MARK');
    if (!mark?.dataset.title) {
      this.tip.hidden = true;
      return;
    }
    this.tip.textContent = mark.dataset.title;
    this.tip.style.left = `${e.clientX + 12}px`;
    this.tip.style.top = `${e.clientY + 16}px`;
    this.tip.hidden = false;
  }

  private applyFix(fix: Fix): void {
    if (this.editor.text !== this.checkedText) {
      // The fix was computed for an older text: its offsets would land in the wrong place.
      this.check();
      this.status.textContent = `文字已改动，已重新检查，请再点一次修复。${this.status.textContent ?? ''}`;
      return;
    }
    this.editor.replace(applyEdits(this.editor.text, fix.edits));
    this.check();
    this.status.textContent = `已应用：${fix.title}。${this.status.textContent ?? ''}`;
  }

  private fixAll(): void {
    const { text, fixed } = this.checker.fixAll(this.request());
    if (!fixed) {
      this.status.textContent = '没有可自动修复的问题';
      return;
    }
    this.editor.replace(text);
    this.check();
    this.status.textContent = `已自动修复 ${fixed} 处。${this.status.textContent ?? ''}`;
  }

  private async copy(): Promise<void> {
    const text = this.editor.text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      this.editor.area.focus();
      this.editor.area.select();
      if (!document.execCommand('copy')) {
        this.status.textContent = '浏览器不允许复制，请按 Ctrl+A 全选后用 Ctrl+C 复制';
        return;
      }
    }
    this.status.textContent = `已复制修改后的全文（${text.length} 字）`;
  }

  /** Saves the text as a UTF-8 file: a .docx comes back as .txt (the page does not write Word files). */
  private download(): void {
    const base = (this.fileName ?? '报告').replace(/\.(docx|txt|md|markdown)$/i, '');
    const ext = this.format.value === 'markdown' ? '.md' : '.txt';
    const url = URL.createObjectURL(new Blob([this.editor.text], { type: 'text/plain;charset=utf-8' }));
    const a = h('a', { href: url, download: `${base}${ext}` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async open(file: File): Promise<void> {
    this.status.textContent = `正在读取 ${file.name}…`;
    let report: LoadedReport;
    try {
      report = readReportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      this.status.textContent = e instanceof ReportFileError ? e.message : `${file.name}：读取失败（${(e as Error)?.message ?? String(e)}）`;
      return;
    }
    this.fileName = report.name;
    this.regions = report.regions;
    this.format.value = report.format;
    this.editor.load(report.text);
    byId('file-name').textContent = report.name;
    byId('notes').replaceChildren(...report.notes.map((n) => h('li', {}, n)));
    this.check();
  }

  private acceptDrops(): void {
    const body = document.body;
    body.addEventListener('dragover', (e) => {
      e.preventDefault();
      body.classList.add('dragging');
    });
    body.addEventListener('dragleave', (e) => {
      if (e.relatedTarget === null) body.classList.remove('dragging');
    });
    body.addEventListener('drop', (e) => {
      e.preventDefault();
      body.classList.remove('dragging');
      const file = e.dataTransfer?.files[0];
      if (file) void this.open(file);
    });
  }
}
