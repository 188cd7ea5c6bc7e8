import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { BackgroundWork } from '../background.js';
import type { ServerContext } from '../context.js';
import { uriToPath } from '../workspace/paths.js';
import { isReportCandidate, type DiagnosticsProvider } from './diagnostics.js';

/**
 * Pushes report diagnostics (textDocument/publishDiagnostics through `publish`): at once on open,
 * debounced while typing (fzlint.run = onType, fzlint.debounceMs) or on save (onSave). Each run is
 * tied to the document version it started on; a result for a version the editor has moved past,
 * or overtaken by a newer run, is dropped rather than published.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Map<string, () => void>();
  private readonly generation = new Map<string, number>();
  private readonly published = new Set<string>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly provider: DiagnosticsProvider,
    private readonly work: BackgroundWork,
    private readonly publish: (params: PublishDiagnosticsParams) => void,
  ) {}

  opened(doc: TextDocument): void {
    if (isReportCandidate(doc)) this.work.track(this.validate(doc.uri));
  }

  changed(doc: TextDocument): void {
    this.dependencyChanged(doc.uri);
    if (!isReportCandidate(doc)) return;
    this.work.track(
      this.ctx.settings.get(doc.uri).then((s) => {
        if (s.run === 'onType') this.schedule(doc.uri, s.debounceMs);
      }),
    );
  }

  saved(doc: TextDocument): void {
    if (!isReportCandidate(doc)) return;
    this.work.track(
      this.ctx.settings.get(doc.uri).then((s) => {
        if (s.run === 'onSave') return this.validate(doc.uri);
      }),
    );
  }

  /** The document is no longer open (already gone from ctx.documents). */
  closed(doc: TextDocument): void {
    const uri = doc.uri;
    this.cancel(uri);
    this.generation.delete(uri);
    this.ctx.analyzer.forget(uri);
    this.ctx.settings.forget(uri);
    if (this.published.delete(uri)) this.publish({ uri, diagnostics: [] });
    this.dependencyChanged(uri);
  }

  /** Settings, configs or watched files changed: check every open report again. */
  revalidateAll(): void {
    this.ctx.analyzer.clear();
    for (const doc of this.ctx.documents.all()) if (isReportCandidate(doc)) this.work.track(this.validate(doc.uri));
  }

  /** Check these reports again (e.g. their previous-year report changed). */
  revalidate(uris: Iterable<string>): void {
    for (const uri of uris) {
      this.ctx.analyzer.forget(uri);
      this.work.track(this.validate(uri));
    }
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
      this.work.track(this.validate(uri));
      return;
    }
    this.pending.set(
      uri,
      this.work.later(delay, () => {
        this.pending.delete(uri);
        return this.validate(uri);
      }),
    );
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    const version = doc.version;
    try {
      const diagnostics = await this.provider.provideDiagnostics(doc);
      // Closed and reopened meanwhile (a new document object), edited, or overtaken by a newer run: stale.
      if (this.ctx.documents.get(uri) !== doc || doc.version !== version || this.generation.get(uri) !== generation) return;
      if (!diagnostics) {
        if (this.published.delete(uri)) this.publish({ uri, version, diagnostics: [] });
        return;
      }
      this.published.add(uri);
      this.publish({ uri, version, diagnostics });
    } catch (e) {
      this.ctx.log.error(`检查 ${uri} 失败：${(e as Error)?.stack ?? String(e)}`);
    }
  }
}
