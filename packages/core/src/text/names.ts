/**
 * Official names as cited in reports: compared after the differences that are another rule's
 * business (bracket width, the kind of dash, spaces) are taken out, and split into a stem and a
 * year range (法治政府建设实施纲要 + 2021—2025).
 */

export interface YearRange {
  from: number;
  to: number;
}

/** The written name without what other rules check: spaces, bracket width, the dash between years. */
export function normalizeName(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[—–－‐‑‒―~～-]+/g, '—');
}

/** A trailing year range, with or without brackets, dash or 年: 纲要（2021—2025年）, 纲要2021-2025年), 纲要(20212025年). */
const TRAILING_YEARS = /^(.*?)[\s\u3000]*[（(]?[\s\u3000]*(\d{4})[\s\u3000]*[—–－‐‑‒―~～-]*[\s\u3000]*(\d{4})[\s\u3000]*年?[\s\u3000]*[）)]?[\s\u3000]*$/;

export interface SplitName {
  stem: string;
  years?: YearRange;
  /** Offsets, in the written text, of the two years (for an edit that changes only them). */
  yearSpans?: [from: { start: number; end: number }, to: { start: number; end: number }];
}

/** Splits a name as written into its normalised stem and trailing year range. */
export function splitName(written: string): SplitName {
  const m = TRAILING_YEARS.exec(written);
  if (!m) return { stem: normalizeName(written) };
  const from = Number(m[2]);
  const to = Number(m[3]);
  if (!(from >= 1949 && to > from && to - from <= 50)) return { stem: normalizeName(written) };
  const fromStart = written.indexOf(m[2]!, m[1]!.length);
  const toStart = written.indexOf(m[3]!, fromStart + 4);
  return {
    stem: normalizeName(m[1]!),
    years: { from, to },
    yearSpans: [
      { start: fromStart, end: fromStart + 4 },
      { start: toStart, end: toStart + 4 },
    ],
  };
}

/** Years after a stem in running text: 纲要（2022—2025年）, 纲要2021-2025年. */
export const YEARS_AFTER = /^[\s\u3000]*[（(]?[\s\u3000]*(\d{4})[\s\u3000]*[—–－‐‑‒―~～-]*[\s\u3000]*(\d{4})(?:[\s\u3000]*年)?(?:[\s\u3000]*[）)])?/;

export function overlap(a: YearRange, b: YearRange): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1);
}

/**
 * Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (names are compared
 * with a handful of official ones; only near misses matter).
 */
export function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** How far a cited title may be from an official name and still be taken for it: longer names allow more. */
export function fuzzLimit(length: number): number {
  return length >= 20 ? 3 : length >= 12 ? 2 : length >= 8 ? 1 : 0;
}

/**
 * The character before a name tells a local document or a department from the national one:
 * 广东省法治政府建设实施纲要, 市司法局关于开展法治宣传教育的…, XX市重大行政决策程序条例.
 */
const LOCAL_PREFIX_END = new Set('省市区县州盟旗镇乡团委局厅部办'.split(''));

export function locallyPrefixed(text: string, start: number): boolean {
  return LOCAL_PREFIX_END.has(text[start - 1] ?? '');
}

/** The kind of document a title ends in: another kind (职责清单 for 职责规定) is another document, however close the words. */
const DOCUMENT_TYPES = ['规定', '清单', '办法', '意见', '方案', '纲要', '规划', '条例', '决定', '通知', '指引', '细则', '要点', '计划', '制度', '报告'];

export function documentType(stem: string): string | undefined {
  return DOCUMENT_TYPES.find((t) => stem.endsWith(t));
}
