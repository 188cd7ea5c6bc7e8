import { afterEach, describe, expect, it } from 'vitest';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, toLintOptions } from '../../packages/server/src/settings.js';
import { SERVER_VERSION } from '../../packages/server/src/version.js';
import { looksLikeReport } from '@fzlint/workspace';
import { readSeed, recommended, ROOT } from '../helpers.js';
import { TestClient } from './lsp-client.js';
import { Workspace } from './workspace.js';

let client: TestClient | undefined;
const spaces: Workspace[] = [];
afterEach(async () => {
  await client?.stop();
  for (const w of spaces.splice(0)) w.dispose();
  client = undefined;
});

describe('multi-root workspaces and transports', () => {
  it('config is resolved per folder; fzlint.configFile is relative to its folder', async () => {
    const a = new Workspace();
    const b = new Workspace();
    spaces.push(a, b);
    a.write('.fzlint.yaml', 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n');
    b.write('config/team.yaml', 'extends: fzlint:recommended\nrules:\n  data/disclosure: off\n');
    client = await TestClient.start({
      folders: [a.root, b.root],
      settings: (scope) => ({ debounceMs: 0, configFile: scope?.startsWith(`file://${b.root}`) ? 'config/team.yaml' : '' }),
    });
    const ua = await client.open(a.seed('004'));
    const ub = await client.open(b.seed('004'));
    const da = (await client.current(ua)).diagnostics.map((d) => d.code);
    const db = (await client.current(ub)).diagnostics.map((d) => d.code);
    expect(da).not.toContain('gd2024/title');
    expect(da).toContain('data/disclosure');
    expect(db).toContain('gd2024/title');
    expect(db).not.toContain('data/disclosure');
  });

  it('settings changes re-check open reports (workspace/configuration is asked again)', async () => {
    const w = new Workspace();
    spaces.push(w);
    client = await TestClient.start({ folders: [w.root], settings: { debounceMs: 0, edition: '' } });
    const uri = await client.open(w.seed('004'));
    expect((await client.current(uri)).diagnostics.some((d) => d.code.toString().startsWith('gd2024/'))).toBe(true);
    client.settings = { debounceMs: 0, edition: 'national-2019' };
    const mark0 = client.published.length;
    await client.configurationChanged();
    const again = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('nat2019/')), { since: mark0 });
    expect(again.diagnostics.some((d) => String(d.code).startsWith('gd2024/'))).toBe(false);
    expect(client.registrations).toContain('workspace/didChangeConfiguration');
  });

  it('node-ipc transport works as stdio does', async () => {
    const w = new Workspace();
    spaces.push(w);
    client = await TestClient.start({ folders: [w.root], settings: { debounceMs: 0 }, transport: 'node-ipc' });
    const uri = await client.open(w.seed('001'));
    expect((await client.current(uri)).diagnostics.length).toBeGreaterThan(0);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(symbols).toHaveLength(6);
  });

  it('clients without workspace/configuration: settings from initializationOptions and didChangeConfiguration', async () => {
    const w = new Workspace();
    spaces.push(w);
    client = await TestClient.start({
      folders: [w.root],
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings: { debounceMs: 0, enable: false } },
    });
    const uri = await client.open(w.seed('004'));
    expect(await client.connection.sendRequest('fzlint/checklist', { textDocument: { uri } })).toMatchObject({ status: 'disabled' });
    await client.configurationChanged({ fzlint: { debounceMs: 0, enable: true } });
    expect((await client.diagnostics(uri, () => true)).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('settings and report detection (units)', () => {
  it('normalizeSettings fills defaults and rejects wrong types', () => {
    const warnings: string[] = [];
    expect(normalizeSettings(null, (m) => warnings.push(m))).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ run: 'onSave', debounceMs: 99999, previous: ' a.txt ' }, (m) => warnings.push(m))).toEqual({ ...DEFAULT_SETTINGS, run: 'onSave', debounceMs: 10000, previous: 'a.txt' });
    expect(warnings).toEqual([]);
    normalizeSettings({ configFile: 3 }, (m) => warnings.push(m));
    expect(warnings).toEqual(['设置 fzlint.configFile 的值 3 无效（应为字符串），已使用默认值 ""']);
  });

  it('toLintOptions is the one translation of settings into engine options', async () => {
    const config = await recommended();
    const timeLimit = { totalMs: 2000, ruleMs: 1000, interrupt: undefined };
    expect(toLintOptions({ settings: { ...DEFAULT_SETTINGS }, config, path: '/r/a.md', format: 'markdown' })).toEqual({ config, path: '/r/a.md', format: 'markdown', timeLimit });
    expect(toLintOptions({ settings: { ...DEFAULT_SETTINGS, edition: 'national-2019' }, config, previous: { path: '/p', text: 'x' } })).toEqual({ config, edition: 'national-2019', previous: { path: '/p', text: 'x' }, timeLimit });
    const interrupt = <T>(fn: () => T) => fn();
    expect(toLintOptions({ settings: { ...DEFAULT_SETTINGS, lintTimeoutMs: 500 }, config, interrupt }).timeLimit).toEqual({ totalMs: 500, ruleMs: 250, interrupt });
  });

  it('looksLikeReport: the five seeds are reports; notes and READMEs are not', () => {
    for (const id of ['000', '001', '002', '003', '004'] as const) expect(looksLikeReport(readSeed(id)), id).toBe(true);
    expect(looksLikeReport('# 会议纪要\n\n讨论法治政府建设年度报告的起草分工。\n')).toBe(false);
    expect(looksLikeReport('# fzlint — 法治政府建设年度报告检查工具\n\n检查法治政府建设年度报告。\n')).toBe(false);
    expect(looksLikeReport('---\nyear: 2024\n---\n\n草稿\n')).toBe(true);
    expect(looksLikeReport('某某局2025年法治政府建设年度报告\n')).toBe(true);
  });

  it('the version the server reports is package.json’s', () => {
    expect(SERVER_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/server/package.json'), 'utf8')).version);
  });
});
