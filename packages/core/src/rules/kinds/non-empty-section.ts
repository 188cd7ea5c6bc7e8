import type { OutlineNode } from '../../document/outline.js';
import { isHanCode } from '../../text/cjk.js';
import { defineKind } from '../kind.js';
import { headingAnchor, unknownSection } from '../scope.js';

const COUNTED = /[\p{L}\p{N}]/gu;

/**
 * Characters of real text in a node's body, headings of its descendants excluded. Counting
 * stops at `limit`: a rule only needs to know whether a part has at least that many.
 */
export function bodyCharCount(text: string, node: OutlineNode, limit = Infinity): number {
  const skip: Array<[number, number]> = [];
  const walk = (n: OutlineNode) => {
    for (const c of n.children) {
      if (c.kind !== 'inline' && !c.midParagraph) skip.push([c.start, c.titleEnd]);
      walk(c);
    }
  };
  walk(node);
  let total = 0;
  const count = (from: number, to: number) => {
    for (let i = from; i < to && total < limit; i++) {
      const c = text.charCodeAt(i);
      // Han and ASCII letters/digits by code; anything else rare enough to ask the Unicode regex.
      if (isHanCode(c) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) total++;
      else if (c >= 0x80 && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f)) {
        COUNTED.lastIndex = 0;
        if (COUNTED.test(text[i]!)) total++;
      }
    }
  };
  let pos = node.bodyStart;
  for (const [s, e] of skip) {
    if (e <= pos) continue;
    count(pos, Math.min(s, node.end));
    pos = Math.max(pos, e);
    if (pos >= node.end) return total;
  }
  count(pos, node.end);
  return total;
}

export default defineKind({
  name: 'non-empty-section',
  summary: '部分不能只有标题而没有内容',
  docs:
    '对 `sections` 中每个已出现的部分（省略时为所有带 order 的顶层部分），统计正文中的文字（不含下级标题），少于 `minChars` 个字时报告。',
  options: {
    sections: { type: 'array', items: { type: 'string' }, minItems: 1, description: '要检查的部分 id；省略时为所有带 order 的顶层部分' },
    minChars: { type: 'integer', minimum: 1, description: '最少字数，默认 10' },
  },
  messages: { default: '「{{section}}」只有标题，缺少实质内容（正文 {{count}} 字）' },
  placeholders: { section: '部分名称', count: '正文字数' },
  example: `kind: non-empty-section
severity: error
minChars: 10`,
  compile(rule, ctx) {
    let ids = rule.options.sections as string[] | undefined;
    if (ids) {
      ids.forEach((id, i) => {
        if (!ctx.section(id)) ctx.problem(['sections', i], unknownSection(id, ctx));
      });
    } else {
      ids = ctx.allSections().filter((d) => d.order !== undefined && !d.within).map((d) => d.id);
    }
    const list = ids;
    const min = Number(rule.options.minChars ?? 10);
    return (rc) => {
      const seen = new Set<OutlineNode>();
      for (const id of list) {
        for (const m of rc.sections.matches(id)) {
          if (!m.node || seen.has(m.node)) continue;
          seen.add(m.node);
          const count = bodyCharCount(rc.doc.text, m.node, min);
          if (count < min) rc.report({ ...headingAnchor(m), data: { section: m.def.name, count } });
        }
      }
    };
  },
});
