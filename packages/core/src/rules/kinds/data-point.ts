import { clausesOf, continuesPrevious, isOrdinal, labelOf, valueKindMatches, type Clause, type ValueKind } from '../../text/data-values.js';
import { findFigures } from '../../text/figures.js';
import { containsAny, findWords, shieldedBy, type Occurrence } from '../../text/keywords.js';
import { defineKind, type FactValue } from '../kind.js';
import { checkScope, documentAnchor, headingAnchor, resolveScope, SCOPE_SCHEMA } from '../scope.js';

const VALUE_KINDS = ['any', 'percent', 'count'] as const;
/** Values kept per rule and report: enough for any table, bounded for a pathological document. */
const MAX_VALUES = 50;

export default defineKind({
  name: 'data-point',
  summary: '报告须给出某项具体数据（关键词与带单位的数字出现在同一分句中），找到的数值记入合规清单',
  docs:
    '在 `scope` 范围内逐句查找：句中含 `keywords` 之一（落在 `exceptions` 中某个词之内的不算，如「尊法学法守法用法」中的「学法」）、' +
    '（若设置）含 `near` 之一，并且在关键词、`near` 或 `labels` 中的词所在的分句（逗号、分号分隔）中有一个带单位的数字' +
    '（`value: percent` 要求百分比；`count` 要求次数、件数等，不含时长、金额；`units` 指定具体单位）。' +
    '分句以「全年」「共」「累计」等开头时，它的数字也算前一分句的（组织中心组专题学法，全年共4次）。' +
    '序数不是数据：「第14次」「八届14次常务会议」不算；分句中含 `unless` 中的词时，其中的数字说的是别的事，也不算。' +
    '找到的每个数值（数字、单位、所说明的项目、所在句子）都记入合规清单，供审查汇总表使用；一个也没有时，在范围所在部分的标题（全文范围时在标题或首句）上报告。' +
    '年份、日期、编号不算数据。',
  options: {
    name: { type: 'string', description: '数据项名称，如「学法考试参考率/合格率」' },
    keywords: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '句中须含其一' },
    near: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '句中还须含其一（可选），如 合格率、参考率；它所在分句中的数字也算' },
    labels: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '不要求出现，但所在分句中的数字也算，如 按时答复率（受理依申请公开128件，按时答复率100%）' },
    value: { enum: [...VALUE_KINDS], description: '数字类型：any（默认）、percent、count（次数、件数等，不含时长和金额）' },
    units: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '数字须带这些单位之一，如 [次, 场]（设置后忽略 value；比较的是万、亿、余、多之后的单位：60余次算「次」，300人次不算）' },
    exceptions: { type: 'array', items: { type: 'string', minLength: 1 }, description: '关键词落在这些词之内时不算，如口号「尊法学法守法用法」' },
    unless: { type: 'array', items: { type: 'string', minLength: 1 }, description: '分句含这些词时其中的数字不算（数的是别的事），如 审议、听取' },
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
    const labelWords = [...near, ...((rule.options.labels as string[] | undefined) ?? [])];
    const value = (rule.options.value as ValueKind | undefined) ?? 'any';
    const units = (rule.options.units as string[] | undefined) ?? [];
    const exceptions = (rule.options.exceptions as string[] | undefined) ?? [];
    const unless = (rule.options.unless as string[] | undefined) ?? [];
    return (rc) => {
      const { ranges, missing } = resolveScope(rc, ids);
      const text = rc.doc.text;
      const values: FactValue[] = [];
      let first: { start: number; end: number } | undefined;
      for (const r of ranges) {
        // Keywords are found once per range, then each hit's sentence is looked at (not every sentence against every keyword).
        const hits = findWords(text, keywords, r.start, r.end).filter((h) => !shieldedBy(text, h.start, h.end, exceptions));
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
        for (let si = lo; si < sentences.length && values.length < MAX_VALUES; si++) {
          const s = sentences[si]!;
          rc.checkpoint();
          while (h < hits.length && hits[h]!.end <= s.start) h++;
          if (h >= hits.length) break;
          if (s.end <= r.start || s.start >= r.end || hits[h]!.start >= s.end) continue;
          const start = Math.max(s.start, r.start);
          const end = Math.min(s.end, r.end);
          const own: Occurrence[] = [];
          for (let k = h; k < hits.length && hits[k]!.start < end; k++) if (hits[k]!.start >= start && hits[k]!.end <= end) own.push(hits[k]!);
          const found = sentenceValues(text, start, end, own, near, labelWords, unless, (f) => valueKindMatches(f, value, units));
          if (!found.length) continue;
          first ??= { start: s.start, end: s.end };
          const sentence = text.slice(s.start, s.end).trim().slice(0, 120);
          for (const v of found) if (values.length < MAX_VALUES) values.push({ ...v, sentence });
        }
      }
      if (first) {
        rc.record({ type: 'data-point', name, found: true, start: first.start, end: first.end, detail: text.slice(first.start, first.end).trim().slice(0, 80), values });
        return;
      }
      rc.record({ type: 'data-point', name, found: false });
      if (ids && ranges.length === 0 && missing.length) return; // the missing section is reported by its own rule
      const anchor = ranges[0]?.match ? headingAnchor(ranges[0].match) : documentAnchor(rc.doc);
      rc.report({ ...anchor, data: { name } });
    };
  },
});

/**
 * The values one sentence gives for the data item: figures of the wanted kind in a clause that
 * names the item (a keyword, a near word or a label), or in a clause continuing one that does.
 */
function sentenceValues(
  text: string,
  start: number,
  end: number,
  hits: Occurrence[],
  near: readonly string[],
  labelWords: readonly string[],
  unless: readonly string[],
  wanted: (f: ReturnType<typeof findFigures>[number]) => boolean,
): Array<Omit<FactValue, 'sentence'>> {
  const sentence = text.slice(start, end);
  if (near.length && !containsAny(sentence, near)) return [];
  const figures = findFigures(text, start, end).filter((f) => wanted(f) && !isOrdinal(text, f));
  if (!figures.length) return [];
  const labels = [...hits, ...(labelWords.length ? findWords(text, labelWords, start, end) : [])].sort((a, b) => a.start - b.start);
  const clauses = clausesOf(text, start, end);
  const names = (c: Clause) => labels.some((l) => l.start >= c.start && l.end <= c.end);
  const out: Array<Omit<FactValue, 'sentence'>> = [];
  for (let ci = 0; ci < clauses.length; ci++) {
    const c = clauses[ci]!;
    const subject = names(c) ? c : ci > 0 && names(clauses[ci - 1]!) && continuesPrevious(text, c) ? clauses[ci - 1]! : undefined;
    if (!subject || containsAny(text.slice(c.start, c.end), unless)) continue;
    for (const f of figures) {
      if (f.start < c.start || f.end > c.end) continue;
      const label = labelOf(text, f, c, labels) ?? labelOf(text, f, subject, labels);
      out.push({ value: f.value, unit: f.unit, text: text.slice(f.start, f.end), ...(label ? { label } : {}), start: f.start, end: f.end });
    }
  }
  return out;
}
