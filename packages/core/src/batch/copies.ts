import { normalizeUnit } from '../document/previous-report.js';
import { GRAM, normalizePassage, winnow, type Normalized } from '../text/fingerprints.js';
import { FingerprintTable } from './fingerprint-table.js';
import { PassageComparer } from './passage-comparer.js';

/** One report of a batch, as the copy search sees it. */
export interface CopyReport {
  text: string;
  /** Where the body ends: regions after it (page headers, footnotes) are not compared. */
  bodyEnd?: number;
  year?: number;
  /** The issuing unit: reports of one unit (a draft and its final version) are not compared. */
  unit?: string;
  /** Settings of the report's own findings; absent when its findings are off (it is still a source for others). */
  settings?: CopySettings;
}

export interface CopySettings {
  /** Share of a passage's own fingerprints found in the other passage (0–1). */
  threshold: number;
  /** Passages with fewer normalised characters are not reported. */
  minChars: number;
  /** A fingerprint found in this many units' reports or more is a shared formula, not a copy. */
  commonIn: number;
}

export const DEFAULT_COPY_SETTINGS: Readonly<CopySettings> = Object.freeze({ threshold: 0.7, minChars: 50, commonIn: 3 });

/** Passages of one report found in another report of the same year by another unit. */
export interface CopyMatch {
  /** The report's own passages: from the first one's start to the last one's end. */
  start: number;
  end: number;
  /** Index of the other report in the batch, and the matching passages there. */
  other: number;
  otherStart: number;
  otherEnd: number;
  /** How many passages (paragraphs) the match spans here. */
  passages: number;
  /** Lowest share of the passages' own (non-formula) fingerprints found in the other report. */
  similarity: number;
  /** Every passage is the same as its counterpart after normalisation (punctuation, figures). */
  identical: boolean;
}

/** Fewer shared (non-formula) fingerprints than this never makes two passages candidates. */
const MIN_SHARED = 2;
/** A fingerprint repeated in more passages than this is boilerplate whatever the units (a table header …). */
const MAX_POSTINGS = 200;
/** Passages of the other report may be this far apart and still continue one copied run. */
const RUN_GAP = 3;

/**
 * Finds passages (paragraphs: lines of the body) copied between reports of the same year by
 * different units. Fingerprints shared by `commonIn` or more units' reports are the batch's
 * shared formulas and do not count. Candidate pairs come only from fingerprints two passages
 * share (an inverted index), so the work grows with the batch's size, not with the number of
 * pairs; each candidate pair is then compared exactly (PassageComparer). Returns, per report,
 * its matches in text order, consecutive passages copied from consecutive passages of the same
 * report merged into one.
 */
export function findCopies(reports: readonly CopyReport[]): CopyMatch[][] {
  const out: CopyMatch[][] = reports.map(() => []);
  if (reports.length < 2 || !reports.some((r) => r.settings)) return out;
  // About one fingerprint in seven characters (2 / (WINDOW + 1)), a little more for short lines.
  const table = new FingerprintTable(Math.ceil(reports.reduce((n, r) => n + (r.bodyEnd ?? r.text.length), 0) / 6));
  // A passage shorter than every report's minChars is never reported, nor long enough to hold a reported one.
  const shortest = Math.max(GRAM, Math.min(...reports.map((r) => r.settings?.minChars ?? Infinity)));
  const passages = new PassageList();
  const ownerOf = owners(reports);
  const scratch: Normalized = { codes: new Uint16Array(4096), offsets: new Int32Array(4096), length: 0 };
  let hashes = new Uint32Array(4096);
  reports.forEach((r, report) => {
    const end = Math.min(r.bodyEnd ?? r.text.length, r.text.length);
    for (let start = 0; start < end; ) {
      const lineEnd = lineEndAt(r.text, start, end);
      const norm = normalizePassage(r.text, start, lineEnd, scratch);
      if (norm.length >= shortest && !isHeadingLike(r.text, start, lineEnd)) {
        if (hashes.length < norm.length) hashes = new Uint32Array(norm.length * 2);
        const id = passages.add(report, trimStart(r.text, start, lineEnd), trimEnd(r.text, start, lineEnd), norm.length);
        winnow(norm, hashes, (h) => table.add(h, id));
      }
      start = lineEnd + 1;
    }
  });

  const commonIn = reports.map((r) => r.settings?.commonIn ?? DEFAULT_COPY_SETTINGS.commonIn);
  const maxCommon = Math.max(...commonIn);
  const shared = new Map<number, number>();
  const group: number[] = [];
  const units: number[] = [];
  table.forEachGroup((ids) => {
    // Distinct passages (a passage may repeat a fingerprint) and how many units they come from.
    group.length = 0;
    units.length = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (group.length && group[group.length - 1] === id) continue;
      group.push(id);
      const owner = ownerOf[passages.report[id]!]!;
      if (units.length < maxCommon && !units.includes(owner)) units.push(owner);
    }
    const count = group.length > MAX_POSTINGS ? maxCommon : units.length;
    if (count < 2 || count >= maxCommon) return count;
    for (let i = 0; i < group.length; i++) {
      const p = group[i]!;
      const rp = passages.report[p]!;
      if (count >= commonIn[rp]!) continue;
      for (let j = i + 1; j < group.length; j++) {
        const q = group[j]!;
        const rq = passages.report[q]!;
        if (ownerOf[rp] === ownerOf[rq] || count >= commonIn[rq]! || !sameYear(reports[rp]!, reports[rq]!)) continue;
        const key = p * PAIR_BASE + q;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
    return count;
  });

  const comparer = new PassageComparer(table, (id) => {
    const report = passages.report[id]!;
    return { text: reports[report]!.text, start: passages.start[id]!, end: passages.end[id]!, commonIn: commonIn[report]! };
  });
  // For each passage and each other report, the best counterpart.
  const best = new Map<number, { passage: number; share: number }>();
  const consider = (p: number, q: number) => {
    const settings = reports[passages.report[p]!]!.settings;
    if (!settings || passages.length[p]! < settings.minChars) return;
    const share = comparer.share(p, q);
    if (share < settings.threshold) return;
    const key = p * PAIR_BASE + passages.report[q]!;
    const prev = best.get(key);
    if (!prev || share > prev.share) best.set(key, { passage: q, share });
  };
  for (const [key, count] of shared) {
    if (count < MIN_SHARED) continue;
    const p = Math.floor(key / PAIR_BASE);
    const q = key % PAIR_BASE;
    consider(p, q);
    consider(q, p);
  }

  const hits = new Map<number, Array<{ p: number; q: number; share: number }>>();
  for (const [key, b] of best) {
    const p = Math.floor(key / PAIR_BASE);
    const list = hits.get(passages.report[p]!) ?? [];
    list.push({ p, q: b.passage, share: b.share });
    hits.set(passages.report[p]!, list);
  }
  for (const [report, list] of hits) out[report] = runs(list, passages, comparer);
  return out;
}

/** Passage ids stay below 2^26; a pair of them is one safe integer. */
const PAIR_BASE = 2 ** 26;

/** Consecutive passages copied from passages close together in the same other report become one match. */
function runs(list: Array<{ p: number; q: number; share: number }>, passages: PassageList, comparer: PassageComparer): CopyMatch[] {
  list.sort((a, b) => a.p - b.p || passages.report[a.q]! - passages.report[b.q]!);
  const out: CopyMatch[] = [];
  let open: { match: CopyMatch; lastP: number; lastQ: number } | undefined;
  for (const { p, q, share } of list) {
    const other = passages.report[q]!;
    const identical = comparer.identical(p, q);
    const m = open?.match;
    if (open && m && m.other === other && p === open.lastP + 1 && q > open.lastQ && q - open.lastQ <= RUN_GAP) {
      m.end = passages.end[p]!;
      m.otherEnd = Math.max(m.otherEnd, passages.end[q]!);
      m.passages++;
      m.similarity = Math.min(m.similarity, share);
      m.identical &&= identical;
      open.lastP = p;
      open.lastQ = q;
      continue;
    }
    const match: CopyMatch = {
      start: passages.start[p]!,
      end: passages.end[p]!,
      other,
      otherStart: passages.start[q]!,
      otherEnd: passages.end[q]!,
      passages: 1,
      similarity: share,
      identical,
    };
    out.push(match);
    open = { match, lastP: p, lastQ: q };
  }
  return out;
}

/** Sentence punctuation: a line without any is a title, a heading, a signature or a date. */
const SENTENCE_END = /[。！？；!?;]/;
/** Longer than this, a line without sentence punctuation is body text written without it. */
const HEADING_MAX = 80;

/**
 * Titles and part headings (一、深入学习宣传贯彻习近平法治思想情况) are the template's words, the
 * same in every report however few the batch has: only sentences are compared.
 */
function isHeadingLike(text: string, start: number, end: number): boolean {
  if (end - start > HEADING_MAX) return false;
  return !SENTENCE_END.test(text.slice(start, end));
}

/** Where the line from `start` ends: at \n, \r\n or a lone \r (old Mac files), or at `end`. */
function lineEndAt(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && /\s/.test(text[start]!)) start++;
  return start;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function sameYear(a: CopyReport, b: CopyReport): boolean {
  return a.year === undefined || b.year === undefined || a.year === b.year;
}

/** One number per unit; a report without a known unit is a unit of its own. */
function owners(reports: readonly CopyReport[]): number[] {
  const ids = new Map<string, number>();
  return reports.map((r, i) => {
    const unit = r.unit ? normalizeUnit(r.unit) : '';
    if (!unit) return -1 - i;
    let id = ids.get(unit);
    if (id === undefined) ids.set(unit, (id = ids.size));
    return id;
  });
}

/** The passages of the batch in columns (typed arrays grown as needed): a batch has hundreds of thousands. */
class PassageList {
  size = 0;
  report = new Uint32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  length = new Int32Array(1024);
  distinct = new Int32Array(1024);
  common = new Int32Array(1024);

  add(report: number, start: number, end: number, length: number): number {
    if (this.size === this.report.length) this.grow();
    const id = this.size++;
    this.report[id] = report;
    this.start[id] = start;
    this.end[id] = end;
    this.length[id] = length;
    return id;
  }

  private grow(): void {
    const n = this.report.length * 2;
    const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.report = grow(this.report, (k) => new Uint32Array(k));
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.length = grow(this.length, (k) => new Int32Array(k));
    this.distinct = grow(this.distinct, (k) => new Int32Array(k));
    this.common = grow(this.common, (k) => new Int32Array(k));
  }
}
