import { createEngine as createCoreEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { ConfigResolver, engineEnvironment, PreviousDiscovery, PreviousReader, ReportFilter, type WatchHooks, type WorkspaceFs, type WorkspaceHost } from '@fzlint/workspace';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, PublishDiagnosticsParams, WorkspaceFolder } from 'vscode-languageserver';
import { Analyzer } from './analysis.js';
import { BackgroundWork } from './background.js';
import { clientSupport, type ClientSupport, type ServerContext, type ServerLog } from './context.js';
import { OpenDocuments } from './documents.js';
import { ChecklistProvider } from './features/checklist.js';
import { CodeActionProvider } from './features/code-actions.js';
import { CompletionProvider } from './features/completion.js';
import { DiagnosticsPublisher } from './features/diagnostics-publisher.js';
import { DiagnosticsProvider } from './features/diagnostics.js';
import { DocumentSymbolProvider } from './features/document-symbols.js';
import { FileChanges } from './features/file-changes.js';
import { FoldingRangeProvider } from './features/folding-ranges.js';
import { HoverProvider } from './features/hover.js';
import { RuleFilesPublisher } from './features/rule-files-publisher.js';
import { RuleFilesProvider } from './features/rule-files.js';
import { SettingsStore, type SettingsPull } from './settings.js';
import { WorkspaceFolders } from './workspace/folders.js';

export interface LanguageServiceOptions {
  /** Everything the server reads goes through this file system. */
  fs: WorkspaceFs;
  capabilities?: ClientCapabilities;
  workspaceFolders?: readonly WorkspaceFolder[] | null;
  settings?: {
    /** Asks the client for a resource's settings (workspace/configuration); absent when the client cannot answer. */
    pull?: SettingsPull;
    /** initializationOptions.settings: the settings of clients that do not answer. */
    initial?: unknown;
  };
  /** The engine factory (tests inject a failing engine to prove the server survives it). */
  createEngine?: (env: EngineEnvironment) => Engine;
  log?: ServerLog;
  /** Told which files and folders results depend on (the server's file watcher). */
  watch?: WatchHooks;
  /** The generated rule docs installed with the server (rules.html): rule links when a config sets no docsUrl. */
  docsUrl?: string;
  /** Where diagnostics go (textDocument/publishDiagnostics in an editor). */
  publishDiagnostics(params: PublishDiagnosticsParams): void;
}

const QUIET_LOG: ServerLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * The fzlint language service: one instance per server, holding every cache it uses, with no
 * transport in it. Each LSP feature is a provider taking plain inputs (a TextDocument, params, a
 * cancellation token) and returning the result; the push features (report and rule file
 * diagnostics) are providers plus a publisher handing results to `publishDiagnostics`. The
 * server's wiring (server.ts) forwards the connection's notifications and requests to it; tests
 * call it directly over an in-memory file system.
 */
export class LanguageService {
  readonly context: ServerContext;
  readonly client: ClientSupport;
  readonly documents = new OpenDocuments();
  readonly folders = new WorkspaceFolders();

  readonly diagnostics: DiagnosticsProvider;
  readonly codeActions: CodeActionProvider;
  readonly hover: HoverProvider;
  readonly completion: CompletionProvider;
  readonly documentSymbols: DocumentSymbolProvider;
  readonly foldingRanges: FoldingRangeProvider;
  readonly checklist: ChecklistProvider;
  readonly ruleFiles: RuleFilesProvider;

  private readonly work: BackgroundWork;
  private readonly diagnosticsPublisher: DiagnosticsPublisher;
  private readonly ruleFilesPublisher: RuleFilesPublisher;
  private readonly fileChanges: FileChanges;

  constructor(options: LanguageServiceOptions) {
    const log = options.log ?? QUIET_LOG;
    this.client = clientSupport(options.capabilities ?? {});
    this.folders.set(options.workspaceFolders);
    // The workspace layer sees the editor's unsaved text of open files, and tells the watcher what to watch.
    const host: WorkspaceHost = {
      fs: options.fs,
      openText: (path) => {
        const doc = this.documents.byFilePath(path);
        return doc ? { text: doc.getText(), version: doc.version } : undefined;
      },
      watch: options.watch,
      log,
    };
    const engine = (options.createEngine ?? createCoreEngine)(engineEnvironment(host));
    const settings = new SettingsStore(this.client.configuration ? options.settings?.pull : undefined, options.settings?.initial, (m) => log.warn(m));
    const configs = new ConfigResolver(host, engine);
    const previous = new PreviousReader(host);
    const discovery = new PreviousDiscovery(host);
    const analyzer = new Analyzer({ engine, settings, configs, reports: new ReportFilter(), previous, discovery, folders: this.folders, log });
    this.context = { fs: options.fs, documents: this.documents, engine, analyzer, settings, configs, previous, discovery, client: this.client, log, docsUrl: options.docsUrl };

    this.work = new BackgroundWork((e) => log.error(`fzlint 语言服务器后台任务出错：${(e as Error)?.stack ?? String(e)}`));
    this.diagnostics = new DiagnosticsProvider(this.context);
    this.codeActions = new CodeActionProvider(this.context);
    this.hover = new HoverProvider(this.context);
    this.completion = new CompletionProvider(this.context);
    this.documentSymbols = new DocumentSymbolProvider(this.context);
    this.foldingRanges = new FoldingRangeProvider(this.context);
    this.checklist = new ChecklistProvider(this.context);
    this.ruleFiles = new RuleFilesProvider(this.context);
    this.diagnosticsPublisher = new DiagnosticsPublisher(this.context, this.diagnostics, this.work, options.publishDiagnostics);
    this.ruleFilesPublisher = new RuleFilesPublisher(this.ruleFiles, this.work, options.publishDiagnostics);
    this.fileChanges = new FileChanges(this.context, this.ruleFiles, this.ruleFilesPublisher, this.diagnosticsPublisher, this.work);
    configs.onDidChange(() => this.ruleFilesPublisher.queue());
  }

  didOpen(doc: TextDocument): void {
    this.documents.open(doc);
    this.diagnosticsPublisher.opened(doc);
    this.fileChanges.documentEdited(doc);
  }

  didChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const doc = this.documents.change(uri, version, changes);
    if (!doc) return;
    this.diagnosticsPublisher.changed(doc);
    this.fileChanges.documentEdited(doc);
  }

  didSave(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc) this.diagnosticsPublisher.saved(doc);
  }

  didClose(uri: string): void {
    const doc = this.documents.close(uri);
    if (!doc) return;
    this.diagnosticsPublisher.closed(doc);
    this.fileChanges.documentClosed(doc);
  }

  /** didChangeConfiguration; `pushed` is the `fzlint` section a client without workspace/configuration sends. */
  didChangeConfiguration(pushed: unknown): void {
    this.context.settings.changed(pushed);
    this.context.configs.clear();
    this.diagnosticsPublisher.revalidateAll();
  }

  didChangeWorkspaceFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    for (const f of removed) this.folders.remove(f);
    for (const f of added) this.folders.add(f);
    this.context.settings.changed(undefined);
    this.context.configs.clear();
    this.diagnosticsPublisher.revalidateAll();
  }

  /** Files created, changed or deleted on disk (the server's watcher, workspace/didChangeWatchedFiles). */
  filesChanged(paths: Iterable<string>): void {
    for (const p of paths) this.fileChanges.fileChanged(p);
  }

  /** Resolves once no check, publication or gathered file event is pending. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  dispose(): void {
    this.work.dispose();
  }
}
