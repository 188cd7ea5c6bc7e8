import { findPreviousReport, parseReport, readReportMeta, type PreviousDiscovery, type ReportDocument, type ReportMeta } from '@fzlint/core';
import { dirname, extname, join } from 'node:path';
import type { CliFs } from './fs.js';
import { readInput, type InputDocument } from './inputs/index.js';

type Meta = Pick<ReportMeta, 'unit' | 'year'>;

const CANDIDATE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.docx', '.html', '.htm']);
/** Larger files are not reports; they are not read to find last year's report. */
const MAX_CANDIDATE_BYTES = 8 * 1024 * 1024;

/** Decoded texts kept for the linter, at most this many characters (a folder's reports are read once). */
const MAX_KEPT_CHARS = 64 * 1024 * 1024;
/** Of those, parsed documents kept, at most this many characters (a parsed report takes several times its text). */
const MAX_PARSED_CHARS = 16 * 1024 * 1024;

/** A sibling read while looking for last year's report, kept for when the linter gets to it. */
export interface KeptReport {
  input: InputDocument;
  /** Parsed, when the file is linted in this run too: the linter then does not parse it again. */
  document?: ReportDocument;
}

/**
 * Automatic linking to last year's report: the report's folder is listed once per run, each
 * file's unit and year read once (in any input format the CLI reads), so a folder of 1,000
 * reports costs 1,000 small reads, not a million. A sibling that this run lints as well is
 * parsed in full (its unit and year come from that parse) and handed to the linter with its
 * text, so it is read, decoded and parsed once; others get the quick head-and-tail reading.
 */
export class PreviousFinder {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly metas = new Map<string, Promise<Meta | undefined>>();
  private readonly folders = new Map<string, Promise<Array<{ path: string; meta: Meta }>>>();
  private readonly kept = new Map<string, KeptReport>();
  private keptChars = 0;
  private parsedChars = 0;
  private linted = new Set<string>();

  constructor(private readonly fs: CliFs) {}

  /** The files this run lints (worth parsing in full when read as siblings). */
  willLint(paths: Iterable<string>): void {
    this.linted = new Set(paths);
  }

  async find(path: string, text: string, format: 'markdown' | 'text', document?: ReportDocument): Promise<PreviousDiscovery> {
    const own = document?.text === text ? document.meta : readReportMeta(text, { path, format });
    this.metas.set(path, Promise.resolve(own));
    const candidates = (await this.candidates(dirname(path))).filter((c) => c.path !== path);
    return findPreviousReport({ path, meta: own }, candidates);
  }

  /** The decoded (and perhaps parsed) file, if discovery already read it (given out once). */
  take(path: string): KeptReport | undefined {
    const kept = this.kept.get(path);
    if (kept) {
      this.kept.delete(path);
      this.keptChars -= kept.input.text.length;
      if (kept.document) this.parsedChars -= kept.input.text.length;
    }
    return kept;
  }

  has(path: string): boolean {
    return this.kept.has(path);
  }

  /** A folder's reports with their unit and year, read once for all the reports in it. */
  private candidates(dir: string): Promise<Array<{ path: string; meta: Meta }>> {
    let p = this.folders.get(dir);
    if (!p) {
      p = this.listing(dir)
        .then((files) => Promise.all(files.map(async (f) => ({ path: f, meta: await this.metaOf(f) }))))
        .then((all) => all.filter((c): c is { path: string; meta: Meta } => !!c.meta));
      this.folders.set(dir, p);
    }
    return p;
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
        .then((input) => (input ? this.keep(path, input) : undefined))
        .catch(() => undefined);
      this.metas.set(path, p);
    }
    return p;
  }

  private keep(path: string, input: InputDocument): Meta {
    const size = input.text.length;
    if (this.keptChars + size > MAX_KEPT_CHARS) return readReportMeta(input.text, { path, format: input.format });
    const parse = this.linted.has(path) && this.parsedChars + size <= MAX_PARSED_CHARS;
    const document = parse ? parseReport(input.text, { path, format: input.format }) : undefined;
    this.kept.set(path, { input, document });
    this.keptChars += size;
    if (document) this.parsedChars += size;
    return document ? document.meta : readReportMeta(input.text, { path, format: input.format });
  }
}
