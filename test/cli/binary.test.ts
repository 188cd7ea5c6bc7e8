import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS, seedPath } from '../helpers.js';
import { BIN, expectNoStack, json, runBin, type EslintFile } from './cli-helpers.js';

describe('the fzlint binary (subprocess)', () => {
  it('lints seeds/ (the README command) and exits 1 because some reports have errors', () => {
    const r = runBin(['seeds/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('缺少标题');
    expect(r.stdout).toMatch(/✖ 5 份报告/);
    expect(r.stderr).toBe('');
  });

  it('--format json is ESLint-shaped', () => {
    const r = runBin(['--format', 'json', seedPath('004')]);
    const out = json<EslintFile[]>(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ filePath: seedPath('004'), errorCount: expect.any(Number), warningCount: expect.any(Number) });
    expect(out[0]!.messages.find((x) => x.ruleId === 'gd2024/part-speeches')).toMatchObject({ severity: 2, line: 2, column: 1 });
  });

  // Node's four V8 threads outnumber a small machine's cores; a batch run restarts with the pool sized to the machine.
  it('a folder on a machine with fewer than five cores is linted by a process with V8 sized to it; exit codes pass through', () => {
    const small = availableParallelism() < 5;
    const folder = runBin(['seeds/'], { env: { FZLINT_DEBUG: '1' } });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(small ? 'V8 pool --v8-pool-size=0' : 'V8 pool Node default');
    expect(folder.stdout).toMatch(/✖ 5 份报告/);
    const one = runBin([seedPath('004')], { env: { FZLINT_DEBUG: '1' } });
    expect(one.stderr).toContain('V8 pool Node default');
    expect(runBin(['seeds/', '--rule', 'no/such-rule:off']).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-'));
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: pattern\n    words: [法制宣传]\n');
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n\n法治宣传。\n');
    expect(runBin(['.'], { cwd: dir }).code).toBe(0);
  });

  // A CI job that times out signals the process it started: the relaunched linter must stop with it.
  it.skipIf(availableParallelism() >= 5)('a signal to the relaunching process reaches the linter; nothing is left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-'));
    const seeds = readdirSync(SEEDS);
    for (let i = 0; i < 400; i++) copyFileSync(join(SEEDS, seeds[i % seeds.length]!), join(dir, `${i}-${seeds[i % seeds.length]}`));
    const child = spawn(process.execPath, [BIN, '.'], { cwd: dir, env: { ...process.env, FZLINT_DEBUG: '1', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    // The linter prints its plan to stderr when it starts: then the relaunched process is running.
    await new Promise<void>((started) => child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk), stderr.includes('V8 pool') && started())));
    child.kill('SIGTERM');
    // stderr closes only when every process holding it (the relaunched linter too) has ended.
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(stderr).toContain('V8 pool --v8-pool-size=0');
    expect(code === 143 || signal === 'SIGTERM').toBe(true);
    const linter = Number(/process (\d+)/.exec(stderr)![1]);
    expect(linter).not.toBe(child.pid);
    expect(() => process.kill(linter, 0)).toThrow(); // no such process any more
  }, 30000);

  it('exit codes 0 / 1 / 2 from the real process, no stack traces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-'));
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: pattern\n    words: [法制宣传]\n');
    writeFileSync(join(dir, 'a.md'), '# 某局2024年法治政府建设年度报告\n\n法治宣传。\n');
    expect(runBin(['a.md'], { cwd: dir }).code).toBe(0);
    expect(runBin([seedPath('004')]).code).toBe(1);
    writeFileSync(join(dir, '.fzlint.yaml'), 'rules:\n  r:\n    kind: nope\n');
    const broken = runBin(['a.md'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('.fzlint.yaml:3:11');
    expectNoStack(broken.stderr);
    const usage = runBin(['--no-such-flag']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('未知选项 --no-such-flag');
  });

  it('reads a report from standard input', () => {
    const r = runBin(['--stdin', '--stdin-filename', 'seeds/x.txt', '-f', 'json'], { input: execFileSync('cat', [seedPath('004')]) });
    expect(r.code).toBe(1);
    expect(json<EslintFile[]>(r.stdout)[0]!.filePath).toBe(join(ROOT, 'seeds/x.txt'));
  });

  it('npx fzlint resolves to the workspace binary', () => {
    const out = execFileSync('npx', ['--no-install', 'fzlint', '--version'], { cwd: ROOT, encoding: 'utf8' });
    const workspaceVersion = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;
    expect(out.trim()).toBe(workspaceVersion);
    // And it is this checkout's binary, not one installed elsewhere.
    expect(realpathSync(join(ROOT, 'node_modules/.bin/fzlint'))).toBe(join(ROOT, 'packages/cli/bin/fzlint.js'));
  });
});
