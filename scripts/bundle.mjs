// Called by scripts/build.mjs after tsc: runs each package's own bundle step, if it has one.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The generated rule docs go with each package a user installs (fzlint, the language server, the
 * VS Code extension): rule links (SARIF helpUri, LSP codeDescription, the HTML report, explain)
 * point at the copy installed with the program unless a config sets docsUrl.
 */
function copyDocs(root) {
  for (const pkg of ['cli', 'server', 'vscode-extension']) {
    const docs = join(root, 'packages', pkg, 'docs');
    mkdirSync(docs, { recursive: true });
    for (const f of ['rules.html', 'rule-kinds.html']) cpSync(join(root, 'docs', f), join(docs, f));
  }
}

export async function bundle(root) {
  copyDocs(root);
  // The web page ships inside the CLI package (`fzlint serve`), so it is built before the CLI is.
  const web = join(root, 'packages/web/scripts/build-page.mjs');
  if (existsSync(web)) await (await import(pathToFileURL(web).href)).buildWebPage();
  const cli = join(root, 'packages/cli/scripts/bundle.mjs');
  if (existsSync(cli)) await (await import(pathToFileURL(cli).href)).bundleCli();
  const server = join(root, 'packages/server/scripts/bundle.mjs');
  if (existsSync(server)) await (await import(pathToFileURL(server).href)).bundleServer();
  const ext = join(root, 'packages/vscode-extension/scripts/bundle.mjs');
  if (existsSync(ext)) await (await import(pathToFileURL(ext).href)).bundleExtension(root);
}
