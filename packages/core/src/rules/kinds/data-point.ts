import { findFigures, type Figure } from '../../text/figures.js';
import { containsAny, findWords } from '../../text/keywords.js';
import { defineKind } from '../kind.js';
import { checkScope, documentAnchor, headingAnchor, resolveScope, SCOPE_SCHEMA } from '../scope.js';

const VALUE_KINDS = ['any', 'percent', 'count'] as const;
type ValueKind = (typeof VALUE_KINDS)[number];

function valueMatches(f: Figure, kind: ValueKind, units: string[]): boolean {
  if (units.length) return units.some((u) => f.unit.endsWith(u));
  if (kind === 'percent') return f.percent;
  if (kind === 'count') return !f.percent;
  return true;
}

export default defineKind({
  name: 'data-point',
  summary: '报告须给出某项具体数据（关键词与带单位的数字出现在同一句中）',
  docs:
    '在 `scope` 范围内逐句查找：句中含 `keywords` 之一、（若设置）含 `near` 之一，并且含一个带单位的数字（`value: percent` 要求百分比，`count` 要求次数/件数等，`units` 指定具体单位）。' +
    '找到即满足，并记入合规清单；找不到时在范围所在部分的标题（全文范围时在标题或首句）上报告。年份、日期、编号不算数据。',
  options: {
    name: { type: 'string', description: '数据项名称，如「学法考试参考率/合格率」' },
    keywords: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '句中须含其一' },
    near: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '句中还须含其一（可选），如 合格率、参考率' },
    value: { enum: [...VALUE_KINDS], description: '数字类型：any（默认）、percent、count' },
    units: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '数字须带这些单位之一，如 [次, 场]（设置后忽略 value）' },
    scope: SCOPE_SCHEMA,
  },
  required: ['name', 'keywords'],
  messages: { default: '未找到「{{name}}」的具体数据' },
  placeholders: { name: '数据项名称' },
  example: `kind: data-point
severity: warning
name: 学法考试参考率/合格率
keywords: [学法考试]
near: [参考率, 参考人数, 合格率, 通过率, 参学率, 参加率]
value: percent`,
  compile(rule, ctx) {
    const ids = checkScope(rule.options.scope, ctx);
    const name = String(rule.options.name);
    const keywords = rule.options.keywords as string[];
    const near = (rule.options.near as string[] | undefined) ?? [];
    const value = (rule.options.value as ValueKind | undefined) ?? 'any';
    const units = (rule.options.units as string[] | undefined) ?? [];
    return (rc) => {
      const { ranges, missing } = resolveScope(rc, ids);
      const text = rc.doc.text;
      for (const r of ranges) {
        // Keywords are found once per range, then each hit's sentence is checked (not every sentence against every keyword).
        const hits = findWords(text, keywords, r.start, r.end);
        if (!hits.length) continue;
        const sentences = rc.doc.sentences;
        let h = 0;
        // Sentences are in document order: start at the first one that can hold the first hit.
        let lo = 0;
        for (let hi = sentences.length; lo < hi; ) {
          const mid = (lo + hi) >> 1;
          if (sentences[mid]!.end <= hits[0]!.start) lo = mid + 1;
          else hi = mid;
        }
        for (let si = lo; si < sentences.length; si++) {
          const s = sentences[si]!;
          rc.checkpoint();
          while (h < hits.length && hits[h]!.end <= s.start) h++;
          if (h >= hits.length) break;
          if (s.end <= r.start || s.start >= r.end || hits[h]!.start >= s.end) continue;
          const sentence = text.slice(s.start, s.end);
          if (near.length && !containsAny(sentence, near)) continue;
          if (!findFigures(text, s.start, s.end).some((f) => valueMatches(f, value, units))) continue;
          rc.record({ type: 'data-point', name, found: true, start: s.start, end: s.end, detail: sentence.trim().slice(0, 80) });
          return;
        }
      }
      rc.record({ type: 'data-point', name, found: false });
      if (ids && ranges.length === 0 && missing.length) return; // the missing section is reported by its own rule
      const anchor = ranges[0]?.match ? headingAnchor(ranges[0].match) : documentAnchor(rc.doc);
      rc.report({ ...anchor, data: { name } });
    };
  },
});
