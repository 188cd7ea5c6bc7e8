import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, runBin, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const REPORT = '# 某局2024年法治政府建设年度报告\n\n内容。\n';

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function linted(dir: string, args: string[]): Promise<string[]> {
  const r = await runMain(['-f', 'json', ...args], { cwd: dir });
  return json<EslintFile[]>(r.stdout).map((f) => f.filePath.slice(dir.length + 1));
}

describe('which files are linted', () => {
  it('a folder: its .md .txt .docx .html reports, recursively and sorted; hidden folders and node_modules skipped', async () => {
    const dir = tree({ 'b.txt': REPORT, 'a.md': REPORT, 'sub/c.html': `<p>${REPORT}</p>`, 'notes.xlsx': 'x', '.hidden/d.md': REPORT, 'node_modules/e.md': REPORT, 'sub/.f.md': REPORT });
    expect(await linted(dir, ['.'])).toEqual(['a.md', 'b.txt', 'sub/c.html']);
  });

  it('honours .gitignore and .fzlintignore (nested, with negation), but not for files named explicitly', async () => {
    const dir = tree({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      '.fzlintignore': 'archive/**\n!archive/keep.md\n',
      'a.md': REPORT,
      'x.tmp.md': REPORT,
      'drafts/b.md': REPORT,
      'archive/old.md': REPORT,
      'archive/keep.md': REPORT,
      'sub/.gitignore': 'local.md\n',
      'sub/local.md': REPORT,
      'sub/kept.md': REPORT,
    });
    expect(await linted(dir, ['.'])).toEqual(['a.md', 'archive/keep.md', 'sub/kept.md']);
    expect(await linted(dir, ['drafts/b.md'])).toEqual(['drafts/b.md']);
  });

  it('quoted globs are expanded by fzlint', async () => {
    const dir = tree({ '2023/a.md': REPORT, '2024/b.md': REPORT, '2024/c.txt': REPORT, '2024/deep/d.md': REPORT });
    expect(await linted(dir, ['2024/**/*.md'])).toEqual(['2024/b.md', '2024/deep/d.md']);
    expect(await linted(dir, ['*/*.txt', '2023/a.md'])).toEqual(['2024/c.txt', '2023/a.md']);
  });

  it('the config’s ignores exclude files (explicit ones with a note); its files narrow folder walks', async () => {
    const dir = tree({ '.fzlint.yaml': "ignores: ['old/**']\nfiles: ['**/*.md']\n", 'a.md': REPORT, 'b.txt': REPORT, 'old/c.md': REPORT });
    expect(await linted(dir, ['.'])).toEqual(['a.md']);
    expect(await linted(dir, ['b.txt'])).toEqual(['b.txt']);
    const r = await runMain(['old/c.md'], { cwd: dir });
    expect(r.stderr).toContain('被配置文件的 ignores/files 排除');
    expect(r.code).toBe(0);
  });

  it('the same file named twice is linted once', async () => {
    const dir = tree({ 'a.md': REPORT });
    expect(await linted(dir, ['a.md', '.', './a.md'])).toEqual(['a.md']);
  });
});

describe('many files: worker threads and the progress bar', () => {
  const many = () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`r${String(i).padStart(2, '0')}.${i % 2 ? 'md' : 'txt'}`] = `# 第${i}局2024年法治政府建设年度报告\n\n一、主要举措和成效\n\n加强法制宣传${i}次。\n`;
    return tree(files);
  };

  it('parallel linting (worker threads) gives exactly the output of linting in one thread', () => {
    const dir = many();
    const parallel = runBin(['-f', 'json', '--concurrency', '2', '.'], { cwd: dir });
    const single = runBin(['-f', 'json', '--concurrency', 'off', '.'], { cwd: dir });
    expect(parallel.stderr).toBe('');
    expect(parallel.code).toBe(single.code);
    expect(json<EslintFile[]>(parallel.stdout)).toHaveLength(60);
    expect(parallel.stdout).toBe(single.stdout);
    const sarifParallel = runBin(['-f', 'sarif', '--concurrency', '2', '.'], { cwd: dir });
    const sarifSingle = runBin(['-f', 'sarif', '--concurrency', 'off', '.'], { cwd: dir });
    expect(sarifParallel.stdout).toBe(sarifSingle.stdout);
  });

  it('no progress bar when stderr is not a terminal (CI, pipes)', () => {
    const dir = many();
    const r = runBin(['.'], { cwd: dir, env: { CI: '' } });
    expect(r.stderr).toBe('');
  });

  it('a progress bar on a terminal, cleared at the end', async () => {
    const dir = many();
    let err = '';
    const { main } = await import('../../packages/cli/src/main.js');
    await main({
      argv: ['--concurrency', 'off', '.'],
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: (s: string) => ((err += s), true), isTTY: true, columns: 80 },
      env: {},
    });
    expect(err).toContain('检查中 [');
    expect(err).toContain('60/60 份');
    const quiet = { err: '' };
    await main({ argv: ['--concurrency', 'off', '.'], cwd: dir, stdout: { write: () => true }, stderr: { write: (s: string) => ((quiet.err += s), true), isTTY: true }, env: { CI: 'true' } });
    expect(quiet.err).toBe('');
  });
});

describe('globs as users type them: negation, --ignore-pattern, Windows backslashes', () => {
  it('"!glob" and --ignore-pattern leave files out; backslashes work as separators', async () => {
    const dir = tree({ 'reports/a.md': REPORT, 'reports/草稿/b.md': REPORT, 'reports/2024/c.md': REPORT });
    expect(await linted(dir, ['reports'])).toEqual(['reports/2024/c.md', 'reports/a.md', 'reports/草稿/b.md']);
    expect(await linted(dir, ['reports', '!reports/草稿/**'])).toEqual(['reports/2024/c.md', 'reports/a.md']);
    expect(await linted(dir, ['reports/**/*.md', '--ignore-pattern', 'reports/草稿/**', '--ignore-pattern', '**/a.md'])).toEqual(['reports/2024/c.md']);
    expect(await linted(dir, ['reports\\2024\\*.md'])).toEqual(['reports/2024/c.md']);
    expect(await linted(dir, ['reports\\2024'])).toEqual(['reports/2024/c.md']);
    const only = await runMain(['!reports/**'], { cwd: dir });
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('只给了排除的模式');
  });
});
