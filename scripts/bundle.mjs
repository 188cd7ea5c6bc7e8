// Called by scripts/build.mjs after tsc: runs each package's own bundle step, if it has one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function bundle(root) {
  const cli = join(root, 'packages/cli/scripts/bundle.mjs');
  if (existsSync(cli)) await (await import(pathToFileURL(cli).href)).bundleCli();
  const ext = join(root, 'packages/vscode-extension/scripts/bundle.mjs');
  if (existsSync(ext)) await (await import(pathToFileURL(ext).href)).bundleExtension(root);
}
