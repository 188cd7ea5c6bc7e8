// Bundles the compiled language server (dist/) into bundle/: the engine, the host layer and
// vscode-languageserver in a few files. bin/fzlint-language-server.js uses the bundle when it is at
// least as new as the last compile, and dist/ otherwise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodePackage } from '../../../scripts/bundle-node-package.mjs';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleServer() {
  await bundleNodePackage(serverDir, { index: join(serverDir, 'dist/index.js') });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleServer();
