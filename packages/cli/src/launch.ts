import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { statSync } from 'node:fs';
import { availableParallelism, constants } from 'node:os';
import { resolve } from 'node:path';
import { FORMAT_NAMES, parseCliArgs } from './args.js';

/**
 * Node gives V8 four background threads (compiling, collecting garbage) whatever the machine.
 * On a small machine — a 2-core CI runner — they take the cores from the thread that lints: a
 * 1,000-report folder took 1.7 s with four and 1.3 s with one (BENCHMARKS.md). Node sizes the
 * pool to the machine with --v8-pool-size=0, but the flag only works at start-up; so a batch run
 * on a machine with fewer than five cores restarts itself with it. Single files, --version and
 * the other quick commands run as they are: a second start-up (~60 ms) would cost more than it saves.
 */
const DEFAULT_POOL = 4;
const MARKER = 'FZLINT_V8_POOL_SIZED';

export interface Relaunch {
  /** The exit code of the relaunched process; undefined when it could not be started (run here instead). */
  exitCode: Promise<number | undefined>;
}

export function relaunchForBatch(argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Relaunch | undefined {
  if (env[MARKER] || availableParallelism() - 1 >= DEFAULT_POOL) return undefined;
  // Node flags given by hand (--inspect, --cpu-prof …) are for this process: it is not replaced.
  if (process.execArgv.length || (env.NODE_OPTIONS ?? '').includes('--v8-pool-size')) return undefined;
  if (!isBatch(argv, cwd)) return undefined;
  // fd 3 is a pipe only the parent holds open: when the parent dies, even by SIGKILL, it closes
  // and the child stops (watchParent) instead of fixing files for a run nobody waits for.
  const child = spawn(process.execPath, ['--v8-pool-size=0', process.argv[1]!, ...argv], {
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: { ...env, [MARKER]: '1' },
  });
  // A signal to this process (Ctrl-C, a CI timeout) is passed on; this one exits when the child has.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const exitCode = new Promise<number | undefined>((done) => {
    child.on('error', () => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      done(undefined);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
  return { exitCode };
}

/**
 * In a relaunched process: stop when the parent is gone (its end of the fd 3 pipe closed). A
 * --fix in progress leaves each file whole (writes are atomic); a leftover temporary file is
 * removed by the next run.
 */
export function watchParent(env: NodeJS.ProcessEnv = process.env): void {
  if (!env[MARKER]) return;
  let pipe: Socket;
  try {
    pipe = new Socket({ fd: 3, readable: true, writable: false });
  } catch {
    return; // started by hand with the marker set: there is no pipe to watch
  }
  pipe.on('error', () => undefined);
  pipe.on('close', () => {
    process.stderr.write('fzlint：启动检查的进程已退出，停止检查\n');
    process.exit(EXIT_PARENT_GONE);
  });
  pipe.resume();
  pipe.unref();
}

/** 128 + SIGHUP: the exit of a process whose controlling parent went away. */
const EXIT_PARENT_GONE = 129;

/** Linting a folder, a glob or many files (not a quick command, not standard input). */
function isBatch(argv: string[], cwd: string): boolean {
  let args;
  try {
    args = parseCliArgs(argv, FORMAT_NAMES);
  } catch {
    return false; // a usage error is reported by the real run
  }
  if (args.command !== 'lint' || args.stdin) return false;
  if (args.positionals.length >= 8) return true;
  return args.positionals.some((p) => /[*?[{]/.test(p) || statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isDirectory());
}
