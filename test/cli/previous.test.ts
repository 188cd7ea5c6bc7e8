import iconv from 'iconv-lite';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePrevious } from '@fzlint/workspace';
import { recommended, ROOT, seedPath } from '../helpers.js';
import { json, runBin, runMain, tempDir } from './cli-helpers.js';

type WithReport = { filePath: string; report: { previous?: string } };

/** Seeds 002 (2021) and 000 (2022) are the same unit in consecutive years. */
function years(): string {
  const dir = tempDir();
  copyFileSync(seedPath('002'), join(dir, '2021.txt'));
  copyFileSync(seedPath('000'), join(dir, '2022.txt'));
  return dir;
}

describe('last year’s report', () => {
  it('--previous FILE is read (any encoding) and handed to the engine', async () => {
    const dir = years();
    writeFileSync(join(dir, '2021-gbk.txt'), iconv.encode((await import('node:fs')).readFileSync(seedPath('002'), 'utf8'), 'gbk'));
    const r = await runMain(['--previous', '2021-gbk.txt', '-f', 'json', '2022.txt'], { cwd: dir });
    expect(json<WithReport[]>(r.stdout)[0]!.report.previous).toBe(join(dir, '2021-gbk.txt'));
    const stylish = await runMain(['--previous', '2021.txt', '2022.txt'], { cwd: dir });
    expect(stylish.stdout).toContain(`对照上一年度报告：${join(dir, '2021.txt')}`);
  });

  it('a missing or unreadable --previous is a config error (exit 2) naming the path', async () => {
    const dir = years();
    const missing = await runMain(['--previous', 'nope.txt', '2022.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--previous 指定的上一年度报告「${join(dir, 'nope.txt')}」无法读取：文件或目录不存在`);
    expect(missing.stdout).toBe('');
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([1, 0, 2, 0]));
    const binary = await runMain(['--previous', 'bin.txt', '2022.txt'], { cwd: dir });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('不是文本文件');
    const folder = await runMain(['--previous', '.', '2022.txt'], { cwd: dir });
    expect(folder.code).toBe(2);
  });

  it('--previous with several files is a usage error', async () => {
    const dir = years();
    const r = await runMain(['--previous', '2021.txt', '2021.txt', '2022.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous 只能在检查一个文件时使用');
  });

  it('the config’s previous mapping (relative to the config file) applies per file; a missing target is exit 2', async () => {
    const dir = years();
    writeFileSync(join(dir, '.fzlint.yaml'), 'previous:\n  2022.txt: 2021.txt\n');
    const r = await runMain(['-f', 'json', '.'], { cwd: dir });
    const byName = Object.fromEntries(json<WithReport[]>(r.stdout).map((f) => [f.filePath.slice(dir.length + 1), f.report.previous]));
    expect(byName).toEqual({ '2021.txt': undefined, '2022.txt': join(dir, '2021.txt') });
    writeFileSync(join(dir, '.fzlint.yaml'), 'previous:\n  2022.txt: 2020.txt\n');
    const bad = await runMain(['.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`配置文件 previous 中指定的上一年度报告「${join(dir, '2020.txt')}」无法读取`);
  });

  it('choosePrevious: --previous, then front matter (relative to the report), then the config mapping', async () => {
    const config = await recommended();
    const mapped = Object.create(config, { data: { value: { ...config.data, previous: { '/r/2024.md': '/r/2023-config.md' } } } });
    const fm = { previous: '../old/2023.md' };
    const base = { file: '/r/2024.md', format: 'markdown' as const, roots: ['/'] };
    expect(await choosePrevious({ ...base, meta: fm, config: mapped, explicit: { path: '/x/cli.md', written: 'cli.md' } })).toEqual({ choice: { path: '/x/cli.md', source: 'host', written: 'cli.md' } });
    expect(await choosePrevious({ ...base, meta: fm, config: mapped })).toEqual({ choice: { path: '/old/2023.md', source: 'front-matter', written: '../old/2023.md' } });
    // A front matter path outside the report's folder, the config's folder and the working directory is refused…
    expect((await choosePrevious({ ...base, roots: ['/r'], meta: fm, config: mapped })).refused).toMatch(/不在报告所在文件夹、配置文件所在文件夹或工作目录之内/);
    // …unless the config allows it.
    const open = Object.create(config, { data: { value: { ...config.data, allowExternalPrevious: true } } });
    expect(await choosePrevious({ ...base, roots: ['/r'], meta: fm, config: open })).toEqual({ choice: { path: '/old/2023.md', source: 'front-matter', written: '../old/2023.md' } });
    expect(await choosePrevious({ ...base, meta: {}, config: mapped })).toEqual({ choice: { path: '/r/2023-config.md', source: 'config', written: '/r/2023-config.md' } });
    expect(await choosePrevious({ ...base, file: '/r/other.md', meta: {}, config: mapped })).toEqual({});
  });
});

type WithDiscovery = { filePath: string; messages: Array<{ ruleId: string }>; report: { previous?: string; previousDiscovery?: string } };

describe('automatic discovery of last year’s report (issue 4)', () => {
  it('fzlint --previous 002 000 reports the three 2021 problems as not addressed', () => {
    const r = runBin(['--previous', seedPath('002'), '-f', 'json', seedPath('000')]);
    const [file] = json<WithDiscovery[]>(r.stdout);
    expect(file!.messages.filter((m) => m.ruleId === 'cross-year/problems-addressed')).toHaveLength(3);
  });

  it('in one folder, 002 is found for 000 without being named; the output says which file and why', async () => {
    const dir = years();
    copyFileSync(seedPath('001'), join(dir, 'longgang-2024.txt'));
    const r = await runMain(['-f', 'json', '.'], { cwd: dir });
    const files = Object.fromEntries(json<WithDiscovery[]>(r.stdout).map((f) => [f.filePath.slice(dir.length + 1), f]));
    expect(files['2022.txt']!.report.previous).toBe(join(dir, '2021.txt'));
    expect(files['2022.txt']!.report.previousDiscovery).toMatch(/^自动选用同一单位「广州市花都区政务服务数据管理局」2021年度的报告 2021\.txt/);
    expect(files['2022.txt']!.messages.filter((m) => m.ruleId === 'cross-year/problems-addressed')).toHaveLength(3);
    expect(files['2021.txt']!.report.previous).toBeUndefined();
    expect(files['2021.txt']!.report.previousDiscovery).toMatch(/^未找到「广州市花都区政务服务数据管理局」2020年度的报告.*同一单位的报告有 2022年度/);
    expect(files['longgang-2024.txt']!.report.previousDiscovery).toContain('未找到「深圳市龙岗区政务服务和数据管理局」2023年度的报告');
    const stylish = await runMain(['2022.txt'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(stylish.stdout).toContain('上一年度报告：自动选用同一单位');
  });

  it('a sibling of the same unit saved as GB18030 or .docx is found too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2021.txt'), iconv.encode((await import('node:fs')).readFileSync(seedPath('002'), 'utf8'), 'gb18030'));
    copyFileSync(seedPath('000'), join(dir, '2022.txt'));
    const r = await runMain(['-f', 'json', '2022.txt'], { cwd: dir });
    expect(json<WithDiscovery[]>(r.stdout)[0]!.report.previous).toBe(join(dir, '2021.txt'));
  });

  it.each([
    ['all-addressed', 0],
    ['one-addressed', 2],
    ['real-002-000', 3],
  ])('the %s variant through the binary: %i problems not addressed', (name, count) => {
    const dir = join(ROOT, 'test/fixtures/cross-year', name);
    const input = readdirSync(dir).find((f) => /^input\.(md|txt)$/.test(f));
    const target = input ? join(dir, input) : seedPath('000');
    const r = runBin(['--previous', seedPath('002'), '-f', 'json', target]);
    expect(json<WithDiscovery[]>(r.stdout)[0]!.messages.filter((m) => m.ruleId === 'cross-year/problems-addressed')).toHaveLength(count);
  });
});
