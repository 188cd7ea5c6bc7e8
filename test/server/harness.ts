/**
 * The language server in this process, without a transport: a LanguageService over an in-memory
 * file system (or the disk), documents opened as vscode-languageserver-textdocument TextDocuments,
 * and the providers called directly. What the service publishes and logs is recorded.
 */
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine, EngineEnvironment } from '@fzlint/core';
import type { WorkspaceFs } from '@fzlint/workspace';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken, type ClientCapabilities, type Position, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LanguageService } from '../../packages/server/src/language-service.js';
import { readSeed, SEED_FILES } from '../helpers.js';
import { MemoryFs } from '../memory-fs.js';
import { VSCODE_LIKE_CAPABILITIES } from './lsp-client.js';

export type SettingsAnswer = Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);

export interface HarnessOptions {
  /** Files relative to the workspace folder. */
  files?: Record<string, string>;
  /** Defaults to a MemoryFs; pass the disk (asyncFs) with a real `root` for what only a disk has. */
  fs?: WorkspaceFs;
  /** The workspace folder; defaults to /ws. */
  root?: string;
  /** More workspace folders (absolute paths). */
  folders?: string[];
  /** What the client answers to workspace/configuration. */
  settings?: SettingsAnswer;
  capabilities?: ClientCapabilities;
  initialSettings?: unknown;
  createEngine?: (env: EngineEnvironment) => Engine;
  /** The rule docs installed with the server (rule links). */
  docsUrl?: string;
}

export const NONE = CancellationToken.None;

export class Harness {
  readonly fs: WorkspaceFs;
  readonly root: string;
  readonly service: LanguageService;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ level: 'debug' | 'info' | 'warn' | 'error'; message: string }> = [];
  /** Asked of the client through workspace/configuration, in order. */
  readonly settingsAsked: string[] = [];
  readonly watched = { files: new Set<string>(), configFolders: new Set<string>(), reportFolders: new Set<string>() };
  settings: SettingsAnswer | undefined;
  private readonly waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];

  constructor(options: HarnessOptions = {}) {
    this.root = options.root ?? '/ws';
    this.fs = options.fs ?? new MemoryFs();
    for (const [rel, text] of Object.entries(options.files ?? {})) this.write(rel, text);
    this.settings = options.settings;
    const folders = [this.root, ...(options.folders ?? [])];
    const log = (level: Harness['logs'][number]['level']) => (message: string) => this.logs.push({ level, message });
    this.service = new LanguageService({
      fs: this.fs,
      capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
      workspaceFolders: folders.map((f, i) => ({ uri: fileUri(f), name: `folder${i}` })),
      settings: {
        pull: async (uri) => {
          this.settingsAsked.push(uri);
          const s = this.settings;
          return typeof s === 'function' ? s(uri) : (s ?? null);
        },
        initial: options.initialSettings,
      },
      createEngine: options.createEngine,
      docsUrl: options.docsUrl,
      log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      watch: {
        file: (p) => this.watched.files.add(p),
        configFolder: (d) => this.watched.configFolders.add(d),
        reportFolder: (d) => this.watched.reportFolders.add(d),
      },
      publishDiagnostics: (p) => {
        this.published.push(p);
        for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i]!.test(p)) this.waiters.splice(i, 1)[0]!.resolve(p);
      },
    });
  }

  path(rel: string): string {
    return rel.startsWith('/') ? rel : join(this.root, rel);
  }

  uri(rel: string): string {
    return fileUri(this.path(rel));
  }

  /** Writes a file (not telling the server: see `fileChanged`). Returns its path. */
  write(rel: string, text: string): string {
    const path = this.path(rel);
    if (this.fs instanceof MemoryFs) this.fs.put(path, text);
    else throw new Error('Harness.write: use a MemoryFs, or write the disk yourself');
    return path;
  }

  seed(id: keyof typeof SEED_FILES, rel: string = SEED_FILES[id]): string {
    return this.write(rel, readSeed(id));
  }

  /** A file changed on disk, as the watcher reports it. */
  fileChanged(rel: string, text?: string): string {
    const path = text === undefined ? this.path(rel) : this.write(rel, text);
    this.service.filesChanged([path]);
    return path;
  }

  /** Opens a file in the editor (its text from the file system unless given). */
  async open(rel: string, text?: string, languageId?: string): Promise<TextDocument> {
    const path = this.path(rel);
    const content = text ?? (await this.fs.readFile(path)).toString('utf8');
    const lang = languageId ?? ({ '.md': 'markdown', '.yaml': 'yaml', '.yml': 'yaml' }[extname(path)] ?? 'plaintext');
    const doc = TextDocument.create(fileUri(path), lang, 1, content);
    this.service.didOpen(doc);
    return doc;
  }

  doc(uri: string): TextDocument {
    const d = this.service.documents.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  /** Sends edits (incremental or full) as the editor does; returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = this.doc(uri).version + 1;
    this.service.didChange(uri, version, changes);
    return version;
  }

  insert(uri: string, at: Position, text: string): number {
    return this.change(uri, [{ range: { start: at, end: at }, text }]);
  }

  replaceAll(uri: string, text: string): number {
    return this.change(uri, [{ text }]);
  }

  /** Applies a WorkspaceEdit's edits for this document as the editor would, and sends the change. */
  applyEdit(uri: string, edit: { changes?: Record<string, Array<{ range: unknown; newText: string }>>; documentChanges?: unknown[] }): { version: number; text: string } {
    const edits: Array<{ range: { start: Position; end: Position }; newText: string }> = [];
    for (const dc of (edit.documentChanges ?? []) as Array<{ textDocument?: { uri: string }; edits?: typeof edits }>) if (dc.textDocument?.uri === uri) edits.push(...(dc.edits ?? []));
    edits.push(...((edit.changes?.[uri] ?? []) as typeof edits));
    const text = TextDocument.applyEdits(this.doc(uri), edits);
    const version = this.replaceAll(uri, text);
    return { version, text };
  }

  save(uri: string): void {
    this.service.didSave(uri);
  }

  close(uri: string): void {
    this.service.didClose(uri);
  }

  idle(): Promise<void> {
    return this.service.idle();
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** The first publication for `uri` passing `test`, among those from index `since` of `published` on, or the next ones. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, { since = 0, timeout = 15000 } = {}): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && test(p);
    const past = this.published.slice(since).find(match);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} matching the condition within ${timeout} ms; got ${JSON.stringify(this.publishedFor(uri).map((p) => ({ v: p.version, n: p.diagnostics.length })))}; logs: ${JSON.stringify(this.logs)}`));
      }, timeout);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ test: match, resolve: done });
    });
  }

  /** Diagnostics published for the document's current version. */
  current(uri: string): Promise<PublishDiagnosticsParams> {
    const version = this.doc(uri).version;
    return this.diagnostics(uri, (p) => p.version === version);
  }

  dispose(): void {
    this.service.dispose();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
