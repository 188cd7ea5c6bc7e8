import { describe, expect, it } from 'vitest';
import { CompletionRequest, ErrorCodes, InsertTextFormat, ResponseError, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from './lsp-client.js';
import { Workspace } from './workspace.js';
import type { ChecklistResult } from '../../packages/server/src/protocol.js';
import { cleanUpAfterEachTest } from './cleanup.js';

cleanUpAfterEachTest();

let client: TestClient | undefined;
let ws: Workspace | undefined;

const REPORT = [
  '某某局2024年法治政府建设年度报告',
  '一、深入学习贯彻习近平总书记重要讲话精神和党的二十大关于法治政府建设重大部署的情况',
  '全年组织学习12次。',
  '二、学习宣传贯彻习近平法治思想的情况',
  '开展专题学习5次。',
  '三、推进法治政府建设的主要举措和成效',
  '（一）深化行政审批制度改革',
  '办理事项3000件。',
  '（二）严格规范公正文明执法',
  '办理案件50宗。',
  '',
].join('\n');

async function complete(c: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const res = (await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionList | null;
  return res?.items ?? [];
}

describe('completion', () => {
  it('at a line start: the next outline marker — after （二） offers （三）, then 四、', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.write('2024.txt', REPORT));
    const items = await complete(client, uri, 10, 0);
    const markers = items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label);
    expect(markers).toEqual(['（三）', '1.', '四、']);
    expect(items[0]!.detail).toBe('接「（二）严格规范公正文明执法」的下一项');
    expect((items[0]!.textEdit as TextEdit).range).toEqual({ start: { line: 10, character: 0 }, end: { line: 10, character: 0 } });
  });

  it('after 三、 offers 四、 and its first item （一）; a typed "（" is replaced by the marker', async () => {
    ws = new Workspace();
    const text = REPORT.split('\n').slice(0, 6).join('\n') + '\n\n';
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.write('2024.txt', text));
    const items = await complete(client, uri, 6, 0);
    expect(items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label)).toEqual(['四、', '（一）']);
    await client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '（' }]);
    const typed = await complete(client, uri, 6, 1);
    expect((typed.find((i) => i.label === '（一）')!.textEdit as TextEdit).range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
    // Mid-sentence: nothing.
    expect(await complete(client, uri, 2, 4)).toEqual([]);
  });

  it('a snippet inserts the missing required parts with their standard headings (seed 004)', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const lineCount = client.text(uri).split('\n').length;
    const items = await complete(client, uri, lineCount - 1, 0);
    const all = items.find((i) => i.label === '插入缺少的 3 个部分')!;
    expect(all.insertTextFormat).toBe(InsertTextFormat.Snippet);
    const text = (all.textEdit as TextEdit).newText;
    expect(text.split('\n').filter((l) => /^[一二三四五六]、/.test(l))).toEqual([
      '一、深入学习贯彻习近平总书记重要讲话重要指示精神，深入学习贯彻党的二十大和二十届三中全会关于法治政府建设重大部署的情况',
      '二、深入学习宣传贯彻习近平法治思想的情况',
      '三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
    ]);
    expect(text).toContain('${1:（在此填写内容）}');
    expect(items.map((i) => i.label)).toContain('插入第二部分「学习宣传贯彻习近平法治思想情况」');
    expect(items.map((i) => i.label)).toContain('插入小节「上一年度存在问题的整改情况」');
  });

  it('plain text instead of snippets for clients without snippet support', async () => {
    ws = new Workspace();
    const caps = structuredClone(VSCODE_LIKE_CAPABILITIES);
    caps.textDocument!.completion = {};
    client = await TestClient.start({ folders: [ws.root], capabilities: caps, settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const items = await complete(client, uri, client.text(uri).split('\n').length - 1, 0);
    const one = items.find((i) => i.label.startsWith('插入第一部分'))!;
    expect(one.insertTextFormat).toBe(InsertTextFormat.PlainText);
    expect((one.textEdit as TextEdit).newText).toMatch(/^一、深入学习贯彻.*\n（在此填写内容）\n$/);
  });
});

describe('fzlint/checklist', () => {
  it('seed 003: all six parts found, the rectification subsection missing', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('003'));
    const list = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })) as ChecklistResult;
    expect(list).toMatchObject({ uri, version: 1, status: 'checked', year: 2024, edition: { id: 'guangdong-2024' } });
    expect(list.parts.map((p) => [p.order, p.id, p.found])).toEqual([
      [1, 'speeches', true],
      [2, 'xi-thought', true],
      [3, 'first-responsible', true],
      [4, 'measures', true],
      [5, 'problems', true],
      [6, 'plans', true],
    ]);
    expect(list.parts[4]!.range?.start.line).toBe(10);
    expect(list.subsections).toEqual([
      { id: 'rectification', ruleId: 'gd2024/rectification', name: '上一年度存在问题的整改情况', found: false, heading: '上一年度法治政府建设存在问题的整改情况' },
    ]);
    expect(list.dataPoints.find((d) => d.ruleId === 'data/disclosure')).toMatchObject({ found: false });
    expect(list.counts).toEqual({ error: 2, warning: 1, info: 4, total: 7, fixable: 0 });
    // Seed 003 names no unit, so no last year's report can be looked up automatically; the checklist says why.
    expect(list.previous).toEqual({ status: 'none', items: [], reason: expect.stringContaining('未识别出单位') });
  });

  it('seed 004: the three missing parts; seed 001: rectification found with its range', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const u4 = await client.open(ws.seed('004'));
    const u1 = await client.open(ws.seed('001'));
    const l4 = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri: u4 } })) as ChecklistResult;
    expect(l4.parts.filter((p) => !p.found).map((p) => p.id)).toEqual(['speeches', 'xi-thought', 'first-responsible']);
    const l1 = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri: u1 } })) as ChecklistResult;
    expect(l1.subsections[0]).toMatchObject({ id: 'rectification', found: true, range: { start: { line: 30 } } });
  });

  it('works for a report on disk that is not open; malformed requests get InvalidParams', async () => {
    ws = new Workspace();
    const file = ws.seed('003');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const list = (await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri: `file://${file}` } })) as ChecklistResult;
    expect(list).toMatchObject({ status: 'checked', version: null });
    expect(list.subsections[0]).toMatchObject({ found: false });
    const failure = (params: unknown) => client!.connection.sendRequest('fzlint/checklist', params).then(() => undefined, (e: ResponseError<unknown>) => e);
    expect(await failure({})).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure({ textDocument: { uri: 42 } })).toMatchObject({ code: ErrorCodes.InvalidParams });
    expect(await failure({ textDocument: { uri: `file://${ws.path('missing.txt')}` } })).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('无法读取') });
  });
});
