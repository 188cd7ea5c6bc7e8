import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../helpers.js';
import { expectNoStack, json, runBin, tempDir, type EslintFile } from './cli-helpers.js';

/**
 * The rest of the bad-input catalogue (docs/bad-input.md) through the real binary: each input has
 * its documented outcome and exit code, no stack trace, and — even with --fix — no file is changed
 * that should not be.
 */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

const seed004 = readSeed('004');

describe('bad-input catalogue (CLI)', () => {
  it('a 10 MB report and a 1 MB single line are checked (exit 1: the seed has errors)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), Array.from({ length: Math.ceil(10e6 / seed004.length) }, () => seed004).join('\n'));
    writeFileSync(join(dir, 'line.txt'), seed004.replace(/\n/g, '').repeat(Math.ceil(1e6 / seed004.length)));
    const r = runBin(['-f', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = json<EslintFile[]>(r.stdout);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.errorCount).toBeGreaterThan(0);
  });

  it('CRLF and lone CR: the same findings on the same lines as LF', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-lf.txt'), seed004);
    writeFileSync(join(dir, 'b-crlf.txt'), seed004.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'c-cr.txt'), seed004.replace(/\n/g, '\r'));
    const files = json<EslintFile[]>(runBin(['-f', 'json', '.'], { cwd: dir }).stdout);
    const shape = (f: EslintFile) => f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
    expect(shape(files[1]!)).toEqual(shape(files[0]!));
    expect(shape(files[2]!)).toEqual(shape(files[0]!));
  });

  it('2,000 nested list levels in Markdown: read as plain text, an info says so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nested.md'), Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- 项${i}`).join('\n'));
    const r = runBin(['-f', 'json', 'nested.md'], { cwd: dir });
    expect(json<EslintFile[]>(r.stdout)[0]!.messages.some((m) => m.ruleId === 'fzlint/markdown-depth')).toBe(true);
  });

  it.each([
    ['malformed YAML', 'rules:\n  a:\n    kind: pattern\n   words: [x\n', /\.fzlint\.yaml:4:\d+/],
    ['an unknown rule kind', 'rules:\n  a:\n    kind: patern\n    words: [x]\n', /\.fzlint\.yaml:3:11 .*未知的规则类型「patern」/],
    ['a wrong option type', 'rules:\n  a:\n    kind: quantification\n    scope: x\n    min: two\n', /\.fzlint\.yaml:5:10 .*应为整数/],
    ['an invalid regex', "rules:\n  a:\n    kind: pattern\n    patterns: ['(unclosed']\n", /\.fzlint\.yaml:4:\d+ .*正则表达式无效/],
    ['a config that extends itself', 'extends: ./.fzlint.yaml\n', /\.fzlint\.yaml:1:10 .*循环继承/],
  ])('%s: exit 2 with file:line:col, nothing checked, no file modified (even with --fix)', (_name, yaml, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), yaml);
    writeFileSync(join(dir, 'r.txt'), '开展法制宣传活动。\n');
    const before = snapshot(dir);
    const r = runBin(['--fix', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expectNoStack(r.stderr);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a catastrophic regex such as (a+)+$ on a 200,000-character line finishes (RE2)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fzlint.yaml'), "rules:\n  slow:\n    kind: pattern\n    severity: error\n    patterns: ['(a+)+$']\n");
    writeFileSync(join(dir, 'r.md'), `${'a'.repeat(200_000)}b\n`);
    const r = runBin(['r.md'], { cwd: dir });
    expect(r.code).toBe(0);
    // The rule ran: the same line ending in an a (at the end of the text: $ is the text's end) does match.
    writeFileSync(join(dir, 's.md'), 'a'.repeat(200_000));
    const ran = runBin(['-f', 'json', 's.md'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(json<EslintFile[]>(ran.stdout)[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['slow@1:1']);
  });

  it('a missing previous-year file named in front matter: exit 2 naming the path, nothing modified', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.md'), '---\nprevious: ./2023.md\n---\n\n# 某局2024年法治政府建设年度报告\n\n开展法制宣传活动。\n');
    const before = snapshot(dir);
    const r = runBin(['--fix', 'r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, '2023.md'));
    expectNoStack(r.stderr);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('hangs and time limits (CLI)', () => {
  it('clause-initial 率先 with a percentage and a 32,000-digit run finish (they hung or took seconds)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), '率先0%');
    writeFileSync(join(dir, 'b.txt'), '一、工作\n率先在全市实现100%\n');
    writeFileSync(join(dir, 'c.txt'), `某局2024年法治政府建设年度报告\n${'7'.repeat(32000)}\n${'1,234'.repeat(5000)}%\n`);
    const r = runBin(['-f', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = json<EslintFile[]>(r.stdout);
    expect(files).toHaveLength(3);
    for (const f of files) expect(f.messages.map((m) => m.ruleId)).not.toContain('fzlint/rule-timeout');
  });

  it('--rule-timeout: a rule past its budget is stopped and named on that file; the other files are checked', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), seed004.repeat(400));
    writeFileSync(join(dir, 'small.txt'), seed004);
    const r = runBin(['-f', 'json', '--rule-timeout', '1', 'big.txt', 'small.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    const [big, small] = json<EslintFile[]>(r.stdout);
    const stopped = big!.messages.filter((m) => m.ruleId === 'fzlint/rule-timeout');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0]!.message).toMatch(/^规则「[^」]+」检查本报告超过 1 毫秒，已停止；其余规则照常检查$/);
    expect(stopped[0]!.severity).toBe(2);
    expect(small!.messages.some((m) => m.ruleId === 'gd2024/part-speeches')).toBe(true);
    expect(runBin(['--rule-timeout', 'x', 'small.txt'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('fzlint：--rule-timeout：「x」不是非负整数\n') });
  });
});
