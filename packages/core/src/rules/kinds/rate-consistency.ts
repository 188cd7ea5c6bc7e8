import { clauseStart, formatPercent, decimals } from '../../text/cjk.js';
import type { Figure } from '../../text/figures.js';
import { findCounts, findPercents, precisionOf, rateLabel } from '../../text/rates.js';
import { defineKind } from '../kind.js';

const DEFAULTS = {
  rates: ['办结率', '解决率', '完成率', '化解率', '结案率', '处置率', '办理率', '答复率', '回复率', '整改率', '销号率'],
  done: ['已解决', '解决', '已办结', '办结', '已完成', '完成', '已化解', '化解', '已处置', '处置', '已答复', '答复', '已回复', '已整改', '整改完成', '整改到位', '已结案', '结案', '销号', '办理完毕'],
  remaining: ['剩余', '尚未办结', '未办结', '尚未解决', '未解决', '尚未完成', '未完成', '未化解', '尚未', '仍有', '待办', '余下', '其余', '在办'],
  total: ['共', '共计', '累计', '总计', '合计', '受理', '收到', '接收', '接到', '登记', '涉及', '排查', '发现', '总数'],
  upperBound: ['按时', '及时', '限时', '准时'],
};

type Role = 'done' | 'remaining' | 'total';

/** The role of a count from the words just before it in its clause: the cue ending last wins (未办结 over 办结). */
function roleOf(prefix: string, cues: Record<Role, string[]>): Role | undefined {
  let best: { role: Role; end: number; len: number } | undefined;
  for (const role of ['done', 'remaining', 'total'] as const) {
    for (const w of cues[role]) {
      const i = prefix.lastIndexOf(w);
      if (i < 0) continue;
      const end = i + w.length;
      if (!best || end > best.end || (end === best.end && w.length > best.len)) best = { role, end, len: w.length };
    }
  }
  return best?.role;
}

interface Expectation {
  ratio: number;
  formula: string;
  counts: Figure[];
}

export default defineKind({
  name: 'rate-consistency',
  summary: '比率与同一句中给出的件数不符（如 已解决352宗、剩余106宗、办结率76.9%）',
  docs:
    '在同一句话中，若给出了某项比率（`rates`，如 办结率）和同一单位的件数，按件数前面的词判断其含义：' +
    '`done`（已解决、已办结……）为完成数，`remaining`（剩余、未办结……）为未完成数，`total`（共、受理、累计……）为总数。' +
    '有完成数和未完成数时，比率应为 完成数÷(完成数+未完成数)；有完成数和总数时，应为 完成数÷总数。' +
    '允许的误差是所写数字最后一位的一个单位（76.9% 为 0.1 个百分点，77% 为 1 个百分点）。' +
    '比率名含 `upperBound` 中的词（按时、及时……）时，它只是总比率的一部分，只检查它不高于按件数算出的比例。' +
    '件数含义不明（同一角色出现多次、单位不同）时不检查。不符时给出按件数计算的值作为建议，但哪个数字写错了需由起草人核对，故不自动修复。',
  options: {
    rates: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '要核对的比率名（以其结尾），默认 办结率、解决率、完成率、化解率等' },
    done: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '表示完成数的词，如 已解决、已办结' },
    remaining: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '表示未完成数的词，如 剩余、未办结' },
    total: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '表示总数的词，如 共、受理、累计' },
    upperBound: { type: 'array', items: { type: 'string', minLength: 1 }, description: '比率名含这些词时只检查上限，如 按时、及时' },
  },
  messages: {
    default: '「{{rate}}{{value}}%」与同句中的件数不符：{{formula}} ≈ {{expected}}%',
    upper: '「{{rate}}{{value}}%」高于同句件数算出的比例：{{formula}} ≈ {{expected}}%，{{rate}}不应更高',
  },
  placeholders: { rate: '比率名称', value: '所写的比率', formula: '按件数的算式', expected: '按件数算出的比率' },
  fixable: 'suggestion',
  example: `kind: rate-consistency
severity: warning
rates: [办结率, 解决率, 化解率]`,
  compile(rule) {
    const o = rule.options;
    const pick = (k: keyof typeof DEFAULTS) => (o[k] as string[] | undefined) ?? DEFAULTS[k];
    const rates = pick('rates');
    const upperBound = pick('upperBound');
    const cues: Record<Role, string[]> = { done: pick('done'), remaining: pick('remaining'), total: pick('total') };

    return (rc) => {
      const text = rc.doc.text;
      for (let si = 0, list = rc.doc.sentences; si < list.length; si++) {
        const s = list[si]!;
        rc.checkpoint();
        const percents = findPercents(text, s.start, s.end)
          .map((p) => ({ p, rate: rateLabel(text, p, s.start) }))
          .filter((x) => x.rate && rates.some((r) => x.rate!.label.endsWith(r)));
        if (!percents.length) continue;

        const byUnit = new Map<string, Record<Role, Figure[]>>();
        for (const c of findCounts(text, s.start, s.end)) {
          const prefix = text.slice(clauseStart(text, c.start, s.start, '、'), c.start);
          const role = roleOf(prefix, cues);
          if (!role) continue;
          const group = byUnit.get(c.unit) ?? { done: [], remaining: [], total: [] };
          group[role].push(c);
          byUnit.set(c.unit, group);
        }
        const expectations: Expectation[] = [];
        for (const g of byUnit.values()) {
          if (g.done.length !== 1) continue;
          const d = g.done[0]!;
          const num = (f: Figure) => text.slice(f.start, f.end);
          if (g.remaining.length === 1) {
            const r = g.remaining[0]!;
            if (d.value + r.value > 0) expectations.push({ ratio: d.value / (d.value + r.value), formula: `${num(d)}÷(${num(d)}+${num(r)})`, counts: [d, r] });
          } else if (g.remaining.length === 0 && g.total.length === 1 && g.total[0]!.value >= d.value && g.total[0]!.value > 0) {
            const t = g.total[0]!;
            expectations.push({ ratio: d.value / t.value, formula: `${num(d)}÷${num(t)}`, counts: [d, t] });
          }
        }
        if (expectations.length !== 1) continue;
        const e = expectations[0]!;
        const expected = e.ratio * 100;
        for (const { p, rate } of percents) {
          const tolerance = precisionOf(p) + 1e-9;
          const upper = upperBound.some((w) => rate!.label.includes(w));
          if (upper ? p.value <= expected + tolerance : Math.abs(p.value - expected) <= tolerance) continue;
          const shown = formatPercent(expected, Math.max(1, decimals(p.written)));
          const replacement = `${formatPercent(expected, decimals(p.written))}%`;
          rc.report({
            start: p.start,
            end: p.end,
            messageId: upper ? 'upper' : 'default',
            data: { rate: rate!.label, value: p.written, formula: e.formula, expected: shown },
            related: e.counts.map((c) => ({ start: c.start, end: c.end, message: `参与计算的件数：${text.slice(c.start, c.end)}` })),
            suggestions: upper ? undefined : [{ title: `按件数改为「${replacement}」`, edits: [{ start: p.start, end: p.end, text: replacement }] }],
          });
        }
      }
    };
  },
});
