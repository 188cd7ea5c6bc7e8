import { readdir } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { findPreviousReport, readReportMeta, type PreviousDiscovery, type ReportMeta } from '@fzlint/core';
import { asyncFs, READ_LIMITS, readRegularText } from '@fzlint/workspace';
import type { FileWatcher } from './file-watcher.js';
import type { OpenDocuments } from './open-documents.js';
import { pathKey } from './paths.js';

export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

type Meta = Pick<ReportMeta, 'unit' | 'year'>;

/**
 * Automatic linking to last year's report for the editor: the report's folder is listed once,
 * each sibling report's unit and year parsed once, and both kept until the file watcher reports
 * a change in that folder. Open siblings count with their unsaved text.
 */
export class PreviousFinder {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly metas = new Map<string, Promise<Meta | undefined>>();
  /** Open siblings: unit and year per document version. */
  private readonly openMetas = new Map<string, { version: number; meta: Meta }>();

  constructor(
    private readonly open: OpenDocuments,
    private readonly watcher: FileWatcher,
  ) {}

  async find(path: string, meta: Meta): Promise<PreviousDiscovery> {
    const dir = dirname(path);
    this.watcher.watchReports(dir);
    const own = pathKey(path);
    const files = (await this.listing(dir)).filter((f) => pathKey(f) !== own);
    const candidates = await Promise.all(files.map(async (f) => ({ path: f, meta: await this.metaOf(f) })));
    return findPreviousReport(
      { path, meta },
      candidates.filter((c): c is { path: string; meta: Meta } => !!c.meta),
    );
  }

  /** A report file was created, changed or deleted. */
  invalidate(path: string): boolean {
    if (!REPORT_EXTENSIONS.has(extname(path).toLowerCase())) return false;
    this.metas.delete(pathKey(path));
    this.listings.delete(pathKey(dirname(path)));
    return true;
  }

  clear(): void {
    this.listings.clear();
    this.metas.clear();
    this.openMetas.clear();
  }

  private listing(dir: string): Promise<string[]> {
    const key = pathKey(dir);
    let p = this.listings.get(key);
    if (!p) {
      p = readdir(dir, { withFileTypes: true }).then(
        (entries) => entries.filter((e) => e.isFile() && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())).map((e) => join(dir, e.name)),
        () => [],
      );
      this.listings.set(key, p);
    }
    return p;
  }

  private metaOf(path: string): Promise<Meta | undefined> {
    const key = pathKey(path);
    const doc = this.open.byFilePath(path);
    if (doc) {
      let hit = this.openMetas.get(key);
      if (hit?.version !== doc.version) {
        hit = { version: doc.version, meta: readReportMeta(doc.getText(), { path }) };
        this.openMetas.set(key, hit);
      }
      return Promise.resolve(hit.meta);
    }
    let p = this.metas.get(key);
    if (!p) {
      p = readRegularText(asyncFs, path, READ_LIMITS.candidate)
        .then((text) => readReportMeta(text, { path }))
        .catch(() => undefined);
      this.metas.set(key, p);
    }
    return p;
  }
}
