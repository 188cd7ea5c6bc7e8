import { findPreviousReport, readReportMeta, type PreviousDiscovery, type ReportMeta } from '@fzlint/core';
import { dirname, extname, join } from 'node:path';
import type { CliFs } from './fs.js';
import { readInput, type InputDocument } from './inputs/index.js';

type Meta = Pick<ReportMeta, 'unit' | 'year'>;

const CANDIDATE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.docx', '.html', '.htm']);
/** Larger files are not reports; they are not read to find last year's report. */
const MAX_CANDIDATE_BYTES = 8 * 1024 * 1024;

/**
 * Automatic linking to last year's report: the report's folder is listed once per run, each
 * file's unit and year read once (in any input format the CLI reads), so a folder of 1,000
 * reports costs 1,000 small reads, not a million.
 */
/** Decoded texts kept for the linter, at most this many characters (a folder's reports are read once). */
const MAX_KEPT_CHARS = 64 * 1024 * 1024;

export class PreviousFinder {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly metas = new Map<string, Promise<Meta | undefined>>();
  /** Siblings read to learn their unit and year, kept until the linter takes them (no second read and decode). */
  private readonly kept = new Map<string, InputDocument>();
  private keptChars = 0;

  constructor(private readonly fs: CliFs) {}

  async find(path: string, text: string, format: 'markdown' | 'text'): Promise<PreviousDiscovery> {
    const own = readReportMeta(text, { path, format });
    this.metas.set(path, Promise.resolve(own));
    const files = (await this.listing(dirname(path))).filter((f) => f !== path);
    const candidates = await Promise.all(files.map(async (f) => ({ path: f, meta: await this.metaOf(f) })));
    return findPreviousReport({ path, meta: own }, candidates.filter((c): c is { path: string; meta: Meta } => !!c.meta));
  }

  /** The decoded file, if discovery already read it (given out once). */
  take(path: string): InputDocument | undefined {
    const input = this.kept.get(path);
    if (input) {
      this.kept.delete(path);
      this.keptChars -= input.text.length;
    }
    return input;
  }

  has(path: string): boolean {
    return this.kept.has(path);
  }

  private listing(dir: string): Promise<string[]> {
    let p = this.listings.get(dir);
    if (!p) {
      p = this.fs.readdir(dir, { withFileTypes: true }).then(
        (entries) => entries.filter((e) => e.isFile() && CANDIDATE_EXTENSIONS.has(extname(e.name).toLowerCase())).map((e) => join(dir, e.name)).sort(),
        () => [],
      );
      this.listings.set(dir, p);
    }
    return p;
  }

  private metaOf(path: string): Promise<Meta | undefined> {
    let p = this.metas.get(path);
    if (!p) {
      p = this.fs
        .stat(path)
        .then((s) => (s.size > MAX_CANDIDATE_BYTES ? undefined : this.fs.readFile(path)))
        .then((bytes) => (bytes ? readInput(path, bytes) : undefined))
        .then((input) => {
          if (!input) return undefined;
          if (this.keptChars + input.text.length <= MAX_KEPT_CHARS) {
            this.kept.set(path, input);
            this.keptChars += input.text.length;
          }
          return readReportMeta(input.text, { path, format: input.format });
        })
        .catch(() => undefined);
      this.metas.set(path, p);
    }
    return p;
  }
}
