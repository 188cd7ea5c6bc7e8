/**
 * Figures: an Arabic number with a measure word or percent sign (55次, 2.83亿条, 166.8万余次,
 * 100%). Years (2024年), dates (3月15日) and bare codes (12345热线) are not figures.
 */
import { memoByText } from './text-memo.js';

export interface Figure {
  start: number;
  end: number;
  value: number;
  unit: string;
  percent: boolean;
}

const UNITS = [
  '个百分点', '个工作日', '平方公里', '平方米', '人次', '万元', '亿元', '工作日', '小时', '公里', '千米', '分钟',
  '%', '％', '‰', '个', '项', '件', '次', '条', '宗', '家', '人', '名', '户', '座', '台', '套', '篇', '份', '场',
  '期', '批', '类', '元', '天', '倍', '米', '吨', '辆', '张', '本', '页', '所', '支', '块', '位', '组', '部', '处',
  '单', '起', '轮', '堂', '讲', '届', '日', '余', '多',
];
// A figure starts where no digit (or digit and thousands comma) stands before it. A match can only
// start there anyway (\d+ would have taken the digit before), but without saying so the regex
// tries every digit of a long run and scans the rest of the run each time: quadratic.
const FIGURE = new RegExp(
  `(?<!\\d|\\d[,，])(\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?)\\s{0,2}([万亿千])?(余|多)?(${UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|')})`,
  'g',
);

export const PERCENT_UNITS = new Set(['%', '％', '‰', '个百分点']);

/** No figures: shared, since rules ask about hundreds of sentences per report and most have none. */
const NONE: readonly Figure[] = Object.freeze([]);

/** Figures in text[start, end), as if the range were the whole text. */
export function findFigures(text: string, start = 0, end = text.length): readonly Figure[] {
  if (end - start < WHOLE_TEXT_FROM || text.length > WHOLE_TEXT_MAX) return scanFigures(text, start, end);
  // Rules ask for the figures of every sentence, several times over: the text is scanned once and
  // each range is looked up. A range whose edge cuts through a regex match (1，234次 split at the
  // comma) could match differently on its own, so it is scanned by itself.
  const matches = lastScans(text);
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let out: Figure[] | undefined;
  for (let i = lo; i < matches.length && matches[i]!.start < end; i++) {
    const m = matches[i]!;
    if (m.start < start || m.end > end) return scanFigures(text, start, end);
    if (m.figure) (out ??= []).push(m.figure);
  }
  return out ?? NONE;
}

/** Below this length a range is scanned directly; above this text length nothing is cached. */
const WHOLE_TEXT_FROM = 24;
const WHOLE_TEXT_MAX = 1 << 22;

interface FigureMatch {
  start: number;
  end: number;
  /** Undefined when the match is not a figure (a date, a code). */
  figure?: Figure;
}

const lastScans = memoByText((text) => {
  const matches: FigureMatch[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    matches.push({ start: m.index, end: m.index + m[0].length, figure: figureOf(text, 0, m) });
  }
  return matches;
});

function scanFigures(text: string, start: number, end: number): Figure[] {
  const out: Figure[] = [];
  const slice = text.slice(start, end);
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(slice); m; m = FIGURE.exec(slice)) {
    const f = figureOf(text, start, m);
    if (f) out.push(f);
  }
  return out;
}

/** The figure a regex match (on text from `offset`) stands for, if it is one. */
function figureOf(text: string, offset: number, m: RegExpExecArray): Figure | undefined {
  const at = offset + m.index;
  const before = text[at - 1] ?? '';
  if (/[A-Za-z0-9.．_]/.test(before)) return undefined;
  const unit = m[4]!;
  // 25日 after a month is a date, not a count of days.
  if (unit === '日' && /月\s*$/.test(text.slice(Math.max(0, at - 2), at))) return undefined;
  if ((unit === '余' || unit === '多') && !m[2]) return undefined;
  const value = Number(m[1]!.replace(/[,，]/g, '')) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : m[2] === '千' ? 1e3 : 1);
  return { start: at, end: at + m[0].length, value, unit: (m[2] ?? '') + (m[3] ?? '') + unit, percent: PERCENT_UNITS.has(unit) };
}
