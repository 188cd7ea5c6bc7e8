import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ResponseError,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../packages/server/src/server.js';
import { SERVER_VERSION } from '../../packages/server/src/version.js';
import { readSeed } from '../helpers.js';
import { MemoryFs } from '../memory-fs.js';
import { cleanUpAfterEachTest } from './cleanup.js';
import { fileUri, TestClient, type ClientOptions } from './lsp-client.js';

/**
 * The wiring (server.ts) in this process: a real protocol client talks to startServer over a pair
 * of streams, the server reads an in-memory file system. What is checked here is the connection's
 * part — capabilities, registration, params checks, routing to the providers — not the features.
 */
cleanUpAfterEachTest();

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: ResponseError<unknown>) => e);

async function connect(fs: MemoryFs, options: ClientOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer({ connection: createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), fs, watchFiles: false });
  return TestClient.connect(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), { folders: ['/ws'], settings: { debounceMs: 0 }, ...options });
}

describe('server wiring over a connection', () => {
  it('initialize announces the capabilities the providers implement', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer({ connection: createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), fs: new MemoryFs(), watchFiles: false });
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    connection.listen();
    const result = (await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null })) as InitializeResult;
    expect(result.serverInfo).toEqual({ name: 'fzlint', version: SERVER_VERSION });
    expect(result.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fzlint'] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'fzlint' },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: ['（', '('] },
    });
    connection.dispose();
  });

  it('routes documents and requests to the providers; reads go through the injected file system', async () => {
    const fs = new MemoryFs({ '/ws/.fzlint.yaml': 'extends: fzlint:recommended\n' });
    const client = await connect(fs);
    const uri = await client.open('/ws/2024.txt', readSeed('001'));
    const published = await client.current(uri);
    expect(client.registrations).toContain('workspace/didChangeConfiguration');
    expect(published.diagnostics.some((d) => d.code === 'web-residue')).toBe(true);
    // An incremental change is applied to the server's copy of the text.
    const v = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    const after = await client.diagnostics(uri, (p) => p.version === v);
    expect(after.diagnostics.filter((d) => d.code === 'web-residue').length).toBe(published.diagnostics.filter((d) => d.code === 'web-residue').length - 1);
    const c = client.connection;
    const doc = { textDocument: { uri } };
    expect(await c.sendRequest(DocumentSymbolRequest.type, doc)).toHaveLength(6);
    expect((await c.sendRequest(FoldingRangeRequest.type, doc))!.length).toBeGreaterThan(0);
    expect(await c.sendRequest(HoverRequest.type, { ...doc, position: { line: 13, character: 6 } })).toMatchObject({ contents: { kind: 'markdown' } });
    expect(await c.sendRequest(CompletionRequest.type, { ...doc, position: { line: 0, character: 0 } })).toMatchObject({ isIncomplete: false });
    expect(await c.sendRequest(CodeActionRequest.type, { ...doc, range: after.diagnostics[0]!.range, context: { diagnostics: [], only: ['source.fixAll'] } })).toHaveLength(1);
    expect(await c.sendRequest('fzlint/checklist', doc)).toMatchObject({ uri, version: v, status: 'checked' });
    expect(fs.reads).toContain('/ws/.fzlint.yaml');
  });

  it('malformed requests get LSP errors; unknown documents get nothing', async () => {
    const client = await connect(new MemoryFs());
    const uri = await client.open('/ws/2024.txt', readSeed('004'));
    const c = client.connection;
    expect(await failure(c.sendRequest(HoverRequest.method, {}))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(HoverRequest.method, { textDocument: { uri } }))).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('position') });
    expect(await failure(c.sendRequest(HoverRequest.method, { textDocument: { uri }, position: { line: -1, character: 'x' } }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(CompletionRequest.method, { textDocument: { uri }, position: { line: 1.5, character: 0 } }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(DocumentSymbolRequest.method, null))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(FoldingRangeRequest.method, { textDocument: { uri: '' } }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('textDocument/codeAction', { textDocument: {} }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('fzlint/checklist', {}))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('fzlint/checklist', { textDocument: { uri: 42 } }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('fzlint/checklist', { textDocument: { uri: fileUri('/ws/missing.txt') } }))).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('无法读取') });
    expect(await failure(c.sendRequest('fzlint/no-such-request', {}))).toMatchObject({ code: ErrorCodes.MethodNotFound });
    // Unknown documents are not errors: there is simply nothing to say.
    const nowhere = { textDocument: { uri: 'file:///nowhere.txt' } };
    expect(await c.sendRequest(HoverRequest.type, { ...nowhere, position: { line: 0, character: 0 } })).toBeNull();
    expect(await c.sendRequest(DocumentSymbolRequest.type, nowhere)).toBeNull();
    expect(await c.sendRequest(CodeActionRequest.type, { ...nowhere, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toBeNull();
    // Positions past the end are clamped, not fatal.
    expect(await failure(c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9999, character: 9999 } }))).toBeUndefined();
    // And the server keeps serving.
    expect((await client.current(uri)).diagnostics.length).toBeGreaterThan(0);
  });

  it('settings: asked again after didChangeConfiguration; clients without workspace/configuration push them', async () => {
    const client = await connect(new MemoryFs(), { settings: { debounceMs: 0, edition: '' } });
    const uri = await client.open('/ws/2024.txt', readSeed('004'));
    expect((await client.current(uri)).diagnostics.some((d) => String(d.code).startsWith('gd2024/'))).toBe(true);
    client.settings = { debounceMs: 0, edition: 'national-2019' };
    const mark0 = client.published.length;
    await client.configurationChanged();
    const again = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('nat2019/')), { since: mark0 });
    expect(again.diagnostics.some((d) => String(d.code).startsWith('gd2024/'))).toBe(false);

    const push = await connect(new MemoryFs(), { capabilities: { textDocument: { publishDiagnostics: {} } }, initializationOptions: { settings: { debounceMs: 0, enable: false } } });
    const pushed = await push.open('/ws/2024.txt', readSeed('004'));
    expect(await push.connection.sendRequest('fzlint/checklist', { textDocument: { uri: pushed } })).toMatchObject({ status: 'disabled' });
    expect(push.registrations).toEqual([]);
    await push.configurationChanged({ fzlint: { debounceMs: 0, enable: true } });
    expect((await push.diagnostics(pushed, () => true)).diagnostics.length).toBeGreaterThan(0);
  });

  it('workspace/didChangeWatchedFiles from the client: a config created on disk takes effect; save and close are routed', async () => {
    const fs = new MemoryFs();
    const client = await connect(fs, { settings: { debounceMs: 0, run: 'onSave' } });
    const uri = await client.open('/ws/reports/2024.txt', readSeed('004'));
    expect((await client.current(uri)).diagnostics.some((d) => d.code === 'gd2024/title')).toBe(true);
    fs.put('/ws/.fzlint.yaml', 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n');
    const mark = client.published.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri('/ws/.fzlint.yaml'), type: FileChangeType.Created }] });
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'gd2024/title'), { since: mark });
    // onSave: the edit is checked when saved.
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某' }]);
    await client.save(uri);
    await client.diagnostics(uri, (p) => p.version === v);
    const mark1 = client.published.length;
    await client.close(uri);
    expect((await client.diagnostics(uri, () => true, { since: mark1 })).diagnostics).toEqual([]);
  });
});
