import { PreviousReportIndex, readReportMeta, type PreviousDiscovery, type ReportDocument, type ReportMeta } from '@fzlint/core';
import { dirname, extname, join } from 'node:path';
import { type WorkspaceFs, readInput, REPORT_EXTENSIONS, type InputDocument } from '@fzlint/workspace';

type Meta = Pick<ReportMeta, 'unit' | 'year'>;

const CANDIDATE_EXTENSIONS = new Set(REPORT_EXTENSIONS);
/** Larger files are not reports; they are not read to find last year's report. */
const MAX_CANDIDATE_BYTES = 8 * 1024 * 1024;

/** Decoded texts kept for the linter, at most this many characters (a folder's reports are read once). */
const MAX_KEPT_CHARS = 64 * 1024 * 1024;

/**
 * Automatic linking to last year's report: the report's folder is listed once per run, each
 * file's unit and year read once (in any input format the CLI reads), so a folder of 1,000
 * reports costs 1,000 small reads, not a million, and each report is compared only with the
 * reports of its unit (PreviousReportIndex). The texts read are kept for the linter, so each
 * file is read and decoded once. (Parsing the siblings in full for the linter as well was tried:
 * it saved the quick head-and-tail readings but kept a folder of parsed reports alive, and the
 * garbage collector's extra work cost as much as it saved.)
 */
export class PreviousFinder {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly metas = new Map<string, Promise<Meta | undefined>>();
  private readonly folders = new Map<string, Promise<PreviousReportIndex>>();
  private readonly kept = new Map<string, InputDocument>();
  private keptChars = 0;

  constructor(private readonly fs: WorkspaceFs) {}

  async find(path: string, text: string, format: 'markdown' | 'text', document?: ReportDocument): Promise<PreviousDiscovery> {
    // The linter parsed the report already; its unit and year come from that parse.
    const own = document?.text === text ? document.meta : readReportMeta(text, { path, format });
    this.metas.set(path, Promise.resolve(own));
    return (await this.folder(dirname(path))).find({ path, meta: own });
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

  /** A folder's reports indexed by unit and year, read once for all the reports in it. */
  private folder(dir: string): Promise<PreviousReportIndex> {
    let p = this.folders.get(dir);
    if (!p) {
      p = this.listing(dir)
        .then((files) => Promise.all(files.map(async (f) => ({ path: f, meta: await this.metaOf(f) }))))
        .then((all) => new PreviousReportIndex(all.filter((c): c is { path: string; meta: Meta } => !!c.meta)));
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
    if (this.keptChars + input.text.length <= MAX_KEPT_CHARS) {
      this.kept.set(path, input);
      this.keptChars += input.text.length;
    }
    // Footnotes and headers follow the body: the signature is read from the body's end.
    const body = input.regions?.length ? input.text.slice(0, input.regions[0]!.start) : input.text;
    return readReportMeta(body, { path, format: input.format });
  }
}
