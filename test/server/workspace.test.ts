import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '@fzlint/workspace';
import { DEFAULT_SETTINGS, normalizeSettings, SettingsStore, toLintOptions } from '../../packages/server/src/settings.js';
import { SERVER_VERSION } from '../../packages/server/src/version.js';
import { readSeed, recommended, ROOT, SEED_FILES } from '../helpers.js';
import { MemoryFs } from '../memory-fs.js';
import { Harness, NONE } from './harness.js';

describe('multi-root workspaces, settings and configuration changes', () => {
  it('config is resolved per folder; fzlint.configFile is relative to its folder', async () => {
    const h = new Harness({
      root: '/a',
      folders: ['/b'],
      settings: (scope) => ({ debounceMs: 0, configFile: scope?.startsWith('file:///b/') ? 'config/team.yaml' : '' }),
      files: {
        '/a/.fzlint.yaml': 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n',
        '/b/config/team.yaml': 'extends: fzlint:recommended\nrules:\n  data/disclosure: off\n',
      },
    });
    const ua = (await h.open(h.seed('004', '/a/2024.txt'))).uri;
    const ub = (await h.open(h.seed('004', '/b/2024.txt'))).uri;
    const da = (await h.current(ua)).diagnostics.map((d) => d.code);
    const db = (await h.current(ub)).diagnostics.map((d) => d.code);
    expect(da).not.toContain('gd2024/title');
    expect(da).toContain('data/disclosure');
    expect(db).toContain('gd2024/title');
    expect(db).not.toContain('data/disclosure');
  });

  it('settings changes re-check open reports (workspace/configuration is asked again, configs are read again)', async () => {
    const h = new Harness({ settings: { debounceMs: 0, edition: '' }, files: { '.fzlint.yaml': 'extends: fzlint:recommended\n' } });
    const { uri } = await h.open(h.seed('004'));
    expect((await h.current(uri)).diagnostics.some((d) => String(d.code).startsWith('gd2024/'))).toBe(true);
    const asked = h.settingsAsked.length;
    const configReads = () => (h.fs as MemoryFs).reads.filter((p) => p.endsWith('.fzlint.yaml')).length;
    const reads = configReads();
    h.settings = { debounceMs: 0, edition: 'national-2019' };
    const mark0 = h.published.length;
    h.service.didChangeConfiguration(undefined);
    const again = await h.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('nat2019/')), { since: mark0 });
    expect(again.diagnostics.some((d) => String(d.code).startsWith('gd2024/'))).toBe(false);
    expect(h.settingsAsked.length).toBeGreaterThan(asked);
    expect(configReads()).toBeGreaterThan(reads);
  });

  it('settings are asked once per document until they change', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const { uri } = await h.open(h.seed('004'));
    await h.current(uri);
    for (let i = 0; i < 3; i++) h.insert(uri, { line: 0, character: 0 }, '某');
    await h.diagnostics(uri, (p) => p.version === 4);
    await h.idle();
    expect(h.settingsAsked.filter((u) => u === uri)).toHaveLength(1);
  });

  it('workspace folders added and removed: configs resolve again, reports are re-checked', async () => {
    const h = new Harness({ settings: { debounceMs: 0, configFile: 'team.yaml' }, files: { '/b/team.yaml': 'extends: fzlint:recommended\nrules:\n  gd2024/title: off\n' } });
    const { uri } = await h.open(h.seed('004', '/b/r/2024.txt'));
    // Outside every folder: configFile is relative to the report's folder, which has no team.yaml.
    expect((await h.current(uri)).diagnostics.some((d) => d.code === 'fzlint/config-error')).toBe(true);
    const mark = h.published.length;
    h.service.didChangeWorkspaceFolders([{ uri: 'file:///b', name: 'b' }], [{ uri: 'file:///ws', name: 'ws' }]);
    const again = await h.diagnostics(uri, () => true, { since: mark });
    expect(again.diagnostics.some((d) => d.code === 'fzlint/config-error')).toBe(false);
    expect(again.diagnostics.some((d) => d.code === 'gd2024/title')).toBe(false);
  });

  it('clients without workspace/configuration: settings from initializationOptions and didChangeConfiguration', async () => {
    const h = new Harness({
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initialSettings: { debounceMs: 0, enable: false },
      settings: { debounceMs: 0, enable: true },
    });
    const { uri } = await h.open(h.seed('004'));
    expect(await h.service.checklist.provideChecklist(uri, NONE)).toMatchObject({ status: 'disabled' });
    h.service.didChangeConfiguration({ debounceMs: 0, enable: true });
    expect((await h.diagnostics(uri, () => true)).diagnostics.length).toBeGreaterThan(0);
    // Such a client is never asked.
    expect(h.settingsAsked).toEqual([]);
  });

  it('bad setting values: a warning in the log (once), defaults used, checking goes on', async () => {
    const h = new Harness({ settings: { debounceMs: -5, run: 'sometimes', enable: 'yes' } });
    const { uri } = await h.open(h.seed('004'));
    expect((await h.current(uri)).diagnostics.length).toBeGreaterThan(0);
    await h.open(h.seed('003'));
    await h.idle();
    const warnings = h.logs.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings).toContain('设置 fzlint.run 的值 "sometimes" 无效（应为 onType 或 onSave），已使用默认值 "onType"');
    expect(warnings.filter((w) => w.startsWith('设置 fzlint.debounceMs 的值 -5 无效'))).toHaveLength(1);
    expect(warnings.some((w) => w.startsWith('设置 fzlint.enable 的值 "yes" 无效'))).toBe(true);
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

  it('SettingsStore: asked per resource and cached; a failed request falls back to the global settings with a warning', async () => {
    const warnings: string[] = [];
    let calls = 0;
    const store = new SettingsStore(async (uri) => {
      calls++;
      if (uri.includes('broken')) throw new Error('客户端无响应');
      return { debounceMs: 5 };
    }, { debounceMs: 7 }, (m) => warnings.push(m));
    expect(await store.get('file:///a.txt')).toEqual({ ...DEFAULT_SETTINGS, debounceMs: 5 });
    await store.get('file:///a.txt');
    expect(calls).toBe(1);
    expect(await store.get('file:///broken.txt')).toEqual({ ...DEFAULT_SETTINGS, debounceMs: 7 });
    expect(warnings).toEqual(['无法获取 file:///broken.txt 的 fzlint 设置：客户端无响应；已使用默认设置']);
    store.changed(undefined);
    await store.get('file:///a.txt');
    expect(calls).toBe(3);
    // Without workspace/configuration: the pushed settings.
    const push = new SettingsStore(undefined, null, (m) => warnings.push(m));
    expect(await push.get('file:///a.txt')).toEqual(DEFAULT_SETTINGS);
    push.changed({ run: 'onSave' });
    expect(await push.get('file:///a.txt')).toEqual({ ...DEFAULT_SETTINGS, run: 'onSave' });
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

describe('server instances', () => {
  it('two language services in one process share nothing: same paths, different files, different results', async () => {
    const config = (rule: string) => ({ '.fzlint.yaml': `extends: fzlint:recommended\nrules:\n  ${rule}: off\n` });
    const one = new Harness({ settings: { debounceMs: 0 }, files: config('gd2024/title') });
    const two = new Harness({ settings: { debounceMs: 0 }, files: config('data/disclosure') });
    const codes = async (h: Harness) => (await h.current((await h.open(h.seed('004'))).uri)).diagnostics.map((d) => d.code);
    const [a, b] = [await codes(one), await codes(two)];
    expect(a).not.toContain('gd2024/title');
    expect(a).toContain('data/disclosure');
    expect(b).toContain('gd2024/title');
    expect(b).not.toContain('data/disclosure');
    // Edited in one editor, the other's result stays.
    one.fileChanged('.fzlint.yaml', 'extends: fzlint:recommended\n');
    await one.idle();
    two.service.didChangeConfiguration(undefined);
    await two.idle();
    expect(two.publishedFor(two.uri(SEED_FILES['004'])).at(-1)!.diagnostics.map((d) => d.code)).not.toContain('data/disclosure');
    expect(one.publishedFor(one.uri(SEED_FILES['004'])).at(-1)!.diagnostics.map((d) => d.code)).toContain('gd2024/title');
  });
});
