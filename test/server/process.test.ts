import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DocumentSymbolRequest, ErrorCodes, HoverRequest, type ResponseError } from 'vscode-languageserver-protocol/node';
import { engine, readSeed, recommended } from '../helpers.js';
import { cleanUpAfterEachTest } from './cleanup.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';

/**
 * The real program: the built server (packages/server/bin) started as editors start it, over
 * stdio and node-ipc, reading the disk and watching it with node:fs. The features themselves are
 * tested in this process against the providers (the other files here).
 */
cleanUpAfterEachTest();

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: ResponseError<unknown>) => e);

describe('the built server as a process', () => {
  it('over stdio: opening seed 004 yields the missing-part diagnostics, exactly as the engine reports them', async () => {
    const ws = new Workspace();
    const file = ws.seed('004');
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const published = await client.current(uri);
    for (const id of ['gd2024/part-speeches', 'gd2024/part-xi-thought', 'gd2024/part-first-responsible']) {
      const d = published.diagnostics.find((x) => x.code === id);
      expect(d, id).toBeDefined();
      expect(d!.severity).toBe(DiagnosticSeverity.Error);
      expect(d!.source).toBe('fzlint');
      expect(d!.range.start).toEqual({ line: 1, character: 0 });
      expect(d!.relatedInformation![0]!.location.uri).toBe(uri);
    }
    const expected = engine.lint(readSeed('004'), { path: file, config: await recommended() }).diagnostics;
    expect(published.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(expected.map((d) => [d.ruleId, d.range, d.message]));
  });

  it('node-ipc transport works as stdio does', async () => {
    const ws = new Workspace();
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 }, transport: 'node-ipc' });
    const uri = await client.open(ws.seed('001'));
    expect((await client.current(uri)).diagnostics.length).toBeGreaterThan(0);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(symbols).toHaveLength(6);
  });

  it('malformed requests get LSP errors and the process keeps serving, with nothing on stderr', async () => {
    const ws = new Workspace();
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const c = client.connection;
    expect(await failure(c.sendRequest(HoverRequest.method, {}))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest(HoverRequest.method, { textDocument: { uri } }))).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('position') });
    expect(await failure(c.sendRequest(DocumentSymbolRequest.method, null))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('textDocument/codeAction', { textDocument: {} }))).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure(c.sendRequest('fzlint/no-such-request', {}))).toMatchObject({ code: ErrorCodes.MethodNotFound });
    expect(await failure(c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9999, character: 9999 } }))).toBeUndefined();
    const published = await client.current(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(client.process?.exitCode).toBeNull();
    expect(client.stderr.join('')).toBe('');
  });

  it('watches the disk itself: a config created, last year’s report created later', async () => {
    const ws = new Workspace();
    const client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004', 'reports/2024.txt'));
    expect((await client.current(uri)).diagnostics.some((d) => d.code === 'gd2024/title')).toBe(true);
    const mark1 = client.published.length;
    writeFileSync(ws.path('.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n');
    const after = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'gd2024/title'), { since: mark1 });
    expect(after.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);

    const report = await client.open(ws.write('2022.md', `---\nyear: 2022\nprevious: ./2021.txt\n---\n\n${readSeed('000')}`));
    expect((await client.current(report)).diagnostics.some((d) => d.code === 'fzlint/previous-unreadable')).toBe(true);
    const mark2 = client.published.length;
    writeFileSync(ws.path('2021.txt'), readSeed('002'));
    const found = await client.diagnostics(report, (p) => !p.diagnostics.some((d) => d.code === 'fzlint/previous-unreadable'), { since: mark2 });
    expect(found.version).toBe(1);
  });
});
