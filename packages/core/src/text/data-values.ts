/**
 * Reading a figure as the value of a data item: 「党组会学法6次」 is a count of study sessions,
 * 「八届第14次常务会议」 is not (an ordinal), nor is 「提供24小时服务」 next to 规范性文件 (a count of
 * something else, in another clause). The data-point kind asks these questions of each figure.
 */
import type { Figure } from './figures.js';
import { rateLabel } from './rates.js';

/** Durations, money and measures: figures, but never a count of cases, sessions or documents. */
const NOT_COUNTS = [
  '个工作日', '工作日', '小时', '分钟', '天', '日', '万元', '亿元', '元', '平方公里', '平方米', '公里', '千米', '米', '吨',
];

export type ValueKind = 'any' | 'percent' | 'count';

/**
 * Whether a figure is of the wanted kind. `units`, when given, decide alone: the unit after 万/亿
 * and 余/多 must be one of them (次 takes 12次 and 60余次, not 300人次, which counts attendance).
 */
export function valueKindMatches(f: Figure, kind: ValueKind, units: readonly string[]): boolean {
  if (units.length) return units.includes(f.unit.replace(/^[万亿千]?[余多]?/, ''));
  if (kind === 'percent') return f.percent;
  if (kind === 'count') return !f.percent && !NOT_COUNTS.some((u) => f.unit.endsWith(u));
  return true;
}

/**
 * An ordinal, not a count: 第14次, 第3期, 第1、2次, and a session number after a term
 * (八届14次常务会议, 十四届3次会议): the figure says which meeting, not how many.
 */
export function isOrdinal(text: string, f: Figure): boolean {
  const before = text.slice(Math.max(0, f.start - 12), f.start);
  return /第[\s\d、，,和及至—－-]*$/.test(before) || /届\s*$/.test(before);
}

/** Characters that end a clause for the purpose of tying a figure to its subject (the colon does not: 学法考试：参考率100%). */
const CLAUSE_BREAK = /[，,；;。！!？?\n\r]/;

export interface Clause {
  start: number;
  end: number;
}

/** The clauses of text[start, end). */
export function clausesOf(text: string, start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (CLAUSE_BREAK.test(text[i]!)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

/**
 * A clause that carries on the previous clause's subject with its count (组织中心组专题学法，全年共4次):
 * it starts with one of these words.
 */
const CONTINUATION = /^[\s\u3000]*(全年|全年共|共|累计|合计|总计|先后|年内|今年以来共?|其中)/;

export function continuesPrevious(text: string, clause: Clause): boolean {
  return CONTINUATION.test(text.slice(clause.start, Math.min(clause.end, clause.start + 8)));
}

/**
 * The label of a value, for the reviewer's table: the rate it states (按时答复率 for 按时答复率100%,
 * 合格率 for 参与率、合格率均达100%), else the nearest of `labels` before it in its clause, else the
 * first of them in the clause.
 */
export function labelOf(text: string, f: Figure, clause: Clause, labels: ReadonlyArray<{ start: number; end: number; word: string }>): string | undefined {
  if (f.percent) {
    const written = /^[\d.．]+/.exec(text.slice(f.start, f.end))?.[0] ?? '';
    const rate = rateLabel(text, { start: f.start, end: f.end, value: f.value, written }, clause.start);
    if (rate) {
      // 参与率、合格率均达100%: the value states both rates.
      const before = text.slice(clause.start, rate.at + 1 - rate.label.length);
      const more = (/(?:[\u4e00-\u9fff]{1,3}率[、和及与])+$/.exec(before)?.[0] ?? '').replace(/^.*[的之]/, '');
      return more + rate.label;
    }
  }
  let best: string | undefined;
  for (const l of labels) {
    if (l.start < clause.start || l.end > clause.end) continue;
    if (l.end <= f.start) best = l.word;
    else if (best === undefined) return l.word;
  }
  return best;
}
