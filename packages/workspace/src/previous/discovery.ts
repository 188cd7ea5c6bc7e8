import { dirname, extname, join } from 'node:path';
import { PreviousReportIndex, readReportMeta, type PreviousDiscovery as Discovery, type ReportMeta } from '@fzlint/core';
import type { WorkspaceHost } from '../host.js';
import { readInput, REPORT_EXTENSIONS, type InputDocument } from '../inputs/index.js';
import { pathKey } from '../paths.js';
import { READ_LIMITS, readRegularFile } from '../read-file.js';

type Meta = Pick<ReportMeta, 'unit' | 'year'>;

/** Files looked at as candidates for last year's report: every kind of report file. */
export const CANDIDATE_EXTENSIONS: ReadonlySet<string> = new Set(REPORT_EXTENSIONS);

/** Decoded texts kept for the linter, at most this many characters (a folder's reports are then read once). */
const MAX_KEPT_CHARS = 64 * 1024 * 1024;

export interface DiscoveryOptions {
  /** Keep the candidates read, for the linter to take (a command line checks the whole folder). */
  keepInputs?: boolean;
}

/**
 * Automatic linking to last year's report: a report's folder is listed once, each sibling's unit
 * and year read once (in any input format; an open document with its unsaved text), and the
 * folder indexed by unit (PreviousReportIndex), so a folder of 1,000 reports costs 1,000 small
 * reads and each report is compared only with its own unit's. Listings and readings are kept
 * until `invalidate` says a file there changed.
 */
export class PreviousDiscovery {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly metas = new Map<string, Promise<Meta | undefined>>();
  private readonly openMetas = new Map<string, { version: number; meta: Meta }>();
  private readonly indexes = new Map<string, { signature: string; index: Promise<PreviousReportIndex> }>();
  private readonly kept = new Map<string, InputDocument>();
  private keptChars = 0;

  constructor(
    private readonly host: WorkspaceHost,
    private readonly options: DiscoveryOptions = {},
  ) {}

  /** Last year's report for a report of this unit and year, with the reason (Chinese) either way. */
  async find(path: string, meta: Meta): Promise<Discovery> {
    const dir = dirname(path);
    this.host.watch?.reportFolder?.(dir);
    this.openMetas.delete(pathKey(path));
    this.metas.set(pathKey(path), Promise.resolve(meta));
    return (await this.index(dir)).find({ path, meta });
  }

  /** The decoded file, if discovery read it (given out once). */
  take(path: string): InputDocument | undefined {
    const key = pathKey(path);
    const input = this.kept.get(key);
    if (input) {
      this.kept.delete(key);
      this.keptChars -= input.text.length;
    }
    return input;
  }

  /** A file was created, changed or deleted; returns whether it could be a candidate. */
  invalidate(path: string): boolean {
    if (!CANDIDATE_EXTENSIONS.has(extname(path).toLowerCase())) return false;
    const key = pathKey(path);
    this.metas.delete(key);
    this.kept.delete(key);
    const dir = pathKey(dirname(path));
    this.listings.delete(dir);
    this.indexes.delete(dir);
    return true;
  }

  clear(): void {
    this.listings.clear();
    this.metas.clear();
    this.openMetas.clear();
    this.indexes.clear();
    this.kept.clear();
    this.keptChars = 0;
  }

  /** The folder's index; rebuilt when a sibling's open text has a new version. */
  private async index(dir: string): Promise<PreviousReportIndex> {
    const files = await this.listing(dir);
    const signature = this.host.openText ? files.map((f) => this.host.openText!(f)?.version ?? '').join(',') : '';
    const key = pathKey(dir);
    const hit = this.indexes.get(key);
    if (hit && hit.signature === signature) return hit.index;
    const index = Promise.all(files.map(async (f) => ({ path: f, meta: await this.metaOf(f) }))).then(
      (all) => new PreviousReportIndex(all.filter((c): c is { path: string; meta: Meta } => !!c.meta)),
    );
    this.indexes.set(key, { signature, index });
    return index;
  }

  private listing(dir: string): Promise<string[]> {
    const key = pathKey(dir);
    let p = this.listings.get(key);
    if (!p) {
      p = this.host.fs.readdir(dir, { withFileTypes: true }).then(
        (entries) => entries.filter((e) => e.isFile() && CANDIDATE_EXTENSIONS.has(extname(e.name).toLowerCase())).map((e) => join(dir, e.name)).sort(),
        () => [],
      );
      this.listings.set(key, p);
    }
    return p;
  }

  private metaOf(path: string): Promise<Meta | undefined> {
    const key = pathKey(path);
    const open = this.host.openText?.(path);
    if (open) {
      let hit = this.openMetas.get(key);
      if (hit?.version !== open.version) {
        hit = { version: open.version, meta: readReportMeta(open.text, { path }) };
        this.openMetas.set(key, hit);
      }
      return Promise.resolve(hit.meta);
    }
    let p = this.metas.get(key);
    if (!p) {
      p = readRegularFile(this.host.fs, path, READ_LIMITS.candidate)
        .then((bytes) => readInput(path, bytes))
        .then((input) => this.keep(key, path, input))
        .catch(() => undefined);
      this.metas.set(key, p);
    }
    return p;
  }

  private keep(key: string, path: string, input: InputDocument): Meta {
    if (this.options.keepInputs && this.keptChars + input.text.length <= MAX_KEPT_CHARS) {
      this.kept.set(key, input);
      this.keptChars += input.text.length;
    }
    // Footnotes and headers follow the body: the 落款 is read from the body's end.
    const body = input.regions?.length ? input.text.slice(0, input.regions[0]!.start) : input.text;
    return readReportMeta(body, { path, format: input.format });
  }
}
