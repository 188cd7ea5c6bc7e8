import type { Engine, EngineEnvironment } from '@fzlint/core';
import { asyncFs, type WorkspaceFs } from '@fzlint/workspace';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { ServerLog } from './context.js';
import { CODE_ACTION_KINDS } from './features/code-actions.js';
import { COMPLETION_TRIGGER_CHARACTERS } from './features/completion.js';
import { LanguageService } from './language-service.js';
import { ChecklistRequest } from './protocol.js';
import { documentUri, positionOf } from './requests.js';
import { SERVER_VERSION } from './version.js';
import { FileWatcher } from './workspace/file-watcher.js';
import { uriToPath } from './workspace/paths.js';

export interface ServerOptions {
  /** Defaults to a connection from the command line: --stdio, --node-ipc or --socket=PORT. */
  connection?: Connection;
  /** The engine factory (tests inject a failing engine to prove the server survives it). */
  createEngine?: (env: EngineEnvironment) => Engine;
  /** The file system (tests run the server in this process over a prepared one). */
  fs?: WorkspaceFs;
  /** Watch the disk with node:fs (default true); off for a file system that is not the disk. */
  watchFiles?: boolean;
  /** The rule docs installed with the server (a file: URL of rules.html), for rule links. */
  docsUrl?: string;
}

/**
 * The wiring, and the only place that talks to the connection: LSP notifications and requests are
 * checked and handed to the language service's providers; what the service publishes is sent.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const log: ServerLog = {
    debug: (m) => connection.console.log(m),
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  let service: LanguageService | undefined;
  let watcher: FileWatcher | undefined;
  const opened = (uri: string) => service?.documents.get(uri);

  connection.onInitialize((params): InitializeResult => {
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (options.watchFiles !== false) watcher = new FileWatcher((path) => service?.filesChanged([path]), log.warn);
    const w = watcher;
    service = new LanguageService({
      fs: options.fs ?? asyncFs,
      capabilities: params.capabilities,
      workspaceFolders: params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []),
      settings: { pull: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'fzlint' }), initial: init?.settings },
      createEngine: options.createEngine,
      docsUrl: options.docsUrl,
      log,
      watch: w && { file: (p) => w.watchFile(p), configFolder: (d) => w.watchConfigNames(d), reportFolder: (d) => w.watchReports(d) },
      publishDiagnostics: (p) => void connection.sendDiagnostics(p),
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'fzlint' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'fzlint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    const client = service?.client;
    if (client?.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'fzlint' });
    if (client?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => service?.didChangeWorkspaceFolders(e.added, e.removed));
  });

  // Document synchronisation.
  connection.onDidOpenTextDocument(({ textDocument: t }) => service?.didOpen(TextDocument.create(t.uri, t.languageId, t.version, t.text)));
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (textDocument.version === null || textDocument.version === undefined) return connection.console.error(`文档 ${textDocument.uri} 的变更缺少版本号，已忽略`);
    service?.didChange(textDocument.uri, textDocument.version, contentChanges);
  });
  connection.onDidSaveTextDocument(({ textDocument }) => service?.didSave(textDocument.uri));
  connection.onDidCloseTextDocument(({ textDocument }) => service?.didClose(textDocument.uri));
  connection.onDidChangeConfiguration((change) => service?.didChangeConfiguration((change?.settings as { fzlint?: unknown } | null | undefined)?.fzlint));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const paths: string[] = [];
    for (const c of changes ?? []) {
      const path = uriToPath(c.uri);
      if (path && (c.type === FileChangeType.Changed || c.type === FileChangeType.Created || c.type === FileChangeType.Deleted)) paths.push(path);
    }
    service?.filesChanged(paths);
  });

  // Requests: params checked here (InvalidParams otherwise), then the provider; a document that is not open has nothing to say.
  connection.onHover((params, token) => {
    const doc = opened(documentUri(params, 'textDocument/hover'));
    const position = positionOf(params, 'textDocument/hover');
    return doc && service ? service.hover.provideHover(doc, position, token) : null;
  });
  connection.onCompletion((params, token) => {
    const doc = opened(documentUri(params, 'textDocument/completion'));
    const position = positionOf(params, 'textDocument/completion');
    return doc && service ? service.completion.provideCompletion(doc, position, token) : null;
  });
  connection.onCodeAction((params, token) => {
    const doc = opened(documentUri(params, 'textDocument/codeAction'));
    return doc && service ? service.codeActions.provideCodeActions(doc, params, token) : null;
  });
  connection.onDocumentSymbol((params, token) => {
    const doc = opened(documentUri(params, 'textDocument/documentSymbol'));
    return doc && service ? service.documentSymbols.provideDocumentSymbols(doc, token) : null;
  });
  connection.onFoldingRanges((params, token) => {
    const doc = opened(documentUri(params, 'textDocument/foldingRange'));
    return doc && service ? service.foldingRanges.provideFoldingRanges(doc, token) : null;
  });
  connection.onRequest(ChecklistRequest, (params, token) => {
    const uri = documentUri(params, ChecklistRequest.method);
    if (!service) throw new Error('fzlint 语言服务器尚未初始化');
    return service.checklist.provideChecklist(uri, token);
  });

  connection.onShutdown(() => {
    watcher?.dispose();
    service?.dispose();
  });

  connection.listen();
  return connection;
}

/** Logs what would otherwise end the process: one bad document must not take the server down for all others. */
export function keepAlive(connection: Connection): void {
  process.on('uncaughtException', (e) => connection.console.error(`fzlint 语言服务器未处理的异常：${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`fzlint 语言服务器未处理的 Promise 拒绝：${(e as Error)?.stack ?? String(e)}`));
}
