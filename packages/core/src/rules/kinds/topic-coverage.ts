import { findWords } from '../../text/keywords.js';
import { defineKind } from '../kind.js';
import { checkScope, documentAnchor, headingAnchor, resolveScope, SCOPE_SCHEMA } from '../scope.js';

interface Topic {
  name: string;
  keywords: string[];
  min: number;
}

export default defineKind({
  name: 'topic-coverage',
  summary: '报告应涉及一组主题（如事项指引的各项内容），只给出一条列出未涉及主题的汇总',
  docs:
    '`topics` 列出主题，每个主题有名称和关键词；范围内（`scope`，默认全文）关键词出现的次数合计达到 `min`（默认 1，可按主题设置）即视为涉及。' +
    '每个主题的结果都记入合规清单；有未涉及的主题时，只在标题（或首句）上给出一条诊断，列出全部未涉及的主题，避免刷屏。' +
    '关键词只是线索：某主题本单位确实没有工作可写时，可在配置中去掉该主题或关闭本规则。',
  options: {
    topics: {
      type: 'array',
      minItems: 1,
      description: '主题列表：name 名称，keywords 关键词，min 最少出现次数（可选）',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: '主题名称' },
          keywords: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: '关键词' },
          min: { type: 'integer', minimum: 1, description: '关键词最少出现次数，默认同规则的 min' },
        },
        required: ['name', 'keywords'],
        additionalProperties: false,
      },
    },
    min: { type: 'integer', minimum: 1, description: '每个主题关键词最少出现次数，默认 1' },
    scope: SCOPE_SCHEMA,
  },
  required: ['topics'],
  messages: { default: '以下 {{count}} 项内容（共 {{total}} 项）未见涉及：{{missing}}' },
  placeholders: { missing: '未涉及的主题（顿号分隔）', count: '未涉及的项数', total: '主题总数' },
  example: `kind: topic-coverage
severity: info
topics:
  - name: 组织领导
    keywords: [组织领导, 第一责任人, 领导小组]
  - name: 严格规范公正文明执法
    keywords: [行政执法, 执法检查]`,
  compile(rule, ctx) {
    const ids = checkScope(rule.options.scope, ctx);
    const defaultMin = (rule.options.min as number | undefined) ?? 1;
    const topics: Topic[] = (rule.options.topics as Array<Record<string, unknown>>).map((t) => ({
      name: String(t.name),
      keywords: t.keywords as string[],
      min: (t.min as number | undefined) ?? defaultMin,
    }));
    return (rc) => {
      const { ranges, missing: missingSections } = resolveScope(rc, ids);
      if (ids && ranges.length === 0 && missingSections.length) return; // the missing section is reported by its own rule
      const text = rc.doc.text;
      const missing: string[] = [];
      for (const t of topics) {
        rc.checkpoint();
        const hits = ranges.flatMap((r) => findWords(text, t.keywords, r.start, r.end));
        const found = hits.length >= t.min;
        rc.record({
          type: 'topic',
          name: t.name,
          found,
          start: hits[0]?.start,
          end: hits[0]?.end,
          detail: hits.length ? `关键词出现 ${hits.length} 次：${[...new Set(hits.map((h) => h.word))].slice(0, 5).join('、')}` : '未出现关键词',
        });
        if (!found) missing.push(t.name);
      }
      if (!missing.length) return;
      const anchor = ids && ranges[0]?.match ? headingAnchor(ranges[0].match) : documentAnchor(rc.doc);
      rc.report({ ...anchor, data: { missing, count: missing.length, total: topics.length } });
    };
  },
});
