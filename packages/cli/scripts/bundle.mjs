// Bundles the compiled CLI (dist/) into bundle/: one entry for the command, one for the worker
// threads, one for the launcher. bin/fzlint.js uses the bundle when it is at least as new as the
// last compile, and dist/ otherwise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodePackage } from '../../../scripts/bundle-node-package.mjs';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleCli() {
  await bundleNodePackage(cliDir, { fzlint: join(cliDir, 'dist/main.js'), worker: join(cliDir, 'dist/worker.js'), launch: join(cliDir, 'dist/launch.js') });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
