/**
 * Figures: an Arabic number with a measure word or percent sign (55次, 2.83亿条, 166.8万余次,
 * 100%). Years (2024年), dates (3月15日) and bare codes (12345热线) are not figures.
 */
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
const FIGURE = new RegExp(
  `(\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?)\\s{0,2}([万亿千])?(余|多)?(${UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|')})`,
  'g',
);

export const PERCENT_UNITS = new Set(['%', '％', '‰', '个百分点']);

export function findFigures(text: string, start = 0, end = text.length): Figure[] {
  const out: Figure[] = [];
  const slice = text.slice(start, end);
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(slice); m; m = FIGURE.exec(slice)) {
    const at = start + m.index;
    const before = text[at - 1] ?? '';
    if (/[A-Za-z0-9.．_]/.test(before)) continue;
    const unit = m[4]!;
    // 25日 after a month is a date, not a count of days.
    if (unit === '日' && /月\s*$/.test(text.slice(Math.max(0, at - 2), at))) continue;
    if ((unit === '余' || unit === '多') && !m[2]) continue;
    const value = Number(m[1]!.replace(/[,，]/g, '')) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : m[2] === '千' ? 1e3 : 1);
    out.push({ start: at, end: at + m[0].length, value, unit: (m[2] ?? '') + (m[3] ?? '') + unit, percent: PERCENT_UNITS.has(unit) });
  }
  return out;
}
