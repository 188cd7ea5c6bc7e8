import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { fileUri, Harness, NONE } from './harness.js';

const BAD_KIND = `extends: fzlint:recommended
rules:
  my/no-colloquial:
    kind: patern
    words: [摩电]
`;
const FIXED = `extends: fzlint:recommended
rules:
  gd2024/title: off
  my/no-colloquial:
    kind: pattern
    words: [摩电]
`;

describe('rule files provider and publisher: config and rule files', () => {
  it('a broken .fzlint.yaml: diagnostic at the YAML line; reports are still checked with the built-in rules and say why', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': BAD_KIND } });
    const config = h.path('.fzlint.yaml');
    const doc = await h.open(h.seed('004'));
    const report = await h.current(doc.uri);
    const note = report.diagnostics.find((d) => d.code === 'fzlint/config-error')!;
    expect(note.severity).toBe(DiagnosticSeverity.Warning);
    expect(note.message).toMatch(/^配置文件「\.fzlint\.yaml」有误，本报告暂按内置规则（fzlint:recommended）检查：规则「my\/no-colloquial」：未知的规则类型「patern」，是否要写「pattern」？/);
    expect(note.relatedInformation![0]!.location).toMatchObject({ uri: fileUri(config), range: { start: { line: 3, character: 10 } } });
    expect(report.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);

    // The provider: the problem at its YAML line.
    const provided = h.service.ruleFiles.provideRuleFileDiagnostics();
    expect(provided).toHaveLength(1);
    expect(provided[0]).toMatchObject({ path: config, uri: fileUri(config) });
    // The publisher: the same, pushed for the config file once.
    const yaml = await h.diagnostics(fileUri(config), (p) => p.diagnostics.length > 0);
    expect(yaml.diagnostics).toEqual(provided[0]!.diagnostics);
    expect(yaml.diagnostics).toHaveLength(1);
    expect(yaml.diagnostics[0]).toMatchObject({ severity: DiagnosticSeverity.Error, source: 'fzlint', code: 'fzlint/config', range: { start: { line: 3, character: 10 } } });
    expect(yaml.diagnostics[0]!.message).toContain('未知的规则类型「patern」');
    await h.idle();
    expect(h.publishedFor(fileUri(config))).toHaveLength(1);
    // The config file is watched.
    expect(h.watched.files).toContain(config);
  });

  it('editing the config in the editor re-validates it and every open report', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': BAD_KIND } });
    const a = (await h.open(h.seed('004', 'a/2024.txt'))).uri;
    const b = (await h.open(h.seed('003', 'b/2024.txt'))).uri;
    await h.current(a);
    await h.current(b);
    const configUri = (await h.open('.fzlint.yaml')).uri;
    await h.diagnostics(configUri, (p) => p.diagnostics.length === 1);
    await h.idle();
    const published = h.published.length;
    h.replaceAll(configUri, FIXED);
    await h.diagnostics(configUri, (p) => p.diagnostics.length === 0, { since: published });
    for (const uri of [a, b]) {
      // The reports may be republished before or after the config file itself.
      const again = await h.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'fzlint/config-error'), { since: published });
      // The fixed config (unsaved, from the editor) is in force: it turns the title rule off.
      expect(again.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
      expect(again.diagnostics.some((d) => d.code === 'gd2024/rectification')).toBe(true);
    }
    expect(h.published.length).toBeGreaterThan(published);
    // A YAML syntax error is shown at its line too.
    const beforeSyntax = h.published.length;
    h.replaceAll(configUri, 'extends: fzlint:recommended\nrules:\n  gd2024/title: [off\n');
    const syntax = await h.diagnostics(configUri, (p) => p.diagnostics.length > 0, { since: beforeSyntax });
    expect(syntax.diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(2);
    expect(syntax.diagnostics[0]!.message).toMatch(/YAML|格式/);
    // Closing the editor's broken version: the file on disk (also broken, BAD_KIND) counts again.
    await h.idle();
    const beforeClose = h.published.length;
    h.close(configUri);
    const onDisk = await h.diagnostics(configUri, (p) => p.diagnostics.some((d) => String(d.message).includes('patern')), { since: beforeClose });
    expect(onDisk.diagnostics).toHaveLength(1);
  });

  it('a rule file the config extends: its problems land on that file', async () => {
    const h = new Harness({ settings: { debounceMs: 0 }, files: { '.fzlint.yaml': 'extends:\n  - fzlint:recommended\n  - ./rules/mine.yaml\n' } });
    const mine = h.write('rules/mine.yaml', 'rules:\n  my/term:\n    kind: pattern\n    severity: fatal\n    words: [摩电]\n');
    await h.open(h.seed('004'));
    const problems = await h.diagnostics(fileUri(mine), (p) => p.diagnostics.length > 0);
    expect(problems.diagnostics[0]!.range.start.line).toBe(3);
    expect(problems.diagnostics[0]!.message).toContain('severity');
    // Fixed on disk: the watcher's event clears it.
    const mark = h.published.length;
    h.fileChanged(mine, 'rules:\n  my/term:\n    kind: pattern\n    severity: warning\n    words: [摩电]\n');
    await h.diagnostics(fileUri(mine), (p) => p.diagnostics.length === 0, { since: mark });
  });

  it('a rule file no config uses yet is validated on its own; other YAML stays quiet', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const workflow = h.write('.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    const standalone = h.write('draft-rules.yaml', 'rules:\n  my/term:\n    kind: pattern\n    words: 3\n');
    const wf = (await h.open(workflow)).uri;
    const rf = (await h.open(standalone)).uri;
    const problems = await h.diagnostics(rf, (p) => p.diagnostics.length > 0);
    expect(problems.diagnostics[0]!.range.start.line).toBe(3);
    await h.idle();
    expect(h.publishedFor(wf)).toEqual([]);
    // YAML documents are not reports: no report diagnostics, no checklist items.
    expect(await h.service.diagnostics.provideDiagnostics(h.doc(wf), NONE)).toBeUndefined();
    // Fixing it clears the diagnostics.
    const mark0 = h.published.length;
    h.replaceAll(rf, 'rules:\n  my/term:\n    kind: pattern\n    words: [摩电]\n');
    await h.diagnostics(rf, (p) => p.diagnostics.length === 0, { since: mark0 });
    // Broken again, then closed: an unused rule file's problems go with the editor's text.
    h.replaceAll(rf, 'rules:\n  my/term:\n    kind: pattern\n    words: 3\n');
    await h.diagnostics(rf, (p) => p.diagnostics.length > 0, { since: mark0 });
    const mark1 = h.published.length;
    h.close(rf);
    await h.diagnostics(rf, (p) => p.diagnostics.length === 0, { since: mark1 });
  });

  it('a config file created on disk takes effect for open reports', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004', 'reports/2024.txt'));
    const before = await h.current(doc.uri);
    expect(before.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(true);
    // The folders where a new config would take effect are watched.
    expect(h.watched.configFolders).toEqual(new Set([h.path('reports'), h.root]));
    const mark1 = h.published.length;
    h.fileChanged('.fzlint.yaml', 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n');
    const after = await h.diagnostics(doc.uri, (p) => !p.diagnostics.some((d) => d.code === 'gd2024/title'), { since: mark1 });
    expect(after.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
  });
});
