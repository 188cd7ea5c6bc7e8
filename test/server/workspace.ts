import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readSeed, seedPath, SEED_FILES } from '../helpers.js';
import { onCleanup } from './cleanup.js';

/** A scratch workspace folder with files; removed by `dispose`. */
export class Workspace {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'fzlint-lsp-'));
    onCleanup(() => this.dispose());
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  write(rel: string, text: string): string {
    const p = this.path(rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  }

  seed(id: keyof typeof SEED_FILES, rel: string = SEED_FILES[id]): string {
    const p = this.path(rel);
    mkdirSync(dirname(p), { recursive: true });
    copyFileSync(seedPath(id), p);
    return p;
  }

  /** A seed as Markdown: the same text, in a .md file. */
  seedAsMarkdown(id: keyof typeof SEED_FILES, rel: string): string {
    return this.write(rel, readSeed(id));
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
