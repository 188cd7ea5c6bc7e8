import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CONFIG_FILE_NAMES } from '@fzlint/core';
import { isYamlPath, pathKey } from './paths.js';
import { CANDIDATE_EXTENSIONS } from '@fzlint/workspace';

/**
 * Watches the files checking depends on but the editor may not have open: config and rule
 * files, last year's report, and the folders where a new .fzlint.yaml would be found. Done in the
 * server (one fs.watch per folder, not per file, so editors' save-by-rename is seen) because
 * many LSP clients cannot register file watchers. Any YAML file event in a watched folder is
 * reported too: a rule file a broken config could not find may just have been created.
 */
export class FileWatcher {
  private readonly dirs = new Map<string, { watcher: FSWatcher; names: Set<string>; reports: boolean }>();
  private disposed = false;

  constructor(
    private readonly onChange: (path: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  watchFile(path: string): void {
    this.folder(dirname(path))?.names.add(basename(path));
  }

  /** Folders searched for a config file: a created or deleted .fzlint.yaml there changes which config applies. */
  watchConfigNames(dir: string): void {
    const entry = this.folder(dir);
    if (entry) for (const n of CONFIG_FILE_NAMES) entry.names.add(n);
  }

  /** Folders whose report files are candidates for last year's report: any .md/.txt event there counts. */
  watchReports(dir: string): void {
    const entry = this.folder(dir);
    if (entry) entry.reports = true;
  }

  dispose(): void {
    this.disposed = true;
    for (const { watcher } of this.dirs.values()) watcher.close();
    this.dirs.clear();
  }

  private folder(dir: string): { watcher: FSWatcher; names: Set<string>; reports: boolean } | undefined {
    if (this.disposed) return undefined;
    const key = pathKey(dir);
    let entry = this.dirs.get(key);
    if (entry) return entry;
    try {
      const names = new Set<string>();
      const watcher = watch(dir, { persistent: false }, (_event, filename) => {
        const name = filename?.toString();
        if (!name) return;
        if (names.has(name) || isYamlPath(name) || (entry?.reports && CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase()))) this.onChange(join(dir, name));
      });
      watcher.on('error', () => {
        watcher.close();
        this.dirs.delete(key);
      });
      entry = { watcher, names, reports: false };
      this.dirs.set(key, entry);
      return entry;
    } catch (e) {
      // A folder that does not exist (yet) cannot be watched; nothing to report for it.
      if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') this.log(`无法监视文件夹 ${dir}：${(e as Error)?.message ?? String(e)}`);
      return undefined;
    }
  }
}
