import { createEngine as createCoreEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Analyzer } from './analysis.js';
import { clientSupport, type ServerContext } from './context.js';
import { registerChecklist } from './features/checklist.js';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/code-actions.js';
import { COMPLETION_TRIGGER_CHARACTERS, registerCompletion } from './features/completion.js';
import { DiagnosticsFeature } from './features/diagnostics.js';
import { registerDocumentSymbols } from './features/document-symbols.js';
import { registerFoldingRanges } from './features/folding-ranges.js';
import { registerHover } from './features/hover.js';
import { RuleFilesFeature } from './features/rule-files.js';
import { SettingsStore } from './settings.js';
import { SERVER_VERSION } from './version.js';
import { asyncFs, ConfigResolver, engineEnvironment, PreviousDiscovery, PreviousReader, ReportFilter, type WorkspaceFs, type WorkspaceHost } from '@fzlint/workspace';
import { FileWatcher } from './workspace/file-watcher.js';
import { WorkspaceFolders } from './workspace/folders.js';
import { OpenDocuments } from './workspace/open-documents.js';

export interface ServerOptions {
  /** Defaults to a connection from the command line: --stdio, --node-ipc or --socket=PORT. */
  connection?: Connection;
  /** The engine factory (tests inject a failing engine to prove the server survives it). */
  createEngine?: (env: EngineEnvironment) => Engine;
  /** The file system (tests run the server in this process over a prepared one). */
  fs?: WorkspaceFs;
}

/** Wires the language server: connection, documents, the engine and one module per feature. */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const textDocuments = new TextDocuments(TextDocument);
  const documents = new OpenDocuments(textDocuments);
  const log = {
    debug: (m: string) => connection.console.log(m),
    info: (m: string) => connection.console.info(m),
    warn: (m: string) => connection.console.warn(m),
    error: (m: string) => connection.console.error(m),
  };
  // The workspace layer sees the editor's unsaved text of open files, and tells the watcher what to watch.
  const host: WorkspaceHost = {
    fs: options.fs ?? asyncFs,
    openText: (path) => {
      const doc = documents.byFilePath(path);
      return doc ? { text: doc.getText(), version: doc.version } : undefined;
    },
    log,
  };
  const engine = (options.createEngine ?? createCoreEngine)(engineEnvironment(host));
  const folders = new WorkspaceFolders();
  const disposables: Array<{ dispose(): void }> = [];

  connection.onInitialize((params): InitializeResult => {
    const client = clientSupport(params.capabilities);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    const settings = new SettingsStore(connection, client.configuration, init?.settings);
    let ruleFiles: RuleFilesFeature | undefined;
    const watcher = new FileWatcher((path) => ruleFiles?.fileChanged(path), log.warn);
    host.watch = { file: (p) => watcher.watchFile(p), configFolder: (d) => watcher.watchConfigNames(d), reportFolder: (d) => watcher.watchReports(d) };
    const configs = new ConfigResolver(host, engine);
    const previous = new PreviousReader(host);
    const discovery = new PreviousDiscovery(host);
    const analyzer = new Analyzer({ engine, open: documents, settings, configs, reports: new ReportFilter(), previous, discovery, folders, log });
    const ctx: ServerContext = { connection, documents, engine, analyzer, settings, configs, previous, discovery, client };

    const diagnostics = new DiagnosticsFeature(ctx);
    ruleFiles = new RuleFilesFeature(ctx, diagnostics);
    registerCodeActions(ctx);
    registerHover(ctx);
    registerDocumentSymbols(ctx);
    registerFoldingRanges(ctx);
    registerCompletion(ctx);
    registerChecklist(ctx);
    disposables.push(watcher, diagnostics, ruleFiles);

    connection.onDidChangeConfiguration((change) => {
      const pushed = (change?.settings as { fzlint?: unknown } | null | undefined)?.fzlint;
      settings.changed(pushed);
      configs.clear();
      diagnostics.revalidateAll();
    });
    connection.onInitialized(() => {
      if (client.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'fzlint' });
      if (client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          e.removed.forEach((f) => folders.remove(f));
          e.added.forEach((f) => folders.add(f));
          settings.changed(undefined);
          configs.clear();
          diagnostics.revalidateAll();
        });
      }
    });

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'fzlint' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fzlint', version: SERVER_VERSION },
    };
  });

  connection.onShutdown(() => {
    for (const d of disposables) d.dispose();
  });

  textDocuments.listen(connection);
  connection.listen();
  return connection;
}

/** Logs what would otherwise end the process: one bad document must not take the server down for all others. */
export function keepAlive(connection: Connection): void {
  process.on('uncaughtException', (e) => connection.console.error(`fzlint 语言服务器未处理的异常：${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`fzlint 语言服务器未处理的 Promise 拒绝：${(e as Error)?.stack ?? String(e)}`));
}
