import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { HoverRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../packages/server/src/server.js';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../helpers.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';
import type { ChecklistResult } from '../../packages/server/src/protocol.js';
import { cleanUpAfterEachTest } from './cleanup.js';

cleanUpAfterEachTest();

let client: TestClient | undefined;
let ws: Workspace | undefined;

const checklist = (c: TestClient, uri: string) => c.connection.sendRequest('fzlint/checklist', { textDocument: { uri } }) as Promise<ChecklistResult>;
const withFrontMatter = (previous: string, body: string) => `---\nyear: 2022\nprevious: ${previous}\n---\n\n${body}`;

describe('previous-year report in the server', () => {
  it('an unreadable previous report: a warning at the front-matter line, checking goes on; created later, it is picked up', async () => {
    ws = new Workspace();
    const file = ws.write('2022.md', withFrontMatter('./2021.txt', readSeed('000')));
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const first = await client.current(uri);
    const warning = first.diagnostics.find((d) => d.code === 'fzlint/previous-unreadable')!;
    expect(warning.message).toBe(`front matter 中 previous 指定的上一年度报告「./2021.txt」（${ws.path('2021.txt')}）无法读取：文件或目录不存在；跨年度检查未进行`);
    expect(warning.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 20 } });
    expect(first.diagnostics.map((d) => d.code)).toContain('nat2019/signature');
    expect((await checklist(client, uri)).previous).toMatchObject({ status: 'unreadable', source: 'front-matter', error: '文件或目录不存在' });
    expect(client.logs.some((l) => l.message.includes('上一年度报告「./2021.txt」'))).toBe(true);

    const mark0 = client.published.length;
    writeFileSync(ws.path('2021.txt'), readSeed('002'));
    const after = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'fzlint/previous-unreadable'), { since: mark0 });
    expect(after.version).toBe(1);
    expect((await checklist(client, uri)).previous).toMatchObject({ status: 'found', source: 'front-matter', path: ws.path('2021.txt') });
  });

  it('the previous report changing (on disk, or edited in the editor) re-checks this year’s report', async () => {
    ws = new Workspace();
    const prev = ws.seed('002', '2021.txt');
    const file = ws.write('2022.md', withFrontMatter('2021.txt', readSeed('000')));
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    await client.current(uri);
    let count = client.publishedFor(uri).length;
    const mark1 = client.published.length;
    writeFileSync(prev, `${readSeed('002')}\n补充一句。\n`);
    await client.diagnostics(uri, () => true, { since: mark1 });
    expect(client.publishedFor(uri).length).toBeGreaterThan(count);

    const prevUri = await client.open(prev);
    count = client.publishedFor(uri).length;
    const mark2 = client.published.length;
    await client.change(prevUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（修改）' }]);
    await client.diagnostics(uri, () => true, { since: mark2 });
    expect(client.publishedFor(uri).length).toBeGreaterThan(count);
  });

  it('from the fzlint.previous setting and from the config’s previous mapping', async () => {
    ws = new Workspace();
    ws.seed('002', 'archive/2021.txt');
    ws.seed('000', 'a/2022.txt');
    ws.seed('000', 'b/2022.txt');
    ws.write('b/.fzlint.yaml', 'extends: fzlint:recommended\nprevious:\n  2022.txt: ../archive/2021.txt\n');
    client = await TestClient.start({ folders: [ws.root], settings: (scope) => ({ debounceMs: 0, previous: scope?.includes('/a/') ? 'archive/2021.txt' : '' }) });
    const a = await client.open(ws.path('a/2022.txt'));
    const b = await client.open(ws.path('b/2022.txt'));
    expect((await checklist(client, a)).previous).toMatchObject({ status: 'found', source: 'setting', path: ws.path('archive/2021.txt') });
    expect((await checklist(client, b)).previous).toMatchObject({ status: 'found', source: 'config', path: ws.path('archive/2021.txt') });
  });
});

describe('cross-year findings in the editor', () => {
  it('related locations into last year’s report are passed through, and the hover quotes last year’s text', async () => {
    ws = new Workspace();
    const prevPath = ws.seed('002', '2021.txt');
    const file = ws.write('2022.md', withFrontMatter('2021.txt', readSeed('000')));
    // Stands in for the cross-year rules being built in the core: one finding pointing into last year's problems part.
    const crossYear = (env: EngineEnvironment): Engine => {
      const real = createEngine(env);
      return {
        ...real,
        lint(text, options) {
          const result = real.lint(text, options);
          const prev = result.previous;
          if (prev) {
            const start = prev.doc.text.indexOf('数据壁垒');
            result.diagnostics.unshift({
              ruleId: 'cross-year/test', severity: 'warning', message: '上一年度问题未见整改情况', start: 0, end: 3,
              range: result.document.lines.rangeOf(0, 3),
              related: [{ path: prev.path, start, end: start + 4, range: prev.doc.lines.rangeOf(start, start + 4), message: '上一年度报告提出的问题' }],
            });
          }
          return result;
        },
      };
    };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer({ connection: createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), createEngine: crossYear });
    client = await TestClient.connect(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), { folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const published = await client.current(uri);
    const d = published.diagnostics.find((x) => x.code === 'cross-year/test')!;
    expect(d.relatedInformation![0]!.location.uri).toBe(`file://${prevPath}`);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect((hover!.contents as MarkupContent).value).toMatch(/\*\*上一年度报告\*\*（第 \d+ 行）：「数据壁垒」/);
  });
});

describe('automatic discovery of last year’s report (same unit, year − 1, same folder)', () => {
  it('seed 000 next to seed 002: the three 2021 problems are reported as not addressed, with last year’s text in the hover', async () => {
    ws = new Workspace();
    const prev = ws.seed('002', '2021.txt');
    const file = ws.seed('000', '2022.txt');
    ws.seed('001', 'other-unit-2023.txt');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const published = await client.current(uri);
    const notAddressed = published.diagnostics.filter((d) => d.code === 'cross-year/problems-addressed');
    expect(notAddressed).toHaveLength(3);
    expect(notAddressed.map((d) => d.relatedInformation![0]!.location.uri)).toEqual([prev, prev, prev].map((p) => `file://${p}`));
    const list = await checklist(client, uri);
    expect(list.previous).toMatchObject({ status: 'found', source: 'auto', path: prev });
    expect(list.previous.reason).toContain('自动选用');
    expect(list.previous.items.filter((i) => i.ruleId === 'cross-year/problems-addressed' && !i.found)).toHaveLength(3);
    expect(list.previous.items.filter((i) => i.type === 'previous-problem')).toHaveLength(3);
    expect(list.previous.items.filter((i) => i.type === 'previous-plan')).toHaveLength(3);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: notAddressed[0]!.range.start });
    expect((hover!.contents as MarkupContent).value).toContain('上一年度报告');
  });

  it('none found: the checklist says why; when last year’s report appears in the folder, the report is re-checked', async () => {
    ws = new Workspace();
    const file = ws.seed('000', '2022.txt');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(file);
    const first = await client.current(uri);
    expect(first.diagnostics.some((d) => d.code === 'cross-year/problems-addressed')).toBe(false);
    const before = await checklist(client, uri);
    expect(before.previous.status).toBe('none');
    expect(before.previous.reason).toContain('未找到');

    const mark3 = client.published.length;
    writeFileSync(ws.path('2021.txt'), readSeed('002'));
    const after = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cross-year/problems-addressed'), { since: mark3 });
    expect(after.diagnostics.filter((d) => d.code === 'cross-year/problems-addressed')).toHaveLength(3);
    expect((await checklist(client, uri)).previous).toMatchObject({ status: 'found', source: 'auto', path: ws.path('2021.txt') });
  });
});
