import { defineKind } from '../kind.js';
import { documentAnchor, newline } from '../scope.js';

export default defineKind({
  name: 'title',
  summary: '报告须有标题，标题含规定名称和报告年度',
  docs:
    '标题是文首一行（或两行）含「报告」「法治政府建设」等字样、不以句号结尾的短文本，Markdown 中也可以是一级标题。' +
    '缺少标题时在文首报告，若已知单位和年度，提供插入「单位+年度+法治政府建设年度报告」的建议；' +
    '标题缺少 `contains` 中的任一词语，或（`requireYear` 时）未写明年度，或写明的年度与正文年度不一致时报告。',
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
      const m = /(\d{4})\s*年/.exec(title.text);
      if (requireYear && !m && !/[〇零][一二三四五六七八九〇零]{1,3}年/.test(title.text)) {
        rc.report({ start: title.start, end: title.end, messageId: 'year' });
      }
      if (m && meta.year && meta.year.source !== 'title' && meta.year.source !== 'front-matter' && Number(m[1]) !== meta.year.value) {
        rc.report({ start: title.start + m.index, end: title.start + m.index + 4, messageId: 'mismatch', data: { titleYear: m[1], year: meta.year.value } });
      }
    };
  },
});
