import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';
import { cleanUpAfterEachTest } from './cleanup.js';

cleanUpAfterEachTest();

let client: TestClient | undefined;
let ws: Workspace | undefined;

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

describe('config and rule files', () => {
  it('a broken .fzlint.yaml: diagnostic at the YAML line; reports are still checked with the built-in rules and say why', async () => {
    ws = new Workspace();
    const config = ws.write('.fzlint.yaml', BAD_KIND);
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004'));
    const report = await client.current(uri);
    const note = report.diagnostics.find((d) => d.code === 'fzlint/config-error')!;
    expect(note.severity).toBe(DiagnosticSeverity.Warning);
    expect(note.message).toMatch(/^配置文件「\.fzlint\.yaml」有误，本报告暂按内置规则（fzlint:recommended）检查：规则「my\/no-colloquial」：未知的规则类型「patern」，是否要写「pattern」？/);
    expect(note.relatedInformation![0]!.location).toMatchObject({ uri: fileUri(config), range: { start: { line: 3, character: 10 } } });
    expect(report.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);

    const yaml = await client.diagnostics(fileUri(config), (p) => p.diagnostics.length > 0);
    expect(yaml.diagnostics).toHaveLength(1);
    expect(yaml.diagnostics[0]).toMatchObject({ severity: DiagnosticSeverity.Error, source: 'fzlint', range: { start: { line: 3, character: 10 } } });
    expect(yaml.diagnostics[0]!.message).toContain('未知的规则类型「patern」');
  });

  it('editing the config in the editor re-validates it and every open report', async () => {
    ws = new Workspace();
    const config = ws.write('.fzlint.yaml', BAD_KIND);
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const a = await client.open(ws.seed('004', 'a/2024.txt'));
    const b = await client.open(ws.seed('003', 'b/2024.txt'));
    await client.current(a);
    await client.current(b);
    const configUri = await client.open(config);
    await client.diagnostics(configUri, (p) => p.diagnostics.length === 1);
    const published = client.published.length;
    await client.replaceAll(configUri, FIXED);
    await client.diagnostics(configUri, (p) => p.diagnostics.length === 0, { since: published });
    for (const uri of [a, b]) {
      // The reports may be republished before or after the config file itself.
      const again = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'fzlint/config-error'), { since: published });
      // The fixed config (unsaved, from the editor) is in force: it turns the title rule off.
      expect(again.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
      expect(again.diagnostics.some((d) => d.code === 'gd2024/rectification')).toBe(true);
    }
    expect(client.published.length).toBeGreaterThan(published);
    // A YAML syntax error is shown at its line too.
    const beforeSyntax = client.published.length;
    await client.replaceAll(configUri, 'extends: fzlint:recommended\nrules:\n  gd2024/title: [off\n');
    const syntax = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0, { since: beforeSyntax });
    expect(syntax.diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(2);
    expect(syntax.diagnostics[0]!.message).toMatch(/YAML|格式/);
  });

  it('a rule file the config extends: its problems land on that file', async () => {
    ws = new Workspace();
    ws.write('.fzlint.yaml', 'extends:\n  - fzlint:recommended\n  - ./rules/mine.yaml\n');
    const mine = ws.write('rules/mine.yaml', 'rules:\n  my/term:\n    kind: pattern\n    severity: fatal\n    words: [摩电]\n');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    await client.open(ws.seed('004'));
    const problems = await client.diagnostics(fileUri(mine), (p) => p.diagnostics.length > 0);
    expect(problems.diagnostics[0]!.range.start.line).toBe(3);
    expect(problems.diagnostics[0]!.message).toContain('severity');
  });

  it('a rule file no config uses yet is validated on its own; other YAML stays quiet', async () => {
    ws = new Workspace();
    const workflow = ws.write('.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    const standalone = ws.write('draft-rules.yaml', 'rules:\n  my/term:\n    kind: pattern\n    words: 3\n');
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const wf = await client.open(workflow);
    const rf = await client.open(standalone);
    const problems = await client.diagnostics(rf, (p) => p.diagnostics.length > 0);
    expect(problems.diagnostics[0]!.range.start.line).toBe(3);
    expect(client.publishedFor(wf)).toEqual([]);
    // Fixing it clears the diagnostics.
    const mark0 = client.published.length;
    await client.replaceAll(rf, 'rules:\n  my/term:\n    kind: pattern\n    words: [摩电]\n');
    await client.diagnostics(rf, (p) => p.diagnostics.length === 0, { since: mark0 });
  });

  it('a config file created on disk takes effect for open reports (file watching)', async () => {
    ws = new Workspace();
    client = await TestClient.start({ folders: [ws.root], settings: { debounceMs: 0 } });
    const uri = await client.open(ws.seed('004', 'reports/2024.txt'));
    const before = await client.current(uri);
    expect(before.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(true);
    const mark1 = client.published.length;
    writeFileSync(ws.path('.fzlint.yaml'), 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n');
    const after = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'gd2024/title'), { since: mark1 });
    expect(after.diagnostics.some((d) => d.code === 'gd2024/part-speeches')).toBe(true);
  });
});
