import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seedPath } from '../helpers.js';

const BIN = join(ROOT, 'packages/cli/bin/fzlint.js');
const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('fzlint binary (subprocess)', () => {
  it('lints seeds/ and exits 1 because some reports have errors', () => {
    const r = run(['seeds/']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('缺少标题');
    expect(r.stdout).toMatch(/5 份报告/);
    expect(r.stderr).toBe('');
  });

  it('--format json is ESLint-shaped', () => {
    const r = run(['--format', 'json', seedPath('004')]);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ filePath: seedPath('004'), errorCount: expect.any(Number), warningCount: expect.any(Number) });
    const m = out[0].messages.find((x: { ruleId: string }) => x.ruleId === 'gd2024/part-speeches');
    expect(m).toMatchObject({ severity: 2, line: 2, column: 1, endLine: 2 });
  });

  it('exits 0 on a clean report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-'));
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: pattern\n    words: [法制宣传]\n');
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n\n法治宣传。\n');
    expect(run(['a.md'], dir).status).toBe(0);
  });

  it('a broken config gives file:line:col and exit 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-'));
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: nope\n');
    writeFileSync(join(dir, 'a.md'), '内容\n');
    const r = run(['a.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.fzlint.yaml:3:11');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing path is a usage error (exit 2)', () => {
    const r = run(['no/such/file.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不存在');
  });

  it('npx fzlint resolves to the workspace binary', () => {
    const out = execFileSync('npx', ['--no-install', 'fzlint', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
