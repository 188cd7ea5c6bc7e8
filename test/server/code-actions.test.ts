import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { readSeed } from '../helpers.js';
import { applyTextEdits } from './lsp-client.js';
import { Harness, NONE } from './harness.js';

const TERM_RULES = `extends: fzlint:recommended
rules:
  my/no-colloquial:
    kind: pattern
    severity: warning
    words: [摩电]
    replace: 电动自行车
    message: 「{{match}}」是口语，正式文本请写「{{replacement}}」
`;

function actionsFor(h: Harness, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return h.service.codeActions.provideCodeActions(h.doc(uri), { range: d.range, context: { diagnostics: [d], only } }, NONE);
}

const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('code actions provider', () => {
  it('a quick fix on a fixable term changes only that text, and is the preferred fix', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': TERM_RULES } });
    const original = readSeed('001').replace('积极打造法治化营商环境', '积极打造法治化营商环境，规范摩电停放');
    const doc = await h.open(h.write('2024.txt', original));
    const published = await h.current(doc.uri);
    const term = published.diagnostics.find((d) => d.code === 'my/no-colloquial')!;
    expect(term.message).toContain('「摩电」');
    const actions = await actionsFor(h, doc.uri, term);
    const fix = actions.find((a) => a.title === '改为「电动自行车」')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(fix.diagnostics?.[0]?.code).toBe('my/no-colloquial');
    // VS Code-like clients get versioned document changes.
    expect(fix.edit!.documentChanges![0]).toMatchObject({ textDocument: { uri: doc.uri, version: 1 } });
    const { text, version } = h.applyEdit(doc.uri, fix.edit!);
    expect(text).toBe(original.replace('摩电', '电动自行车'));
    const after = await h.diagnostics(doc.uri, (p) => p.version === version);
    expect(after.diagnostics.some((d) => d.code === 'my/no-colloquial')).toBe(false);
  });

  it('clients without documentChanges get a `changes` map; without diagnostics in the request, those touching the range', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': TERM_RULES }, capabilities: { workspace: { configuration: true } } });
    const doc = await h.open(h.write('2024.txt', readSeed('001').replace('积极打造法治化营商环境', '积极打造法治化营商环境，规范摩电停放')));
    const term = (await h.current(doc.uri)).diagnostics.find((d) => d.code === 'my/no-colloquial')!;
    const actions = await h.service.codeActions.provideCodeActions(doc, { range: term.range, context: { diagnostics: [] } }, NONE);
    const fix = actions.find((a) => a.title === '改为「电动自行车」')!;
    expect(Object.keys(fix.edit!.changes!)).toEqual([doc.uri]);
    expect(fix.edit!.documentChanges).toBeUndefined();
  });

  it('web residue on seed 001: the certain fix deletes exactly that line’s residue', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const published = await h.current(doc.uri);
    const residue = published.diagnostics.find((d) => d.code === 'web-residue' && d.range.start.line === 2)!;
    const [fix] = (await actionsFor(h, doc.uri, residue)).filter((a) => a.isPreferred);
    expect(fix!.title).toBe('删除此行');
    const text = applyTextEdits(doc.getText(), (fix!.edit!.documentChanges![0] as unknown as { edits: never[] }).edits);
    const lines = doc.getText().split('\n');
    expect(lines[2]).toMatch(/^发布时间/);
    expect(text.split('\n')).toEqual([...lines.slice(0, 2), ...lines.slice(3)]);
  });

  it('suggestions (inserting a missing part’s heading) are quick fixes but never preferred', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    const published = await h.current(doc.uri);
    const missing = published.diagnostics.find((d) => d.code === 'gd2024/part-xi-thought')!;
    const actions = await actionsFor(h, doc.uri, missing);
    const insert = actions.find((a) => a.title.startsWith('插入「'))!;
    expect(insert).toMatchObject({ kind: 'quickfix', isPreferred: false, title: '插入「深入学习宣传贯彻习近平法治思想的情况」标题' });
    const { text } = h.applyEdit(doc.uri, insert.edit!);
    expect(text).toContain('二、深入学习宣传贯彻习近平法治思想的情况\n');
    // A plain-text report has no comment syntax: no "disable here" action.
    expect(actions.some((a) => a.title.includes('停用'))).toBe(false);
  });

  it('source.fixAll.fzlint applies every certain fix (as fzlint --fix) and leaves suggestions alone', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    await h.current(doc.uri);
    const res = await h.service.codeActions.provideCodeActions(doc, { range: everywhere, context: { diagnostics: [], only: ['source.fixAll'] } }, NONE);
    expect(res.map((a) => a.kind)).toEqual(['source.fixAll.fzlint']);
    // Two web-residue lines and the year range of a cited title (cite/year-range-dash).
    expect(res[0]!.title).toBe('修复全部 fzlint 问题（3 处）');
    const { version } = h.applyEdit(doc.uri, res[0]!.edit!);
    const after = await h.diagnostics(doc.uri, (p) => p.version === version);
    expect(after.diagnostics.some((d) => d.code === 'web-residue')).toBe(false);
    // Nothing left to fix: no fix-all action.
    expect(await h.service.codeActions.provideCodeActions(h.doc(doc.uri), { range: everywhere, context: { diagnostics: [], only: ['source.fixAll'] } }, NONE)).toEqual([]);
    // Asked only for quick fixes: no source action.
    const quick = await h.service.codeActions.provideCodeActions(h.doc(doc.uri), { range: everywhere, context: { diagnostics: [], only: ['quickfix'] } }, NONE);
    expect(quick.some((a) => a.kind?.startsWith('source'))).toBe(false);
  });

  it('Markdown: "disable this rule here" inserts fzlint-disable-next-line and the finding goes away', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': TERM_RULES } });
    const md = `# 某某区司法局2024年法治政府建设年度报告\n\n${readSeed('001').split('\n').slice(5).join('\n').replace('积极打造法治化营商环境', '积极打造法治化营商环境，规范摩电停放')}`;
    const doc = await h.open(h.write('2024.md', md));
    const published = await h.current(doc.uri);
    const term = published.diagnostics.find((d) => d.code === 'my/no-colloquial')!;
    const disable = (await actionsFor(h, doc.uri, term)).find((a) => a.title.includes('停用'))!;
    expect(disable.title).toBe('在此处停用规则「my/no-colloquial」（插入 fzlint-disable-next-line 注释）');
    expect(disable.isPreferred).toBeFalsy();
    const { text, version } = h.applyEdit(doc.uri, disable.edit!);
    const lines = text.split('\n');
    // Inserted above the finding's line, with that line's indentation.
    expect(lines[term.range.start.line]).toBe('  <!-- fzlint-disable-next-line my/no-colloquial -->');
    expect(lines[term.range.start.line + 1]).toContain('摩电');
    const after = await h.diagnostics(doc.uri, (p) => p.version === version);
    expect(after.diagnostics.some((d) => d.code === 'my/no-colloquial')).toBe(false);
    expect(after.diagnostics.length).toBe(published.diagnostics.length - 1);
  });

  it('a cancelled request computes nothing', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const source = new CancellationTokenSource();
    source.cancel();
    expect(await h.service.codeActions.provideCodeActions(doc, { range: everywhere, context: { diagnostics: [] } }, source.token)).toEqual([]);
  });
});
