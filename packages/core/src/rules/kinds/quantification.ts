import type { OutlineNode } from '../../document/outline.js';
import { isOrdinal } from '../../text/data-values.js';
import { findFigures } from '../../text/figures.js';
import { defineKind } from '../kind.js';
import { checkScope, resolveScope, SCOPE_SCHEMA } from '../scope.js';

/** The units a section is judged by: its block-level children, else its inline items, else itself. */
function units(node: OutlineNode): OutlineNode[] {
  const blocks = node.children.filter((c) => c.kind !== 'inline' && !c.midParagraph);
  if (blocks.length) return blocks;
  const inline = node.children.filter((c) => c.kind === 'inline');
  return inline.length ? inline : [node];
}

export default defineKind({
  name: 'quantification',
  summary: '范围内每个小节至少给出若干带单位的数据（次数、件数、比例等）',
  docs:
    '审查者要看数字而不是口号。对 `scope` 中每个部分的每个下级小节（没有（一）（二）时按一是、二是，都没有时按整个部分），' +
    '统计带单位的数字（55次、2.83亿条、100%；年份、日期和「第14次」这样的序数不计），少于 `min` 个时在小节标题上报告。',
  options: {
    scope: SCOPE_SCHEMA,
    min: { type: 'integer', minimum: 1, description: '每个小节至少的数据个数，默认 1' },
  },
  required: ['scope'],
  messages: { default: '「{{title}}」缺少量化数据（如次数、件数、比例），建议补充具体数字' },
  placeholders: { title: '小节标题（截取）', count: '已有数据个数', min: '要求个数' },
  example: `kind: quantification
severity: info
scope: measures
min: 1`,
  compile(rule, ctx) {
    const ids = checkScope(rule.options.scope, ctx);
    const min = Number(rule.options.min ?? 1);
    return (rc) => {
      const { ranges } = resolveScope(rc, ids);
      for (const r of ranges) {
        if (!r.match?.node) continue;
        for (const unit of units(r.match.node)) {
          rc.checkpoint();
          // 第14次常务会议 says which meeting: an ordinal is not a figure.
          const figures = findFigures(rc.doc.text, unit.start, unit.end).filter((f) => !isOrdinal(rc.doc.text, f));
          const title = unit.title.length > 24 ? `${unit.title.slice(0, 24)}…` : unit.title;
          rc.record({ type: 'quantification', name: title, found: figures.length >= min, start: unit.start, end: unit.titleEnd });
          if (figures.length < min) {
            rc.report({ start: unit.start, end: Math.max(unit.titleEnd, unit.start + 1), data: { title, count: figures.length, min } });
          }
        }
      }
    };
  },
});
