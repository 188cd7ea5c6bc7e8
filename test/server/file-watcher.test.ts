import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileWatcher } from '../../packages/server/src/workspace/file-watcher.js';

/** The one Node-specific part of the server: fs.watch on the folders results depend on. */
let root: string | undefined;
let watcher: FileWatcher | undefined;
afterEach(() => {
  watcher?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
  root = watcher = undefined;
});

function events(): { seen: string[]; next(path: string): Promise<void> } {
  const seen: string[] = [];
  const waiters: Array<{ path: string; resolve: () => void }> = [];
  watcher = new FileWatcher(
    (p) => {
      seen.push(p);
      for (const w of waiters.filter((x) => x.path === p)) w.resolve();
    },
    () => {},
  );
  return { seen, next: (path) => (seen.includes(path) ? Promise.resolve() : new Promise((resolve) => waiters.push({ path, resolve }))) };
}

describe('FileWatcher', () => {
  it('reports the files, config names and report files of the folders it was told about, and nothing else', async () => {
    root = mkdtempSync(join(tmpdir(), 'fzlint-watch-'));
    mkdirSync(join(root, 'reports'));
    const e = events();
    watcher!.watchFile(join(root, 'prev.docx'));
    watcher!.watchConfigNames(join(root, 'cfg'));
    mkdirSync(join(root, 'cfg'));
    watcher!.watchConfigNames(join(root, 'cfg'));
    watcher!.watchReports(join(root, 'reports'));
    writeFileSync(join(root, 'notes.bin'), 'x');
    writeFileSync(join(root, 'reports', 'image.png'), 'x');
    writeFileSync(join(root, 'prev.docx'), 'x');
    await e.next(join(root, 'prev.docx'));
    writeFileSync(join(root, 'cfg', '.fzlint.yaml'), 'extends: fzlint:recommended\n');
    await e.next(join(root, 'cfg', '.fzlint.yaml'));
    writeFileSync(join(root, 'reports', '2021.txt'), 'x');
    await e.next(join(root, 'reports', '2021.txt'));
    // Any YAML file in a watched folder (a rule file a broken config could not find may just have been created).
    writeFileSync(join(root, 'rules.yml'), 'rules: {}\n');
    await e.next(join(root, 'rules.yml'));
    expect(e.seen).not.toContain(join(root, 'notes.bin'));
    expect(e.seen).not.toContain(join(root, 'reports', 'image.png'));
  });

  it('a folder that does not exist is not an error; after dispose nothing is watched', async () => {
    root = mkdtempSync(join(tmpdir(), 'fzlint-watch-'));
    const logged: string[] = [];
    const seen: string[] = [];
    watcher = new FileWatcher((p) => seen.push(p), (m) => logged.push(m));
    watcher.watchFile(join(root, 'missing', 'a.yaml'));
    expect(logged).toEqual([]);
    watcher.dispose();
    watcher.watchFile(join(root, 'a.yaml'));
    writeFileSync(join(root, 'a.yaml'), 'x: 1\n');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
  });
});
