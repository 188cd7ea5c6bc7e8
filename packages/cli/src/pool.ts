import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CollectedFile } from './files/collect.js';
import type { LintSettings, ReportLinter } from './lint-file.js';
import type { FileResult } from './results.js';

export interface TaskMessage {
  id: number;
  path: string;
  explicit: boolean;
}

export type ReplyMessage = { id: number; result: FileResult } | { id: number; crash: string };

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Below this many files per thread, starting a worker (≈ loading the engine again) costs more than it saves. */
export const FILES_PER_WORKER = 24;

/**
 * Cores one linting thread keeps busy: V8 compiles and collects garbage on background threads,
 * so a single fzlint thread uses about 1.3–1.5 cores (measured: 2.9 s CPU in 2.1 s wall for the
 * 1,000-report benchmark). Threads beyond cores / this only compete for the same cores.
 */
const CORES_PER_THREAD = 1.5;

/**
 * How many worker threads to add to the main thread (which lints too) for `count` files: as many
 * as the spare cores (not busy by the 1-minute load average) can feed, and none for small runs.
 * On a 2-core machine that is none: measured, a second thread made the benchmark slower.
 */
export function workerCount(count: number, requested?: number): number {
  // Running from TypeScript sources (tests) there is no compiled worker to start.
  if (!existsSync(fileURLToPath(WORKER_URL))) return 0;
  if (requested !== undefined) return Math.max(0, Math.min(requested - 1, count - 1));
  const cores = availableParallelism();
  const threads = Math.floor(Math.max(0, cores - (loadavg()[0] ?? 0)) / CORES_PER_THREAD);
  return Math.max(0, Math.min(threads - 1, Math.floor(count / FILES_PER_WORKER) - 1));
}

/** Files queued per worker; the worker reads them all at once while it lints the first. */
const IN_FLIGHT = 6;

export interface RunOptions {
  threads: number;
  /** Called after each file, in completion order (for the progress bar). */
  onResult?: (result: FileResult) => void;
}

/** Lints files in the calling thread, one after another (reads are synchronous: no read-ahead to arrange). */
export async function lintSequential(linter: ReportLinter, files: CollectedFile[], options: Pick<RunOptions, 'onResult'>): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await linter.lintFile(file.path, { explicit: file.explicit });
    options.onResult?.(r);
    results.push(r);
  }
  return results;
}

/**
 * Lints files on `options.threads` worker threads (each with its own engine and config cache)
 * and on this thread, all taking files from one queue. Results come back in the order of
 * `files`. A worker that crashes fails the run with its stack (an fzlint bug).
 */
export function lintParallel(linter: ReportLinter, settings: LintSettings, files: CollectedFile[], options: RunOptions): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  return new Promise<FileResult[]>((resolvePromise, reject) => {
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolvePromise(results);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const id = next++;
      w.postMessage({ id, path: files[id]!.path, explicit: files[id]!.explicit } satisfies TaskMessage);
    };
    for (let i = 0; i < options.threads; i++) {
      const w = new Worker(WORKER_URL, { workerData: settings });
      workers.push(w);
      w.on('message', (msg: ReplyMessage) => {
        if ('crash' in msg) {
          const error = new Error(`检查「${files[msg.id]!.path}」时出错：${msg.crash.split('\n')[0]}`);
          error.stack = msg.crash; // shown with FZLINT_DEBUG only
          return finish(error);
        }
        results[msg.id] = msg.result;
        options.onResult?.(msg.result);
        if (++done === files.length) return finish();
        feed(w);
      });
      w.on('error', (e) => finish(e));
      // Several files in flight per worker hide the message round trip and the disk.
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
    // This thread takes files from the same queue until it is empty.
    void (async () => {
      while (next < files.length && !failed) {
        const id = next++;
        const result = await linter.lintFile(files[id]!.path, { explicit: files[id]!.explicit });
        results[id] = result;
        options.onResult?.(result);
        if (++done === files.length) finish();
        // Let worker replies in between files.
        await new Promise((r) => setImmediate(r));
      }
    })().catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
  });
}
