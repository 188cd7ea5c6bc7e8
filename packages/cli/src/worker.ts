// Worker-thread entry: lints the files the pool sends, one message per file.
import { parentPort, workerData } from 'node:worker_threads';
import { ReportLinter, type LintSettings } from './lint-file.js';
import type { TaskMessage, ReplyMessage } from './pool.js';

const linter = new ReportLinter(workerData as LintSettings);
const port = parentPort!;

// Tasks arrive faster than they are linted: they queue, and one file is linted at a time.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (task: TaskMessage) => {
  const run = queue.then(() => linter.lintFile(task.path, { explicit: task.explicit }));
  queue = run.catch(() => undefined);
  run.then(
    (result) => port.postMessage({ id: task.id, result } satisfies ReplyMessage),
    (e: unknown) => port.postMessage({ id: task.id, crash: (e as Error)?.stack ?? String(e) } satisfies ReplyMessage),
  );
});
