import type { DocumentFormat, TextRegion } from '@fzlint/core';
import { describeFsError } from '../fs.js';
import type { WorkspaceHost } from '../host.js';
import { InputError, readInput } from '../inputs/index.js';
import { pathKey } from '../paths.js';
import { FileReadError, READ_LIMITS, readRegularFile } from '../read-file.js';
import type { PreviousChoice } from './choose.js';

export type PreviousRead = { path: string; text: string; format: DocumentFormat; regions?: TextRegion[]; error?: undefined } | { path: string; error: string; text?: undefined };

/**
 * Reads last year's report in any input format (an open document with its unsaved text), keeping
 * disk reads until `invalidate` says the file changed. A problem is returned as a Chinese reason.
 */
export class PreviousReader {
  private readonly cache = new Map<string, Promise<PreviousRead>>();

  constructor(private readonly host: WorkspaceHost) {}

  read(choice: Pick<PreviousChoice, 'path'>): Promise<PreviousRead> {
    const { path } = choice;
    this.host.watch?.file?.(path);
    const open = this.host.openText?.(path);
    if (open) return Promise.resolve({ path, text: open.text, format: /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text' });
    const key = pathKey(path);
    let p = this.cache.get(key);
    if (!p) {
      p = readRegularFile(this.host.fs, path, READ_LIMITS.report)
        .then((bytes) => readInput(path, bytes))
        .then(
          (input): PreviousRead => ({ path, text: input.text, format: input.format, regions: input.regions }),
          (e: unknown): PreviousRead => ({ path, error: e instanceof FileReadError || e instanceof InputError ? e.message : describeFsError(e) }),
        );
      this.cache.set(key, p);
    }
    return p;
  }

  invalidate(path: string): boolean {
    return this.cache.delete(pathKey(path));
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Why last year's report could not be used, in the words every host uses: 「--previous 指定的上一年度报告「a.txt」（/r/a.txt）无法读取：文件或目录不存在」. */
export function previousUnreadable(choice: PreviousChoice, error: string, hostLabel: string): string {
  const where = choice.written === choice.path ? `「${choice.path}」` : `「${choice.written}」（${choice.path}）`;
  return `${previousLabel(choice, hostLabel)}上一年度报告${where}无法读取：${error}`;
}

/** How a choice is named in messages. */
export function previousLabel(choice: PreviousChoice, hostLabel: string): string {
  switch (choice.source) {
    case 'host':
      return hostLabel;
    case 'front-matter':
      return 'front matter 中 previous 指定的';
    case 'config':
      return '配置文件 previous 中指定的';
    case 'auto':
      return '自动找到的';
  }
}
