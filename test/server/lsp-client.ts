/**
 * A real LSP client for tests: spawns the BUILT server (packages/server/bin) over stdio (or
 * node-ipc) and talks to it with vscode-languageserver-protocol, answering the server's
 * requests (workspace/configuration, client/registerCapability) as an editor would.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers.js';
import { onCleanup } from './cleanup.js';

export const SERVER_BIN = join(ROOT, 'packages/server/bin/fzlint-language-server.js');

/** What VS Code 1.9x announces for the features the server uses. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    foldingRange: {},
  },
};

export interface ClientOptions {
  /** Workspace folders (paths). */
  folders?: string[];
  /** fzlint settings answered to workspace/configuration: one object, or a function of the scope URI. */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  transport?: 'stdio' | 'node-ipc';
  /** The server program to start (default: this repository's built server). */
  bin?: string;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: string[] = [];
  readonly stderr: string[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  settings: ClientOptions['settings'];

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess | undefined,
    options: ClientOptions,
  ) {
    this.settings = options.settings;
    onCleanup(() => this.stop());
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i]!.test(p)) this.waiters.splice(i, 1)[0]!.resolve(p);
      }
    });
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        if (item.section !== 'fzlint') return null;
        const s = this.settings;
        return typeof s === 'function' ? s(item.scopeUri) : (s ?? null);
      }),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
    });
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const ipc = options.transport === 'node-ipc';
    const child = ipc
      ? fork(options.bin ?? SERVER_BIN, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [...(process.env.FZLINT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), options.bin ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options);
    child.stderr!.on('data', (d) => client.stderr.push(String(d)));
    return client.initialize(options);
  }

  /** A client on an existing connection (a server running in this process). */
  static connect(connection: ProtocolConnection, options: ClientOptions = {}): Promise<TestClient> {
    return new TestClient(connection, undefined, options).initialize(options);
  }

  private async initialize(options: ClientOptions): Promise<TestClient> {
    const connection = this.connection;
    connection.listen();
    const folders = options.folders ?? [];
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f, i) => ({ uri: fileUri(f), name: `folder${i}` })),
      capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return this;
  }

  /** Opens a file (its text from disk unless given). Returns its URI. */
  async open(path: string, text?: string, languageId?: string): Promise<string> {
    const uri = fileUri(path);
    const content = text ?? readFileSync(path, 'utf8');
    const lang = languageId ?? ({ '.md': 'markdown', '.yaml': 'yaml', '.yml': 'yaml' }[extname(path)] ?? 'plaintext');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: lang, version: 1, text: content } });
    return uri;
  }

  /** Sends edits (incremental or full) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    let text = this.texts.get(uri) ?? '';
    for (const c of changes) text = 'range' in c ? applyTextEdits(text, [{ range: c.range, newText: c.text }]) : c.text;
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  /** Applies a WorkspaceEdit for this document the way an editor would, sending the change. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<{ version: number; text: string }> {
    const edits: TextEdit[] = [];
    for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) edits.push(...(dc.edits as TextEdit[]));
    edits.push(...(edit.changes?.[uri] ?? []));
    const text = applyTextEdits(this.texts.get(uri) ?? '', edits);
    const version = await this.replaceAll(uri, text);
    return { version, text };
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(settings?: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: settings ?? null });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The next (or an already received, when `seen` allows) publish for a URI that passes `test`. */
  /**
   * The first publication for `uri` passing `test`: among past ones (all, or those from index
   * `since` of `published` on — use `published.length` taken before an edit) or the next ones.
   */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, { timeout = 15000, includePast = true, since = 0 } = {}): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && test(p);
    if (includePast || since > 0) {
      for (let i = this.published.length - 1; i >= since; i--) if (match(this.published[i]!)) return Promise.resolve(this.published[i]!);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} matching the condition within ${timeout} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ v: p.version, n: p.diagnostics.length })))}; logs: ${JSON.stringify(this.logs)}`));
      }, timeout);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ test: match, resolve: done });
    });
  }

  /** Diagnostics for the document's current version. */
  current(uri: string, timeout?: number): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.diagnostics(uri, (p) => p.version === version, { timeout });
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  private stopped?: Promise<void>;

  /** Shuts the server down and ends its process; calling it again does nothing more. */
  stop(): Promise<void> {
    return (this.stopped ??= this.shutdown());
  }

  private async shutdown(): Promise<void> {
    const child = this.process;
    if (!child) {
      // In-process server: shutdown only (exit would end this process).
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      this.connection.dispose();
      return;
    }
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const t = setTimeout(() => {
        child.kill();
        resolve();
      }, 3000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Applies LSP text edits (positions in UTF-16 units) to a string. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line]! + p.character, p.line + 1 < starts.length ? starts[p.line + 1]! : text.length));
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
