import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main, type MainOptions } from '../../packages/cli/src/main.js';
import { ROOT } from '../helpers.js';

export const BIN = join(ROOT, 'packages/cli/bin/fzlint.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() in this process with captured output. */
export async function runMain(argv: string[], options: Partial<Omit<MainOptions, 'argv'>> & { input?: string | Buffer } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const input = options.input;
  const code = await main({
    argv,
    cwd: options.cwd ?? ROOT,
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env: options.env ?? { NO_COLOR: '1' },
    fs: options.fs,
    stdin: input === undefined ? undefined : (async function* () { yield typeof input === 'string' ? Buffer.from(input) : input; })(),
  });
  return { code, stdout, stderr };
}

/** Runs the real binary in a child process. */
export function runBin(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1', FZLINT_DEBUG: '', ...options.env },
    timeout: 60000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'fzlint-cli-'));
  dirs.push(d);
  return d;
}

export function json<T = unknown>(s: string): T {
  return JSON.parse(s) as T;
}

export interface EslintFile {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number; column: number; message: string; fatal?: boolean }>;
  errorCount: number;
  warningCount: number;
}

/** No stack trace in user-facing output. */
export function expectNoStack(s: string): void {
  if (/\n\s+at .+:\d+:\d+/.test(s) || /Error: .*\n\s+at /.test(s)) throw new Error(`stack trace in output:\n${s}`);
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
