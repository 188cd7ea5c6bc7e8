import { dirname, isAbsolute, resolve } from 'node:path';
import type { OpenDocuments } from './open-documents.js';
import { READ_LIMITS } from '@fzlint/workspace';
import { readText } from './node-environment.js';
import { pathKey } from './paths.js';

/** Where the previous-year report was named. */
export type PreviousSource = 'front-matter' | 'setting' | 'config' | 'auto';

export interface PreviousRef {
  path: string;
  source: PreviousSource;
  /** As written (for messages). */
  written: string;
}

export interface PreviousInputs {
  /** The report's own path (undefined for unsaved documents). */
  docPath?: string;
  /** Workspace folder of the report. */
  folder?: string;
  /** `previous:` from the report's front matter (result.document.meta.previous), relative to the report. */
  frontMatter?: string;
  /** The `fzlint.previous` setting, relative to the workspace folder. */
  setting?: string;
  /** The config's `previous` mapping (config.data.previous): absolute report path → absolute previous path. */
  mapping?: Record<string, string>;
}

/**
 * Which file is last year's report, when it is named: the report's own front matter wins, then
 * the editor setting, then the config's mapping. When none names one, the analyzer asks
 * PreviousFinder (same unit, year − 1, same folder).
 */
export function resolvePrevious(input: PreviousInputs): PreviousRef | undefined {
  const base = input.docPath ? dirname(input.docPath) : input.folder;
  const fm = input.frontMatter?.trim();
  if (fm && (isAbsolute(fm) || base)) return { path: resolve(base ?? '/', fm), source: 'front-matter', written: fm };
  const setting = input.setting?.trim();
  const settingBase = input.folder ?? base;
  if (setting && (isAbsolute(setting) || settingBase)) return { path: resolve(settingBase ?? '/', setting), source: 'setting', written: setting };
  if (input.docPath && input.mapping) {
    const own = pathKey(input.docPath);
    for (const [report, previous] of Object.entries(input.mapping)) {
      if (pathKey(report) === own) return { path: previous, source: 'config', written: previous };
    }
  }
  return undefined;
}

export type PreviousRead = { text: string; error?: undefined } | { text?: undefined; error: string };

/** Reads previous-year reports (the editor's text when open), caching disk reads until the file changes. */
export class PreviousReports {
  private readonly cache = new Map<string, Promise<PreviousRead>>();

  constructor(private readonly open: OpenDocuments) {}

  read(path: string): Promise<PreviousRead> {
    if (this.open.byFilePath(path)) return readText(this.open, path).then((text) => ({ text }));
    const key = pathKey(path);
    let p = this.cache.get(key);
    if (!p) {
      p = readText(this.open, path, READ_LIMITS.report).then(
        (text) => ({ text }),
        (e: NodeJS.ErrnoException) => ({ error: readError(e) }),
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

function readError(e: NodeJS.ErrnoException): string {
  if (e?.code === 'ENOENT') return '文件不存在';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return '没有读取权限';
  if (e?.code === 'EISDIR') return '这是一个目录';
  return e?.message ?? String(e);
}
