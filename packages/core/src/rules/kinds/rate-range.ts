import { containsAny } from '../../text/keywords.js';
import { findPercents, rateLabel } from '../../text/rates.js';
import { defineKind } from '../kind.js';

export default defineKind({
  name: 'rate-range',
  summary: '比率（…率）超过 100%',
  docs:
    '逐句查找百分数，取其所在分句中、数字前不远处最后一个「率」字作为它所说明的比率（如「按时完成率97.48%」「参与率、合格率均达100%」）。' +
    '比率（办结率、合格率、满意率、覆盖率……）是部分与整体之比，不会超过 `max`（默认 100）。' +
    '增长、提高之类的变化幅度可以超过 100%：比率名或比率与数字之间出现 `exceptions` 中的词语（如 增长、同比、提高，或 增长率、计划完成率）时不报告；' +
    '没有「率」字的百分数（如「同比增长101.04%」）不在此检查。',
  options: {
    max: { type: 'number', minimum: 1, description: '上限，默认 100' },
    exceptions: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: '比率名或比率与数字之间含这些词时不检查，如 增长、同比、增长率、计划完成率',
    },
  },
  messages: { default: '「{{rate}}」为{{value}}%，超过了{{max}}%：比率不应大于{{max}}%，请核对数字' },
  placeholders: { rate: '比率名称', value: '数值', max: '上限' },
  example: `kind: rate-range
severity: error
exceptions: [增长, 同比, 环比, 提高, 增长率, 计划完成率]`,
  compile(rule) {
    const max = (rule.options.max as number | undefined) ?? 100;
    const exceptions = (rule.options.exceptions as string[] | undefined) ?? [];
    return (rc) => {
      const text = rc.doc.text;
      for (let si = 0, list = rc.doc.sentences; si < list.length; si++) {
        const s = list[si]!;
        rc.checkpoint();
        for (const p of findPercents(text, s.start, s.end)) {
          if (p.value <= max) continue;
          const rate = rateLabel(text, p, s.start);
          if (!rate) continue;
          if (containsAny(rate.label, exceptions) || containsAny(rate.between, exceptions)) continue;
          rc.report({ start: p.start, end: p.end, data: { rate: rate.label, value: p.written, max } });
        }
      }
    };
  },
});
