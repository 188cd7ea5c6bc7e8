#!/usr/bin/env node
import { statSync } from 'node:fs';

const argv = process.argv.slice(2);
// The esbuild bundle (bundle/, built after tsc by `npm run build`; the only code in the published
// package) starts twice as fast. In a clone, dist/ is used when the bundle is missing or older than
// the last compile of the CLI, the core or the host layer.
const mtime = (p) => statSync(new URL(p, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../bundle/fzlint.js');
const compiled = ['../tsconfig.tsbuildinfo', '../../core/tsconfig.tsbuildinfo', '../../workspace/tsconfig.tsbuildinfo'].map(mtime);
const code = bundled !== undefined && compiled.every((t) => t === undefined || bundled >= t) ? '../bundle/' : '../dist/';

// A batch run on a small machine restarts with V8's thread pool sized to it (see src/launch.ts).
const { relaunchForBatch, watchParent } = await import(`${code}launch.js`);
watchParent();
const relaunched = await relaunchForBatch(argv, process.cwd())?.exitCode;
if (relaunched !== undefined) {
  process.exitCode = relaunched;
} else {
  const { main } = await import(`${code}${code === '../bundle/' ? 'fzlint' : 'main'}.js`);
  process.exitCode = await main({ argv, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}
