import type { TextDocument } from 'vscode-languageserver-textdocument';
import { conversion, type ServerContext } from '../context.js';
import { toLspDiagnostic } from '../to-lsp.js';
import { isYamlPath, uriToPath } from '../workspace/paths.js';

/**
 * Pushes diagnostics (textDocument/publishDiagnostics) for reports: at once on open, debounced
 * while typing (fzlint.run = onType, fzlint.debounceMs) or on save (onSave). Each run is tied
 * to the document version it started on; a result for a version the editor has moved past, or
 * overtaken by a newer run, is dropped rather than published.
 */
export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly published = new Set<string>();
  private readonly justOpened = new Set<string>();

  constructor(private readonly ctx: ServerContext) {
    const docs = ctx.documents.documents;
    docs.onDidOpen(({ document }) => {
      if (!isReportCandidate(document)) return;
      this.justOpened.add(document.uri);
      void this.validate(document.uri);
    });
    docs.onDidChangeContent(({ document }) => {
      if (this.justOpened.delete(document.uri)) return;
      this.dependencyChanged(document.uri);
      if (!isReportCandidate(document)) return;
      void this.ctx.settings.get(document.uri).then((s) => {
        if (s.run === 'onType') this.schedule(document.uri, s.debounceMs);
      });
    });
    docs.onDidSave(({ document }) => {
      if (!isReportCandidate(document)) return;
      void this.ctx.settings.get(document.uri).then((s) => {
        if (s.run === 'onSave') void this.validate(document.uri);
      });
    });
    docs.onDidClose(({ document }) => {
      this.cancel(document.uri);
      this.justOpened.delete(document.uri);
      this.generation.delete(document.uri);
      this.ctx.analyzer.forget(document.uri);
      this.ctx.settings.forget(document.uri);
      if (this.published.delete(document.uri)) void ctx.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      this.dependencyChanged(document.uri);
    });
  }

  /** Settings, configs or watched files changed: check every open report again. */
  revalidateAll(): void {
    this.ctx.analyzer.clear();
    for (const doc of this.ctx.documents.all()) if (isReportCandidate(doc)) void this.validate(doc.uri);
  }

  /** Check these reports again (e.g. their previous-year report changed). */
  revalidate(uris: Iterable<string>): void {
    for (const uri of uris) {
      this.ctx.analyzer.forget(uri);
      void this.validate(uri);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** A document that other reports read (last year's report open in the editor) changed or closed. */
  private dependencyChanged(uri: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    const dependents = this.ctx.analyzer.dependents(path).filter((u) => u !== uri);
    if (dependents.length) this.revalidate(dependents);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    if (delay <= 0) {
      void this.validate(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    const version = doc.version;
    try {
      const analysis = await this.ctx.analyzer.analyze(doc);
      const current = this.ctx.documents.get(uri);
      if (!current || current.version !== version || this.generation.get(uri) !== generation) return;
      if (analysis.state !== 'checked') {
        if (this.published.delete(uri)) await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      const conv = conversion(this.ctx, analysis);
      const diagnostics = analysis.diagnostics.map((d) => toLspDiagnostic(d, conv));
      this.published.add(uri);
      await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      this.ctx.connection.console.error(`检查 ${uri} 失败：${(e as Error)?.stack ?? String(e)}`);
    }
  }
}

/** Reports are Markdown or plain text; YAML documents are config and rule files (see rule-files.ts). */
export function isReportCandidate(doc: TextDocument): boolean {
  return doc.languageId !== 'yaml' && !isYamlPath(uriToPath(doc.uri) ?? doc.uri);
}
