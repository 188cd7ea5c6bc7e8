import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, ErrorCodes, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { VSCODE_LIKE_CAPABILITIES } from './lsp-client.js';
import { fileUri, Harness, NONE } from './harness.js';

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

async function complete(h: Harness, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const res = await h.service.completion.provideCompletion(h.doc(uri), { line, character }, NONE);
  return res?.items ?? [];
}

const lastLine = (h: Harness, uri: string) => h.doc(uri).getText().split('\n').length - 1;

describe('completion provider', () => {
  it('at a line start: the next outline marker — after （二） offers （三）, then 四、', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const { uri } = await h.open(h.write('2024.txt', REPORT));
    const items = await complete(h, uri, 10, 0);
    const markers = items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label);
    expect(markers).toEqual(['（三）', '1.', '四、']);
    expect(items[0]!.detail).toBe('接「（二）严格规范公正文明执法」的下一项');
    expect((items[0]!.textEdit as TextEdit).range).toEqual({ start: { line: 10, character: 0 }, end: { line: 10, character: 0 } });
  });

  it('after 三、 offers 四、 and its first item （一）; a typed "（" is replaced by the marker', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const text = REPORT.split('\n').slice(0, 6).join('\n') + '\n\n';
    const { uri } = await h.open(h.write('2024.txt', text));
    const items = await complete(h, uri, 6, 0);
    expect(items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label)).toEqual(['四、', '（一）']);
    h.insert(uri, { line: 6, character: 0 }, '（');
    const typed = await complete(h, uri, 6, 1);
    expect((typed.find((i) => i.label === '（一）')!.textEdit as TextEdit).range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
    // A half-width "(" typed before asking still matches the full-width marker.
    h.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } }, text: '(' }]);
    expect((await complete(h, uri, 6, 1)).find((i) => i.label === '（一）')!.filterText).toBe('(（一）');
    // Mid-sentence: nothing.
    expect(await complete(h, uri, 2, 4)).toEqual([]);
  });

  it('a snippet inserts the missing required parts with their standard headings (seed 004)', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const { uri } = await h.open(h.seed('004'));
    const items = await complete(h, uri, lastLine(h, uri), 0);
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
    const caps = structuredClone(VSCODE_LIKE_CAPABILITIES);
    caps.textDocument!.completion = {};
    const h = new Harness({ capabilities: caps, settings: { debounceMs: 0 } });
    const { uri } = await h.open(h.seed('004'));
    const items = await complete(h, uri, lastLine(h, uri), 0);
    const one = items.find((i) => i.label.startsWith('插入第一部分'))!;
    expect(one.insertTextFormat).toBe(InsertTextFormat.PlainText);
    expect((one.textEdit as TextEdit).newText).toMatch(/^一、深入学习贯彻.*\n（在此填写内容）\n$/);
  });

  it('nothing for documents that are not reports, and for a cancelled request', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const readme = await h.open(h.write('README.md', '# 说明\n\n一、\n'));
    expect(await h.service.completion.provideCompletion(readme, { line: 3, character: 0 }, NONE)).toBeNull();
    const { uri } = await h.open(h.write('2024.txt', REPORT));
    const source = new CancellationTokenSource();
    source.cancel();
    expect(await h.service.completion.provideCompletion(h.doc(uri), { line: 10, character: 0 }, source.token)).toBeNull();
  });
});

describe('checklist provider (fzlint/checklist)', () => {
  it('seed 003: all six parts found, the rectification subsection missing', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const { uri } = await h.open(h.seed('003'));
    const list = await h.service.checklist.provideChecklist(uri, NONE);
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
    const h = new Harness({ settings: { debounceMs: 0 } });
    const u4 = (await h.open(h.seed('004'))).uri;
    const u1 = (await h.open(h.seed('001'))).uri;
    const l4 = await h.service.checklist.provideChecklist(u4, NONE);
    expect(l4.parts.filter((p) => !p.found).map((p) => p.id)).toEqual(['speeches', 'xi-thought', 'first-responsible']);
    const l1 = await h.service.checklist.provideChecklist(u1, NONE);
    expect(l1.subsections[0]).toMatchObject({ id: 'rectification', found: true, range: { start: { line: 30 } } });
  });

  it('works for a report on disk that is not open (read through the workspace file system); unreadable files get InvalidParams', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const file = h.seed('003');
    const list = await h.service.checklist.provideChecklist(fileUri(file), NONE);
    expect(list).toMatchObject({ status: 'checked', version: null });
    expect(list.subsections[0]).toMatchObject({ found: false });
    // The unopened report's analysis is not kept.
    expect(h.service.documents.get(fileUri(file))).toBeUndefined();
    const failure = (uri: string) => h.service.checklist.provideChecklist(uri, NONE).then(() => undefined, (e: { code: number; message: string }) => e);
    expect(await failure(h.uri('missing.txt'))).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('无法读取') });
    expect(await failure('untitled:Untitled-1')).toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('不是本地文件') });
  });
});
