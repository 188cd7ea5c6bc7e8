import { createEngine, type Engine, type EngineEnvironment } from '@fzlint/core';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { engine, readSeed, recommended } from '../helpers.js';
import { Harness, NONE } from './harness.js';

const TITLE = '广州市越秀区政务服务和数据管理局2024年法治政府建设年度报告\n';
const at0 = { line: 0, character: 0 };

describe('diagnostics provider', () => {
  it('seed 004 yields the missing-part diagnostics, exactly as the engine reports them', async () => {
    const h = new Harness();
    const file = h.seed('004');
    const doc = await h.open(file);
    const diagnostics = (await h.service.diagnostics.provideDiagnostics(doc, NONE))!;
    const byRule = (id: string) => diagnostics.find((d) => d.code === id);
    for (const id of ['gd2024/part-speeches', 'gd2024/part-xi-thought', 'gd2024/part-first-responsible']) {
      const d = byRule(id);
      expect(d, id).toBeDefined();
      expect(d!.severity).toBe(DiagnosticSeverity.Error);
      expect(d!.source).toBe('fzlint');
      expect(d!.message).toMatch(/^缺少「.+」部分/);
      expect(d!.range.start).toEqual({ line: 1, character: 0 });
      // Where the body mentions the missing part's topic, passed through as related information.
      expect(d!.relatedInformation?.length).toBeGreaterThan(0);
      expect(d!.relatedInformation![0]!.location.uri).toBe(doc.uri);
    }
    // The server is an adapter: same findings, same ranges as the engine on the same text.
    const expected = engine.lint(readSeed('004'), { path: file, config: await recommended() }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(expected.map((d) => [d.ruleId, d.range, d.message]));
    // And that is what is published for the opened version.
    expect((await h.current(doc.uri)).diagnostics).toEqual(diagnostics);
  });

  it('nothing for documents that are not checked: other Markdown, a disabled resource', async () => {
    const h = new Harness({ settings: (scope) => ({ enable: !scope?.includes('/off/') }) });
    const readme = await h.open(h.write('README.md', '# fzlint — 法治政府建设年度报告检查工具\n\n检查法治政府建设年度报告的草稿。\n'));
    const off = await h.open(h.seed('004', 'off/a.txt'));
    expect(await h.service.diagnostics.provideDiagnostics(readme, NONE)).toBeUndefined();
    expect(await h.service.diagnostics.provideDiagnostics(off, NONE)).toBeUndefined();
  });
});

describe('diagnostics publisher', () => {
  it('re-checks while typing and publishes for the version it checked; older runs never overwrite newer ones', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    h.insert(doc.uri, at0, 'x');
    await h.idle();
    h.change(doc.uri, [{ range: { start: at0, end: { line: 0, character: 1 } }, text: '' }]);
    const v = h.insert(doc.uri, at0, TITLE);
    const last = await h.diagnostics(doc.uri, (p) => p.version === v);
    expect(last.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
    const versions = h.publishedFor(doc.uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions).toContain(2);
  });

  it('a result for a version the editor has moved past is dropped, not published', async () => {
    let duringCheck: (() => void) | undefined;
    // The user types while version 2 is being checked.
    const typing = (env: EngineEnvironment): Engine => {
      const real = createEngine(env);
      return {
        ...real,
        lint(text, options) {
          const hook = duringCheck;
          duringCheck = undefined;
          hook?.();
          return real.lint(text, options);
        },
      };
    };
    const h = new Harness({ settings: { debounceMs: 0 }, createEngine: typing });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    let v3 = 0;
    duringCheck = () => (v3 = h.insert(doc.uri, at0, '某'));
    const v2 = h.insert(doc.uri, at0, TITLE);
    await h.diagnostics(doc.uri, (p) => p.version === 3);
    await h.idle();
    expect(v2).toBe(2);
    expect(v3).toBe(3);
    expect(h.publishedFor(doc.uri).map((p) => p.version)).toEqual([1, 3]);
  });

  it('debounces: a burst of edits is checked once, for the last version', async () => {
    const h = new Harness({ settings: { debounceMs: 50 } });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    let v = 0;
    for (let i = 0; i < 5; i++) v = h.insert(doc.uri, at0, '啊');
    await h.diagnostics(doc.uri, (p) => p.version === v);
    await h.idle();
    expect(h.publishedFor(doc.uri).map((p) => p.version)).toEqual([1, v]);
  });

  it('fzlint.run = onSave: typing does not check, saving does', async () => {
    const h = new Harness({ settings: { run: 'onSave', debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    const v = h.insert(doc.uri, at0, '某某局2024年法治政府建设年度报告\n');
    await h.idle();
    expect(h.publishedFor(doc.uri).some((p) => p.version === v)).toBe(false);
    h.save(doc.uri);
    const saved = await h.diagnostics(doc.uri, (p) => p.version === v);
    expect(saved.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
  });

  it('fzlint.run = onType: saving does not check again', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    h.save(doc.uri);
    await h.idle();
    expect(h.publishedFor(doc.uri)).toHaveLength(1);
  });

  it('fzlint.enable = false per resource: that document stays quiet, others are checked', async () => {
    const h = new Harness({ settings: (scope) => ({ debounceMs: 0, enable: !scope?.includes('/off/') }) });
    const off = await h.open(h.seed('004', 'off/a.txt'));
    const on = await h.open(h.seed('004', 'on/a.txt'));
    await h.current(on.uri);
    expect(await h.service.checklist.provideChecklist(off.uri, NONE)).toMatchObject({ status: 'disabled' });
    await h.idle();
    expect(h.publishedFor(off.uri)).toEqual([]);
  });

  it('other Markdown and text stays quiet: a README that mentions 年度报告 is not a report', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const readme = await h.open(h.write('README.md', '# fzlint — 法治政府建设年度报告检查工具\n\n检查法治政府建设年度报告的草稿。\n\n## 用法\n\n运行 fzlint。\n'));
    const report = await h.open(h.seed('004'));
    await h.current(report.uri);
    expect(await h.service.checklist.provideChecklist(readme.uri, NONE)).toMatchObject({ status: 'not-report' });
    await h.idle();
    expect(h.publishedFor(readme.uri)).toEqual([]);
  });

  it('with a config that lists `files`, exactly those files are reports', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': "extends: fzlint:recommended\nfiles: ['reports/**/*.txt']\nignores: ['reports/old/**']\n" } });
    const docs = [await h.open(h.seed('004', 'notes/2024.txt')), await h.open(h.seed('004', 'reports/old/2024.txt')), await h.open(h.seed('004', 'reports/2024.txt'))];
    const published = await h.current(docs[2]!.uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    for (const doc of docs.slice(0, 2)) expect(await h.service.checklist.provideChecklist(doc.uri, NONE)).toMatchObject({ status: 'not-report' });
  });

  it('a report that stops being one (fzlint.enable turned off) has its diagnostics cleared', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    expect((await h.current(doc.uri)).diagnostics.length).toBeGreaterThan(0);
    const mark = h.published.length;
    h.settings = { debounceMs: 0, enable: false };
    h.service.didChangeConfiguration(undefined);
    const cleared = await h.diagnostics(doc.uri, () => true, { since: mark });
    expect(cleared).toEqual({ uri: doc.uri, version: 1, diagnostics: [] });
  });

  it('closing a report clears its diagnostics', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    await h.current(doc.uri);
    const mark0 = h.published.length;
    h.close(doc.uri);
    const cleared = await h.diagnostics(doc.uri, (p) => p.diagnostics.length === 0, { since: mark0 });
    expect(cleared.diagnostics).toEqual([]);
    expect(h.service.documents.get(doc.uri)).toBeUndefined();
  });
});

describe('rule documentation links (codeDescription, clickable in Problems)', () => {
  const INSTALLED = 'file:///opt/fzlint/docs/rules.html';

  it('built-in rules link to their section of the installed docs; a user rule only through its own url', async () => {
    const h = new Harness({
      docsUrl: INSTALLED,
      files: { '.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  my/own:\n    kind: pattern\n    words: [法制宣传]\n  my/linked:\n    kind: pattern\n    words: [学法]\n    url: https://example.org/xuefa\n' },
    });
    const doc = await h.open(h.write('a.md', `# ${TITLE}\n一是加强法制宣传，全年学法12次。\n`));
    const diagnostics = (await h.service.diagnostics.provideDiagnostics(doc, NONE))!;
    const href = (id: string) => diagnostics.find((d) => d.code === id)?.codeDescription?.href;
    const builtin = diagnostics.find((d) => /^(gd2024|nat2019)\//.test(String(d.code)))!;
    expect(builtin.codeDescription?.href).toBe(`${INSTALLED}#${builtin.code}`);
    expect(href('my/own')).toBeUndefined();
    expect(href('my/linked')).toBe('https://example.org/xuefa');
  });

  it("the config's docsUrl replaces the installed docs", async () => {
    const h = new Harness({ docsUrl: INSTALLED, files: { '.fzlint.yaml': 'extends: fzlint:recommended\ndocsUrl: https://fz.example.gov.cn/rules.html\n' } });
    const doc = await h.open(h.write('a.md', `# ${TITLE}\n正文。\n`));
    const diagnostics = (await h.service.diagnostics.provideDiagnostics(doc, NONE))!;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.codeDescription?.href).toBe(`https://fz.example.gov.cn/rules.html#${d.code}`);
  });
});
