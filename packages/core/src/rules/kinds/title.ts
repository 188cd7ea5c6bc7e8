import type { TitleMeta } from '../../document/meta-types.js';
import { findYear } from '../../document/year.js';
import { defineKind } from '../kind.js';
import { documentAnchor, newline } from '../scope.js';

/** The value most of `values` have, when one has more than any other. */
function majority(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return sorted[0] && (!sorted[1] || sorted[0][1] > sorted[1][1]) ? sorted[0][0] : undefined;
}

/** The document offset of a character of the (possibly split) title. */
function titleOffset(title: TitleMeta, index: number): number {
  let rest = index;
  for (const p of title.parts) {
    if (rest < p.text.length) return p.start + rest;
    rest -= p.text.length;
  }
  return title.end;
}

export default defineKind({
  name: 'title',
  summary: '报告须有标题，标题含规定名称和报告年度',
  docs:
    '标题是文首（网页残留之后）一行、或分成两三行（如「中共某县委 某县人民政府」「关于2024年度……的报告」）、含「报告」「法治政府建设」等字样、不以句号结尾的短文本，' +
    'Markdown 中也可以是一级标题；「【权威发布】」等栏目标签不算标题的一部分。' +
    '缺少标题时在文首报告，若已知单位和年度，提供插入「单位+年度+法治政府建设年度报告」的建议；' +
    '标题缺少 `contains` 中的任一词语，或（`requireYear` 时）未写明年度，或写明的年度与正文所述年度（开头段落「2024年，……」、各部分标题）不一致时报告。',
  options: {
    contains: { type: 'array', items: { type: 'string', minLength: 1 }, description: '标题必须包含的词语，如 法治政府建设年度报告' },
    requireYear: { type: 'boolean', description: '标题须写明报告年度，默认 true' },
  },
  messages: {
    default: '缺少标题：应以「单位名称+年度+法治政府建设年度报告」为题',
    contains: '标题应包含「{{word}}」',
    year: '标题未写明报告年度',
    mismatch: '标题中的年度（{{titleYear}}年）与正文所述年度（{{year}}年）不一致',
  },
  placeholders: { word: '缺少的词语', titleYear: '标题中的年度', year: '正文中的年度' },
  fixable: 'suggestion',
  example: `kind: title
severity: error
contains: [法治政府建设年度报告]
requireYear: true`,
  compile(rule) {
    const contains = (rule.options.contains as string[] | undefined) ?? [];
    const requireYear = rule.options.requireYear !== false;
    return (rc) => {
      const { meta } = rc.doc;
      const title = meta.title;
      if (!title) {
        const anchor = documentAnchor(rc.doc);
        const unit = meta.unit?.value;
        const suggestions =
          unit && rc.year
            ? [{ title: '插入标题', edits: [{ start: rc.doc.contentStart, end: rc.doc.contentStart, text: `${unit}${rc.year}年法治政府建设年度报告${newline(rc.doc)}` }] }]
            : undefined;
        rc.record({ type: 'meta', name: '标题', found: false });
        rc.report({ ...anchor, suggestions });
        return;
      }
      rc.record({ type: 'meta', name: '标题', found: true, start: title.start, end: title.end, detail: title.text });
      const compact = title.text.replace(/\s+/g, '');
      for (const word of contains) {
        if (!compact.includes(word)) rc.report({ start: title.start, end: title.end, messageId: 'contains', data: { word } });
      }
      const titleYear = findYear(title.text);
      if (requireYear && !titleYear) rc.report({ start: title.start, end: title.end, messageId: 'year' });
      // The body's year: the opening's, else what most headings imply (一、2024年…; （一）2023年度存在问题的整改情况).
      const body = meta.bodyYears ?? [];
      const opening = body.find((y) => y.source === 'opening');
      const bodyYear = opening?.value ?? majority(body.map((y) => y.value));
      if (titleYear && bodyYear !== undefined && bodyYear !== titleYear.value) {
        const at = titleOffset(title, titleYear.index);
        rc.report({ start: at, end: at + titleYear.length, messageId: 'mismatch', data: { titleYear: titleYear.value, year: bodyYear } });
      }
    };
  },
});
