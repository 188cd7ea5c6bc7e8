import { createEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { readSeed } from '../helpers.js';
import { fileUri, Harness, NONE } from './harness.js';

const withFrontMatter = (previous: string, body: string) => `---\nyear: 2022\nprevious: ${previous}\n---\n\n${body}`;

describe('last year’s report named in the front matter, a setting or the config', () => {
  it('an unreadable previous report: a warning at the front-matter line, checking goes on; created later, it is picked up', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.write('2022.md', withFrontMatter('./2021.txt', readSeed('000'))));
    const first = await h.current(doc.uri);
    const warning = first.diagnostics.find((d) => d.code === 'fzlint/previous-unreadable')!;
    expect(warning.message).toBe(`front matter 中 previous 指定的上一年度报告「./2021.txt」（${h.path('2021.txt')}）无法读取：文件或目录不存在；跨年度检查未进行`);
    expect(warning.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 20 } });
    expect(first.diagnostics.map((d) => d.code)).toContain('nat2019/signature');
    expect((await h.service.checklist.provideChecklist(doc.uri, NONE)).previous).toMatchObject({ status: 'unreadable', source: 'front-matter', error: '文件或目录不存在' });
    expect(h.logs.filter((l) => l.message.includes('上一年度报告「./2021.txt」'))).toHaveLength(1);
    // The server's watcher is told to watch the missing file.
    expect(h.watched.files).toContain(h.path('2021.txt'));

    const mark0 = h.published.length;
    h.fileChanged('2021.txt', readSeed('002'));
    const after = await h.diagnostics(doc.uri, (p) => !p.diagnostics.some((d) => d.code === 'fzlint/previous-unreadable'), { since: mark0 });
    expect(after.version).toBe(1);
    expect((await h.service.checklist.provideChecklist(doc.uri, NONE)).previous).toMatchObject({ status: 'found', source: 'front-matter', path: h.path('2021.txt') });
  });

  it('the previous report changing (on disk, or edited in the editor, or closed) re-checks this year’s report', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const prev = h.seed('002', '2021.txt');
    const doc = await h.open(h.write('2022.md', withFrontMatter('2021.txt', readSeed('000'))));
    await h.current(doc.uri);
    let count = h.publishedFor(doc.uri).length;
    const mark1 = h.published.length;
    h.fileChanged(prev, `${readSeed('002')}\n补充一句。\n`);
    await h.diagnostics(doc.uri, () => true, { since: mark1 });
    expect(h.publishedFor(doc.uri).length).toBeGreaterThan(count);

    // Open in the editor, last year's report is read from there (unsaved edits count).
    const prevDoc = await h.open(prev);
    await h.idle();
    count = h.publishedFor(doc.uri).length;
    const mark2 = h.published.length;
    h.insert(prevDoc.uri, { line: 0, character: 0 }, '（修改）');
    await h.diagnostics(doc.uri, () => true, { since: mark2 });
    expect(h.publishedFor(doc.uri).length).toBeGreaterThan(count);

    // Closed, the file on disk counts again: checked once more.
    const mark3 = h.published.length;
    h.close(prevDoc.uri);
    await h.diagnostics(doc.uri, () => true, { since: mark3 });
    await h.idle();
    // A file nobody depends on changing re-checks nothing.
    const mark4 = h.published.length;
    h.fileChanged('unrelated/notes.md', '# 笔记\n');
    await h.idle();
    expect(h.published.slice(mark4)).toEqual([]);
  });

  it('from the fzlint.previous setting and from the config’s previous mapping', async () => {
    const h = new Harness({ settings: (scope) => ({ debounceMs: 0, previous: scope?.includes('/a/') ? 'archive/2021.txt' : '' }) });
    h.seed('002', 'archive/2021.txt');
    h.seed('000', 'a/2022.txt');
    h.seed('000', 'b/2022.txt');
    h.write('b/.fzlint.yaml', 'extends: fzlint:recommended\nprevious:\n  2022.txt: ../archive/2021.txt\n');
    const a = await h.open('a/2022.txt');
    const b = await h.open('b/2022.txt');
    expect((await h.service.checklist.provideChecklist(a.uri, NONE)).previous).toMatchObject({ status: 'found', source: 'setting', path: h.path('archive/2021.txt') });
    expect((await h.service.checklist.provideChecklist(b.uri, NONE)).previous).toMatchObject({ status: 'found', source: 'config', path: h.path('archive/2021.txt') });
  });
});

describe('cross-year findings in the editor', () => {
  it('related locations into last year’s report are passed through, and the hover quotes last year’s text', async () => {
    // Stands in for a cross-year rule: one finding pointing into last year's problems part.
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
    const h = new Harness({ settings: { debounceMs: 0 }, createEngine: crossYear });
    const prevPath = h.seed('002', '2021.txt');
    const doc = await h.open(h.write('2022.md', withFrontMatter('2021.txt', readSeed('000'))));
    const published = await h.current(doc.uri);
    const d = published.diagnostics.find((x) => x.code === 'cross-year/test')!;
    expect(d.relatedInformation![0]!.location.uri).toBe(fileUri(prevPath));
    const hover = await h.service.hover.provideHover(doc, { line: 0, character: 1 }, NONE);
    expect((hover!.contents as MarkupContent).value).toMatch(/\*\*上一年度报告\*\*（第 \d+ 行）：「数据壁垒」/);
  });
});

describe('automatic discovery of last year’s report (same unit, year − 1, same folder)', () => {
  it('seed 000 next to seed 002: the three 2021 problems are reported as not addressed, with last year’s text in the hover', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const prev = h.seed('002', '2021.txt');
    h.seed('001', 'other-unit-2023.txt');
    const doc = await h.open(h.seed('000', '2022.txt'));
    const published = await h.current(doc.uri);
    const notAddressed = published.diagnostics.filter((d) => d.code === 'cross-year/problems-addressed');
    expect(notAddressed).toHaveLength(3);
    expect(notAddressed.map((d) => d.relatedInformation![0]!.location.uri)).toEqual([prev, prev, prev].map((p) => fileUri(p)));
    const list = await h.service.checklist.provideChecklist(doc.uri, NONE);
    expect(list.previous).toMatchObject({ status: 'found', source: 'auto', path: prev });
    expect(list.previous.reason).toContain('自动选用');
    expect(list.previous.items.filter((i) => i.ruleId === 'cross-year/problems-addressed' && !i.found)).toHaveLength(3);
    expect(list.previous.items.filter((i) => i.type === 'previous-problem')).toHaveLength(3);
    expect(list.previous.items.filter((i) => i.type === 'previous-plan')).toHaveLength(3);
    const hover = await h.service.hover.provideHover(doc, notAddressed[0]!.range.start, NONE);
    expect((hover!.contents as MarkupContent).value).toContain('上一年度报告');
    // The folder is watched for new candidates.
    expect(h.watched.reportFolders).toContain(h.root);
  });

  it('none found: the checklist says why; when last year’s report appears in the folder, the report is re-checked', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('000', '2022.txt'));
    const first = await h.current(doc.uri);
    expect(first.diagnostics.some((d) => d.code === 'cross-year/problems-addressed')).toBe(false);
    const before = await h.service.checklist.provideChecklist(doc.uri, NONE);
    expect(before.previous.status).toBe('none');
    expect(before.previous.reason).toContain('未找到');

    const mark3 = h.published.length;
    h.fileChanged('2021.txt', readSeed('002'));
    const after = await h.diagnostics(doc.uri, (p) => p.diagnostics.some((d) => d.code === 'cross-year/problems-addressed'), { since: mark3 });
    expect(after.diagnostics.filter((d) => d.code === 'cross-year/problems-addressed')).toHaveLength(3);
    expect((await h.service.checklist.provideChecklist(doc.uri, NONE)).previous).toMatchObject({ status: 'found', source: 'auto', path: h.path('2021.txt') });
  });

  it('a sibling that does not change the choice does not re-check the report', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    h.seed('002', '2021.txt');
    const doc = await h.open(h.seed('000', '2022.txt'));
    await h.current(doc.uri);
    await h.idle();
    const mark = h.published.length;
    h.fileChanged('other-unit-2023.txt', readSeed('001'));
    await h.idle();
    expect(h.publishedFor(doc.uri).length).toBe(h.published.slice(0, mark).filter((p) => p.uri === doc.uri).length);
  });
});
