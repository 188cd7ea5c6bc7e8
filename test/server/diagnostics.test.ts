import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { engine, readSeed, recommended } from '../helpers.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';
import { cleanUpAfterEachTest } from './cleanup.js';

cleanUpAfterEachTest();

let client: TestClient | undefined;
let ws: Workspace | undefined;

describe('diagnostics (push, over stdio)', () => {
  it('opening seed 004 yields the missing-part diagnostics, exactly as the engine reports them', async () => {
    ws = new Workspace();
    const file = ws.seed('004');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const published = await client.current(uri);
    const byRule = (id: string) => published.diagnostics.find((d) => d.code === id);
    for (const id of ['gd2024/part-speeches', 'gd2024/part-xi-thought', 'gd2024/part-first-responsible']) {
      const d = byRule(id);
      expect(d, id).toBeDefined();
      expect(d!.severity).toBe(DiagnosticSeverity.Error);
      expect(d!.source).toBe('fzlint');
      expect(d!.message).toMatch(/^缺少「.+」部分/);
      expect(d!.range.start).toEqual({ line: 1, character: 0 });
      // Where the body mentions the missing part's topic, passed through as related information.
      expect(d!.relatedInformation?.length).toBeGreaterThan(0);
      expect(d!.relatedInformation![0]!.location.uri).toBe(uri);
    }
    // The server is an adapter: same findings, same ranges as the engine on the same text.
    const expected = engine.lint(readSeed('004'), { path: file, config: await recommended() }).diagnostics;
    expect(published.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(expected.map((d) => [d.ruleId, d.range, d.message]));
  });

  it('re-checks while typing and publishes for the version it checked; older runs never overwrite newer ones', async () => {
    ws = new Workspace();
    const file = ws.seed('004');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    await client.current(uri);
    // Give the report a title: the missing-title error goes away in the version that has it.
    const title = '广州市越秀区政务服务和数据管理局2024年法治政府建设年度报告\n';
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: title }]);
    const last = await client.diagnostics(uri, (p) => p.version === v);
    expect(last.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
    const versions = client.publishedFor(uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('debounces: a burst of edits is checked once, for the last version', async () => {
    ws = new Workspace();
    const file = ws.seed('004');
    // Wide enough that the five edits below always fall inside one debounce window, even on a busy machine.
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 2000 } });
    const uri = await client.open(file);
    await client.current(uri);
    let v = 0;
    for (let i = 0; i < 5; i++) v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '啊' }]);
    await client.diagnostics(uri, (p) => p.version === v);
    expect(client.publishedFor(uri).map((p) => p.version)).toEqual([1, v]);
  });

  it('fzlint.run = onSave: typing does not check, saving does', async () => {
    ws = new Workspace();
    const file = ws.seed('004');
    client = await TestClient.start({ folders: [ws.root], settings: { run: 'onSave', debounceMs: 0 } });
    const uri = await client.open(file);
    await client.current(uri);
    const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某某局2024年法治政府建设年度报告\n' }]);
    await new Promise((r) => setTimeout(r, 400));
    expect(client.publishedFor(uri).some((p) => p.version === v)).toBe(false);
    await client.save(uri);
    const saved = await client.diagnostics(uri, (p) => p.version === v);
    expect(saved.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
  });

  it('fzlint.enable = false per resource: that document stays quiet, others are checked', async () => {
    ws = new Workspace();
    const off = ws.seed('004', 'off/a.txt');
    const on = ws.seed('004', 'on/a.txt');
    client = await TestClient.start({ folders: [ws.root], settings: (scope) => ({ debounceMs: 0, enable: !scope?.includes('/off/') }) });
    const offUri = await client.open(off);
    const onUri = await client.open(on);
    await client.current(onUri);
    const list = await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri: offUri } });
    expect(list).toMatchObject({ status: 'disabled' });
    expect(client.publishedFor(offUri)).toEqual([]);
  });

  it('other Markdown and text stays quiet: a README that mentions 年度报告 is not a report', async () => {
    ws = new Workspace();
    const readme = ws.write('README.md', '# fzlint — 法治政府建设年度报告检查工具\n\n检查法治政府建设年度报告的草稿。\n\n## 用法\n\n运行 fzlint。\n');
    const report = ws.seed('004');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const readmeUri = await client.open(readme);
    const reportUri = await client.open(report);
    await client.current(reportUri);
    expect(await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri: readmeUri } })).toMatchObject({ status: 'not-report' });
    expect(client.publishedFor(readmeUri)).toEqual([]);
  });

  it('with a config that lists `files`, exactly those files are reports', async () => {
    ws = new Workspace();
    ws.write('.fzlint.yaml', "extends: fzlint:recommended\nfiles: ['reports/**/*.txt']\nignores: ['reports/old/**']\n");
    const inside = ws.seed('004', 'reports/2024.txt');
    const ignored = ws.seed('004', 'reports/old/2024.txt');
    const outside = ws.seed('004', 'notes/2024.txt');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uris = [await client.open(outside), await client.open(ignored), await client.open(inside)];
    const published = await client.current(uris[2]!);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    for (const uri of uris.slice(0, 2)) {
      expect(await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })).toMatchObject({ status: 'not-report' });
    }
  });

  it('closing a report clears its diagnostics', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    await client.current(uri);
    const mark0 = client.published.length;
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0, { since: mark0 });
    expect(cleared.diagnostics).toEqual([]);
  });
});
