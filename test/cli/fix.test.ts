import iconv from 'iconv-lite';
import { chmodSync, copyFileSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs, type WorkspaceFs } from '@fzlint/workspace';
import { readSeed, seedPath } from '../helpers.js';
import { json, read, runBin, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const RULES = 'rules:\n  my/fazhi:\n    kind: pattern\n    severity: warning\n    words: [法制宣传]\n    replace: 法治宣传\n';
const REPORT = ['# 某局2024年法治政府建设年度报告', '', '一是加强法制宣传。', '二是健全制度。法制宣传覆盖率100%。', ''].join('\n');
const FIXED = REPORT.replace(/法制宣传/g, '法治宣传');

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  writeFileSync(join(dir, '.fzlint.yaml'), RULES);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const fixable = (f: EslintFile) => f.messages.filter((m) => (m as { fix?: unknown }).fix);

describe('--fix', () => {
  it('round trip: fixes are written, re-linting shows no fixable finding, a second --fix changes nothing', async () => {
    const dir = project({ 'a.md': REPORT });
    const first = await runMain(['--fix', 'a.md'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已自动修复 2 处');
    expect(read(join(dir, 'a.md'))).toBe(FIXED);
    const after = json<EslintFile[]>((await runMain(['-f', 'json', 'a.md'], { cwd: dir })).stdout)[0]!;
    expect(fixable(after)).toEqual([]);
    const bytes = readFileSync(join(dir, 'a.md'));
    const mtime = statSync(join(dir, 'a.md')).mtimeMs;
    await runMain(['--fix', 'a.md'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md')).equals(bytes)).toBe(true);
    expect(statSync(join(dir, 'a.md')).mtimeMs).toBe(mtime); // nothing to fix: not rewritten
  });

  it('a seed with web residue: only the residue lines go, every other line is unchanged', async () => {
    const dir = tempDir();
    copyFileSync(seedPath('001'), join(dir, 'r.txt'));
    chmodSync(join(dir, 'r.txt'), 0o644);
    const r = await runMain(['--fix', 'r.txt'], { cwd: dir });
    expect(r.stdout).toContain('已自动修复');
    const before = readSeed('001').split('\n');
    const after = read(join(dir, 'r.txt')).split('\n');
    // Besides the residue, only the year range of a cited title changes (cite/year-range-dash: 2024-2025 → 2024—2025).
    const changed = after.filter((l) => !before.includes(l));
    const original = changed.map((l) => l.replace(/(\d{4})—(\d{4})/g, '$1-$2'));
    expect(original.every((l) => before.includes(l))).toBe(true);
    const removed = before.filter((l) => !after.includes(l) && !original.includes(l));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((l) => /发布时间|扫一扫|浏览次数|分享|打印|关闭/.test(l))).toBe(true);
  });

  it('keeps the encoding, BOM and line endings: GB18030 + CRLF, UTF-8 BOM, UTF-16 LE', async () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const dir = project({
      'gb.txt': iconv.encode(crlf, 'gb18030'),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]),
      'u16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]),
    });
    const r = await runMain(['--fix', 'gb.txt', 'bom.md', 'u16.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const fixedCrlf = FIXED.replace(/\n/g, '\r\n');
    expect(readFileSync(join(dir, 'gb.txt')).equals(iconv.encode(fixedCrlf, 'gb18030'))).toBe(true);
    expect(readFileSync(join(dir, 'bom.md')).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixedCrlf, 'utf8')]))).toBe(true);
    expect(readFileSync(join(dir, 'u16.txt')).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXED, 'utf16le')]))).toBe(true);
  });

  it('a fix that inserts a line break uses the file’s CRLF', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  my/split:\n    kind: pattern\n    severity: warning\n    words: [。二是]\n    replace: "。\\n二是"\n');
    writeFileSync(join(dir, 'a.txt'), '一是学习。二是宣传。\r\n');
    await runMain(['--fix', 'a.txt'], { cwd: dir });
    expect(read(join(dir, 'a.txt'))).toBe('一是学习。\r\n二是宣传。\r\n');
  });

  it('is atomic: the new text goes to a temporary file in the same folder that is renamed over the original', async () => {
    const dir = project({ 'a.md': REPORT });
    const ops: string[] = [];
    const spy: WorkspaceFs = {
      ...realFs,
      writeFile: async (p, d, o) => (ops.push(`write ${p.replace(dir, '')} ${o?.flag}`), realFs.writeFile(p, d, o)),
      rename: async (a, b) => (ops.push(`rename ${a.replace(dir, '')} ${b.replace(dir, '')}`), realFs.rename(a, b)),
    };
    await runMain(['--fix', 'a.md'], { cwd: dir, fs: spy });
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatch(/^write \/\.a\.md\.fzlint-\d+-[0-9a-f]+\.tmp wx$/);
    expect(ops[1]).toBe(`rename ${ops[0]!.split(' ')[1]} /a.md`);
    expect(read(join(dir, 'a.md'))).toBe(FIXED);
  });

  it('when the rename fails the original is untouched, the temporary file removed, and the exit code is 2', async () => {
    const dir = project({ 'a.md': REPORT });
    const failing: WorkspaceFs = { ...realFs, rename: async () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) };
    const r = await runMain(['--fix', 'a.md'], { cwd: dir, fs: failing });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('无法写入');
    expect(r.stdout).toContain('a.md');
    expect(read(join(dir, 'a.md'))).toBe(REPORT);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The findings are still reported (for the unchanged text).
    expect(r.stdout).toContain('my/fazhi');
  });

  it('when the disk fills up while writing, the original is untouched', async () => {
    const dir = project({ 'a.md': REPORT });
    const full: WorkspaceFs = {
      ...realFs,
      writeFile: async (p, _d, o) => {
        await realFs.writeFile(p, 'half', o);
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    const r = await runMain(['--fix', 'a.md'], { cwd: dir, fs: full });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('磁盘空间不足');
    expect(read(join(dir, 'a.md'))).toBe(REPORT);
    expect(readdirSync(dir).sort()).toEqual(['.fzlint.yaml', 'a.md']);
  });

  it('a read-only file is not written (exit 2, message names the file) — real binary', () => {
    const dir = project({ 'a.md': REPORT });
    chmodSync(join(dir, 'a.md'), 0o444);
    const r = runBin(['--fix', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('无法写入「');
    expect(r.stdout).toContain('只读');
    expect(read(join(dir, 'a.md'))).toBe(REPORT);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o444);
  });

  it('keeps the file mode, and writes through a symlink to its target', async () => {
    const dir = project({ 'a.md': REPORT });
    chmodSync(join(dir, 'a.md'), 0o640);
    symlinkSync('a.md', join(dir, 'link.md'));
    await runMain(['--fix', 'link.md'], { cwd: dir });
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(read(join(dir, 'a.md'))).toBe(FIXED);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
  });

  it('--fix-dry-run prints the changed words and writes nothing', async () => {
    const dir = project({ 'a.md': REPORT });
    const r = await runMain(['--fix-dry-run', 'a.md'], { cwd: dir });
    expect(r.stdout).toBe(['--- a/a.md', '+++ b/a.md', '@@ 第 3 行 @@', '一是加强法[-制-]{+治+}宣传。', '二是健全制度。法[-制-]{+治+}宣传覆盖率100%。', ''].join('\n'));
    expect(read(join(dir, 'a.md'))).toBe(REPORT);
  });

  it('--fix-dry-run keeps a little context around a change in a long paragraph', async () => {
    const long = `${'甲'.repeat(300)}法制宣传${'乙'.repeat(300)}`;
    const dir = project({ 'a.md': `# 某局2024年法治政府建设年度报告\n\n${long}\n` });
    const r = await runMain(['--fix-dry-run', 'a.md'], { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines[2]).toBe('@@ 第 3 行 @@');
    expect(lines[3]).toBe(`…${'甲'.repeat(14)}法[-制-]{+治+}宣传${'乙'.repeat(13)}…`);
    expect(r.stdout.length).toBeLessThan(200);
  });

  it('--fix-dry-run with -f json gives each fixable file its fixed text as `output`, as ESLint does', async () => {
    const dir = project({ 'a.md': REPORT });
    const r = await runMain(['--fix-dry-run', '-f', 'json', 'a.md'], { cwd: dir });
    const [file] = JSON.parse(r.stdout) as { output?: string }[];
    expect(file?.output).toBe(FIXED);
    expect(read(join(dir, 'a.md'))).toBe(REPORT);
  });
});
