#!/usr/bin/env node
import { statSync } from 'node:fs';

const argv = process.argv.slice(2);
// A batch run on a small machine restarts with V8's thread pool sized to it (see src/launch.ts).
const { relaunchForBatch, watchParent } = await import('../dist/launch.js');
watchParent();
const relaunched = await relaunchForBatch(argv, process.cwd())?.exitCode;
if (relaunched !== undefined) {
  process.exitCode = relaunched;
} else {
  // The esbuild bundle (built after tsc by `npm run build`) starts twice as fast. dist/ is used when
  // the bundle is missing or older than the last compile of the CLI or the core.
  const mtime = (p) => statSync(new URL(p, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
  const bundled = mtime('../bundle/fzlint.js');
  const fresh = bundled !== Infinity && ['../tsconfig.tsbuildinfo', '../../core/tsconfig.tsbuildinfo', '../../workspace/tsconfig.tsbuildinfo'].every((p) => bundled >= mtime(p));
  const { main } = await import(fresh ? '../bundle/fzlint.js' : '../dist/main.js');
  process.exitCode = await main({ argv, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}
