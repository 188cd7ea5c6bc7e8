import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs, type WorkspaceFs } from '@fzlint/workspace';
import { expectNoStack, json, runBin, runMain, tempDir, type EslintFile } from './cli-helpers.js';

const REPORT = '# 某局2024年法治政府建设年度报告\n\n一、主要举措和成效\n\n内容。\n';

describe('bad input: one clear message, a distinct exit code, no stack trace', () => {
  it('an empty file and a whitespace-only file are one error each (exit 1), nothing else is checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.md'), '  \n\t\n\u3000\n');
    const r = await runMain(['-f', 'json', 'empty.txt', 'blank.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const [empty, blank] = json<EslintFile[]>(r.stdout);
    expect(empty!.messages).toEqual([expect.objectContaining({ ruleId: 'fzlint/empty-file', severity: 2, line: 1, column: 1, message: '文件为空，没有可检查的内容' })]);
    expect(blank!.messages).toEqual([expect.objectContaining({ ruleId: 'fzlint/empty-file', message: '文件只有空白字符，没有可检查的内容' })]);
    expect((await runMain(['explain', 'fzlint/empty-file'])).stdout).toContain('文件为空');
  });

  it('a binary file (NUL bytes) cannot be checked: exit 2, the message names the file and the formats that can be', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, 'data.txt'), Buffer.from([0x01, 0x02, 0x00, 0x00, 0x41, 0x42]));
    writeFileSync(join(dir, 'ok.md'), REPORT);
    const r = runBin(['scan.txt', 'data.txt', 'ok.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('scan.txt');
    // By content, not by name: a PNG named .txt is said to be a picture.
    expect(r.stdout).toContain('不支持的文件类型：图片（PNG）。支持的格式：.docx、.doc、.wps、.pdf、.html/.htm、.txt、.md');
    expect(r.stdout).toContain('不是文本文件（含有 NUL 字节）');
    expect(r.stdout).toContain('ok.md'); // the other file is still checked
    expectNoStack(r.stdout + r.stderr);
  });

  it('an unreadable file: exit 2 with the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.txt'), REPORT);
    const denied: WorkspaceFs = { ...realFs, readFile: async (p) => (p.endsWith('secret.txt') ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) : realFs.readFile(p)) };
    const r = await runMain(['-f', 'json', 'secret.txt'], { cwd: dir, fs: denied });
    expect(r.code).toBe(2);
    expect(json<EslintFile[]>(r.stdout)[0]!.messages[0]).toMatchObject({ fatal: true, message: '无法读取：没有访问权限' });
    expect(r.stderr).toContain('secret.txt');
  });

  it('a directory symlink loop is skipped with a warning; the reports are still checked once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports/sub'), { recursive: true });
    writeFileSync(join(dir, 'reports/a.md'), REPORT);
    writeFileSync(join(dir, 'reports/sub/b.md'), REPORT);
    symlinkSync('..', join(dir, 'reports/sub/up'));
    symlinkSync('loop-b', join(dir, 'reports/loop-a'));
    symlinkSync('loop-a', join(dir, 'reports/loop-b'));
    const r = runBin(['-f', 'json', 'reports'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = json<EslintFile[]>(r.stdout).map((f) => f.filePath.slice(dir.length + 1));
    expect(files).toEqual(['reports/a.md', 'reports/sub/b.md']);
    expect(r.stderr).toContain('跳过「reports/sub/up」：符号链接指向其上级目录（循环）');
    expectNoStack(r.stderr);
  });

  it('a path that does not exist, a folder without reports, a glob that matches nothing, a device: exit 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'notes.xlsx'), 'x');
    for (const [arg, text] of [
      ['nope.md', '无法读取「nope.md」：文件或目录不存在'],
      ['empty', '目录「empty」中没有报告文件（.md .markdown .txt .docx .doc .wps .pdf .html .htm），跳过了 1 个其他文件'],
      ['**/*.docx', '没有文件与「**/*.docx」匹配'],
      ['/dev/zero', '「/dev/zero」不是普通文件或目录'],
    ]) {
      const r = runBin([arg!], { cwd: dir });
      expect(r.code, arg).toBe(2);
      expect(r.stderr).toContain(text);
      expectNoStack(r.stderr);
    }
  });

  it('an unexpected internal error on one file is that file\'s result, one line without a stack (unless FZLINT_DEBUG); the other files are checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), REPORT);
    writeFileSync(join(dir, 'b.md'), REPORT);
    const broken: WorkspaceFs = { ...realFs, readFile: async (p) => (p.endsWith('a.md') ? (42 as unknown as Buffer) : realFs.readFile(p)) };
    const r = await runMain(['-f', 'json', 'a.md', 'b.md'], { cwd: dir, fs: broken });
    expect(r.code).toBe(2);
    const [a, b] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; fatal?: boolean; message: string }> }>;
    expect(a!.messages).toEqual([expect.objectContaining({ fatal: true, message: expect.stringMatching(/^fzlint 内部错误：/) })]);
    expect(b!.messages.length).toBeGreaterThan(0);
    expect(b!.messages.some((m) => m.fatal)).toBe(false);
    expectNoStack(r.stderr);
    const debug = await runMain(['a.md'], { cwd: dir, fs: broken, env: { FZLINT_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
