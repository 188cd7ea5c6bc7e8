/**
 * Percentages and the rates (…率) they belong to, for the number kinds: 办结率为76.9%,
 * 参与率、合格率均达100%, 占全区的45%.
 */
import { clauseStart, decimals } from './cjk.js';
import { findFigures, type Figure } from './figures.js';

export interface Percent {
  start: number;
  end: number;
  value: number;
  /** The number as written (76.9), for its precision. */
  written: string;
}

/** Figures with a percent sign (not ‰ or 个百分点) in text[start, end). */
export function findPercents(text: string, start: number, end: number): readonly Percent[] {
  let out: Percent[] | undefined;
  const figures = findFigures(text, start, end);
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    if (f.unit !== '%' && f.unit !== '％') continue;
    (out ??= []).push({ start: f.start, end: f.end, value: f.value, written: /^[\d.．]+/.exec(text.slice(f.start, f.end))?.[0] ?? '' });
  }
  return out ?? NO_PERCENTS;
}

/** Most sentences have no percentage: they share one empty list. */
const NO_PERCENTS: readonly Percent[] = Object.freeze([]);

/** Non-percent figures (counts) in text[start, end). */
export function findCounts(text: string, start: number, end: number): Figure[] {
  const figures = findFigures(text, start, end);
  return figures.length ? figures.filter((f) => !f.percent) : [];
}

/** One unit of the last decimal place written: 76.9 → 0.1, 100 → 1. */
export function precisionOf(p: Percent): number {
  return 10 ** -decimals(p.written);
}

export interface RateLabel {
  /** Offset of 率. */
  at: number;
  /** Up to five characters ending in 率 (按时办结率). */
  label: string;
  /** Text between the label and the number (为, 均达, 同比提高). */
  between: string;
  /** The clause up to the number. */
  clause: string;
}

/**
 * The rate a percentage states: the last 率 in its clause, at most `reach` characters before the
 * number. 参与率、合格率均达100% gives 合格率; 同比增长101.04% has none.
 */
export function rateLabel(text: string, p: Percent, floor: number, reach = 15): RateLabel | undefined {
  const from = clauseStart(text, p.start, floor);
  const clause = text.slice(from, p.start);
  // 率先 (to take the lead) is a verb, not a rate.
  let i = clause.lastIndexOf('率');
  // lastIndexOf(c, -1) searches from 0, so a 率先 at the clause start must end the search itself.
  while (i >= 0 && clause[i + 1] === '先') i = i > 0 ? clause.lastIndexOf('率', i - 1) : -1;
  if (i < 0 || clause.length - i > reach) return undefined;
  const head = clause.slice(0, i + 1);
  const label = /[\u4e00-\u9fff]{1,5}$/.exec(head)?.[0] ?? '率';
  return { at: from + i, label, between: clause.slice(i + 1), clause };
}
