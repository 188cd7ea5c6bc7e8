import * as vscode from 'vscode';
import type { ChecklistResult } from '@fzlint/server';
import type { LanguageServer } from '../language-server.js';

const REPORT_LANGUAGES = new Set(['markdown', 'plaintext']);
/** After an edit, wait this long (ms) before asking again when no new diagnostics arrive. */
const EDIT_SETTLE_MS = 800;

/**
 * Keeps the checklist of the active report: asks the server (`fzlint/checklist`) when the active
 * editor changes, when the server publishes new diagnostics for it, and after edits settle.
 * Answers for a document that is no longer active, or older than one already shown, are dropped.
 * Sets the context key `fzlint.activeReport` (menus) and notifies the view and the status bar.
 */
export class ChecklistController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistResult | undefined>();
  readonly onDidChange = this.changed.event;
  private current: ChecklistResult | undefined;
  private requestSeq = 0;
  private shownSeq = 0;
  private editTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly server: LanguageServer,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      server.onDidStart(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.activeUri();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== this.activeUri() || e.contentChanges.length === 0) return;
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => this.refresh(), EDIT_SETTLE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.current?.uri === d.uri.toString()) this.show(undefined, ++this.requestSeq);
      }),
    );
  }

  get result(): ChecklistResult | undefined {
    return this.current;
  }

  /** Asks the server again for the active editor's document (or clears when there is none). */
  async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    const uri = this.activeUri();
    const server = this.server.running;
    if (!uri || !server) {
      this.show(undefined, seq);
      return;
    }
    try {
      const result = await server.checklist(uri);
      if (uri !== this.activeUri()) return;
      this.show(result, seq);
    } catch (e) {
      // Stopping or restarting the client cancels requests; a later refresh brings the view back.
      if (server.running) this.log.warn(vscode.l10n.t('合规清单请求失败：{0}', (e as Error)?.message ?? String(e)));
    }
  }

  private show(result: ChecklistResult | undefined, seq: number): void {
    if (seq < this.shownSeq) return;
    this.shownSeq = seq;
    this.current = result;
    void vscode.commands.executeCommand('setContext', 'fzlint.activeReport', result?.status === 'checked');
    this.changed.fire(result);
  }

  private activeUri(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && REPORT_LANGUAGES.has(doc.languageId) ? doc.uri.toString() : undefined;
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    for (const d of this.disposables) d.dispose();
  }
}
