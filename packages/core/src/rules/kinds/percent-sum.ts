import { clauseStart } from '../../text/cjk.js';
import { containsAny } from '../../text/keywords.js';
import { findPercents, precisionOf, type Percent } from '../../text/rates.js';
import { defineKind } from '../kind.js';

const DEFAULT_CHANGE_WORDS = ['增长', '增加', '提高', '提升', '上升', '下降', '降低', '减少', '同比', '环比', '增幅', '降幅'];
// Verbs and particles between 占 and the number that do not name the whole.
const FILLER = /^(比重|比例|比)?(分别)?(为|是|达到|达|约为|约|近|超过|超|逾|了)?/;

/** 分别占… or 占比分别为…: the shares are listed one after another. */
function listed(clause: string, at: number): boolean {
  return clause.slice(Math.max(0, at - 2), at) === '分别' || clause.slice(at).includes('分别');
}

const NOT_SHARE = /^[用地道据领有]|率/;

interface Share {
  p: Percent;
  /** The whole the share is of: 全区 in 占全区的45%; '' when unnamed (占比45%). */
  whole: string;
}

/** The whole named between 占 and the number, or undefined when the percentage is not a share. */
function shareOf(between: string): string | undefined {
  const clean = between.replace(/\d+(?:[.．]\d+)?\s*[%％]/g, '').replace(/[、，,和及\s]/g, '');
  let whole = clean.replace(/的.*$/, '');
  whole = whole.replace(FILLER, '');
  // 占比分别为、占全区 … : a long stretch is prose, not a named whole.
  return whole.length <= 8 ? whole : undefined;
}

export default defineKind({
  name: 'percent-sum',
  summary: '同一句中作为组成部分的百分比合计超过 100%',
  docs:
    '一句话中用「占」「占比」「比重」给出的百分比被视为同一整体的组成部分（如「线上办理占65%，窗口办理占40%」），' +
    '它们之和不会超过 100%。按「占」后面写明的整体分组（「占全区的45%」与「占全市的60%」不相加），「分别占30%、50%、20%」这样的列举单独成组，' +
    '组内两项以上、合计超过 100%（加上各数字末位的舍入误差）时报告。变化幅度（占比提高了5%）不计。',
  options: {
    changeWords: { type: 'array', items: { type: 'string', minLength: 1 }, description: '表示变化的词，出现在「占」与数字之间时该数不计，默认 增长、提高、下降、同比等' },
  },
  messages: { default: '同一句中各部分所占比例合计{{sum}}%，超过了100%：{{parts}}' },
  placeholders: { sum: '合计', parts: '参与相加的百分比' },
  example: `kind: percent-sum
severity: warning`,
  compile(rule) {
    const changeWords = (rule.options.changeWords as string[] | undefined) ?? DEFAULT_CHANGE_WORDS;
    return (rc) => {
      const text = rc.doc.text;
      for (let si = 0, list = rc.doc.sentences; si < list.length; si++) {
        const s = list[si]!;
        rc.checkpoint();
        const shares: Share[] = [];
        for (const p of findPercents(text, s.start, s.end)) {
          const from = clauseStart(text, p.start, s.start);
          const clause = text.slice(from, p.start);
          const at = clause.lastIndexOf('占');
          if (at < 0) continue;
          const between = clause.slice(at + 1);
          // 占用率、占有率、占地: a rate or another verb, not a share of a whole.
          if (NOT_SHARE.test(between) || containsAny(between, changeWords)) continue;
          const whole = shareOf(between);
          // 分别占30%、50%、20%: a list is one complete set of parts, added up on its own.
          if (whole !== undefined) shares.push({ p, whole: listed(clause, at) ? `分别@${from + at}` : whole });
        }
        if (shares.length < 2) continue; // one share cannot exceed the whole
        const groups = new Map<string, Share[]>();
        for (const sh of shares) groups.set(sh.whole, [...(groups.get(sh.whole) ?? []), sh]);
        for (const group of groups.values()) {
          if (group.length < 2) continue;
          const sum = group.reduce((a, g) => a + g.p.value, 0);
          const slack = group.reduce((a, g) => a + precisionOf(g.p) / 2, 0);
          if (sum <= 100 + slack + 1e-9) continue;
          const first = group[0]!.p;
          const last = group[group.length - 1]!.p;
          rc.report({
            start: first.start,
            end: last.end,
            data: { sum: Number(sum.toFixed(4)).toString(), parts: group.map((g) => text.slice(g.p.start, g.p.end)).join(' + ') },
          });
        }
      }
    };
  },
});
