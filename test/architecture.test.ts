import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The entry points of every package: everything they reach is checked. */
const ENTRIES = [
  'packages/core/src/index.ts',
  'packages/workspace/src/index.ts',
  'packages/cli/src/main.ts',
  'packages/cli/src/worker.ts',
  'packages/server/src/index.ts',
  'packages/web/src/main.ts',
  'packages/vscode-extension/src/extension.ts',
  'packages/vscode-extension/src/client.ts',
  'packages/vscode-extension/src/template/index.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('no import cycles in any package (type-only imports included)', async () => {
    const tree = await parseDependencyTree(ENTRIES, { context: ROOT, transform: false, skipDynamicImports: false });
    const cycles = parseCircular(tree).map((c) => c.join(' → '));
    expect(cycles).toEqual([]);
  }, 60_000);

  it('the engine is pure: no Node, LSP or editor module is imported by packages/core', () => {
    const impure = sources(join(ROOT, 'packages/core/src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/from '((?:node:)?(?:fs|path|os|child_process|worker_threads|vm|url|crypto)(?:\/[\w/]+)?|vscode[\w-]*|@fzlint\/(?:workspace|cli|server))'/g)].map((m) => `${relative(ROOT, file)}: ${m[1]}`);
    });
    expect(impure).toEqual([]);
  });

  it('the web page runs in a browser: no Node module is imported by packages/web/src or the workspace entry it uses', () => {
    const files = [...sources(join(ROOT, 'packages/web/src')), join(ROOT, 'packages/workspace/src/browser.ts')];
    const impure = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/from '(node:[\w/]+|@fzlint\/workspace'|@fzlint\/(?:cli|server))/g)].map((m) => `${relative(ROOT, file)}: ${m[1]}`);
    });
    expect(impure).toEqual([]);
  });

  it('only the workspace layer and the hosts touch the file system; the server reads through the injected one', () => {
    const direct = sources(join(ROOT, 'packages/server/src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // The file watcher is the one Node-specific piece of the server.
      if (file.endsWith('file-watcher.ts')) return [];
      return /from 'node:fs(?:\/promises)?'/.test(text) ? [relative(ROOT, file)] : [];
    });
    expect(direct).toEqual([]);
  });
});
