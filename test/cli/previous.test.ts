import iconv from 'iconv-lite';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs } from '../../packages/cli/src/fs.js';
import { choosePrevious } from '../../packages/cli/src/previous.js';
import { recommended, seedPath } from '../helpers.js';
import { json, runMain, tempDir } from './cli-helpers.js';

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
    const fm = '---\nprevious: ../old/2023.md\n---\n# 报告\n';
    expect(await choosePrevious({ fs: realFs, file: '/r/2024.md', text: fm, format: 'markdown', config: mapped, explicit: '/x/cli.md' })).toEqual({ path: '/x/cli.md', source: 'cli' });
    expect(await choosePrevious({ fs: realFs, file: '/r/2024.md', text: fm, format: 'markdown', config: mapped })).toEqual({ path: '/old/2023.md', source: 'front-matter' });
    expect(await choosePrevious({ fs: realFs, file: '/r/2024.md', text: '# 报告\n', format: 'markdown', config: mapped })).toEqual({ path: '/r/2023-config.md', source: 'config' });
    expect(await choosePrevious({ fs: realFs, file: '/r/other.md', text: '# 报告\n', format: 'markdown', config: mapped })).toBeUndefined();
  });
});
