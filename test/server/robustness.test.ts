import { PassThrough } from 'node:stream';
import { createEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ResponseError,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../packages/server/src/server.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';
import { readSeed } from '../helpers.js';
import { cleanUpAfterEachTest } from './cleanup.js';

cleanUpAfterEachTest();

let client: TestClient | undefined;
let ws: Workspace | undefined;

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: ResponseError<unknown>) => e);

describe('robustness', () => {
  it('malformed requests get LSP errors and the server keeps serving', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const c = client.connection;
    expect(await failure(c.sendRequest(HoverRequest.method, {}))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(HoverRequest.method, { textDocument: { uri } }))).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('position') });
    expect(await failure(c.sendRequest(HoverRequest.method, { textDocument: { uri }, position: { line: -1, character: 'x' } }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(DocumentSymbolRequest.method, null))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('textDocument/codeAction', { textDocument: {} }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('fzlint/no-such-request', {}))).toMatchObject({ code: ErrorCodes.MethodNotFound });
    // Unknown documents are not errors: there is simply nothing to say.
    expect(await c.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } })).toBeNull();
    // Positions past the end are clamped, not fatal.
    expect(await failure(c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9999, character: 9999 } }))).toBeUndefined();
    const published = await client.current(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(client.process?.exitCode).toBeNull();
    expect(client.stderr.join('')).toBe('');
  });

  it('bad setting values: a warning in the log, defaults used, checking goes on', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: -5, run: 'sometimes', enable: 'yes' } });
    const uri = await client.open(ws.seed('004'));
    const published = await client.current(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const warnings = client.logs.filter((l) => l.type === 2).map((l) => l.message);
    expect(warnings).toContain('设置 fzlint.run 的值 "sometimes" 无效（应为 onType 或 onSave），已使用默认值 "onType"');
    expect(warnings.some((w) => w.startsWith('设置 fzlint.debounceMs 的值 -5 无效'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('设置 fzlint.enable 的值 "yes" 无效'))).toBe(true);
  });

  it('an engine failure on one document: an internal-error diagnostic there, a log entry, other documents still checked', async () => {
    ws = new Workspace();
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const failing = (env: EngineEnvironment): Engine => {
      const real = createEngine(env);
      return {
        ...real,
        lint(text, options) {
          if (text.includes('触发引擎故障')) throw new Error('模拟的引擎故障');
          return real.lint(text, options);
        },
      };
    };
    startServer({ connection: createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), createEngine: failing });
    client = await TestClient.connect(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), { folders: [ws.root], settings: { debounceMs: 0 } });
    const bad = await client.open(ws.write('bad.txt', `某某局2024年法治政府建设年度报告\n一、触发引擎故障\n`));
    const good = await client.open(ws.seed('004'));
    const broken = await client.current(bad);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'fzlint/internal-error', severity: 1, message: 'fzlint 内部错误，本报告暂时无法检查：模拟的引擎故障' });
    expect((await client.current(good)).diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    expect(client.logs.some((l) => l.type === 1 && l.message.includes('模拟的引擎故障'))).toBe(true);
    // Requests on the failing document answer instead of throwing.
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bad } })).toEqual([]);
  });
});

describe('time budget', () => {
  it('a check that runs past fzlint.lintTimeoutMs is stopped with a finding; other requests and documents are answered', async () => {
    ws = new Workspace();
    const big = ws.write('big.txt', readSeed('003').repeat(120));
    const small = ws.seed('004');
    // The large report gets a budget it cannot meet; the small one the default.
    client = await TestClient.start({ folders: [ws.root], settings: (uri?: string) => (uri?.endsWith('big.txt') ? { debounceMs: 0, lintTimeoutMs: 10 } : { debounceMs: 0 }) });
    const bigUri = await client.open(big);
    const smallUri = await client.open(small);
    // Asked while the large report is being checked: answered once the budget stops that check.
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: smallUri } });
    expect(symbols?.length).toBeGreaterThan(0);
    const stopped = await client.current(bigUri);
    const timeouts = stopped.diagnostics.filter((d) => d.code === 'fzlint/rule-timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts[0]!.message).toMatch(/超过 (10|5) 毫秒/);
    expect(timeouts[0]!.severity).toBe(1);
    const checked = await client.current(smallUri);
    expect(checked.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
    expect(checked.diagnostics.some((d) => d.code === 'fzlint/rule-timeout')).toBe(false);
    // The server goes on: an edit to the small report is checked again.
    await client.replaceAll(smallUri, `${client.text(smallUri)}\n一、新增部分`);
    expect((await client.current(smallUri)).version).toBe(2);
    expect(client.process?.exitCode).toBeNull();
  });
});
