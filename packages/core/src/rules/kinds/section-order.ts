import { defineKind } from '../kind.js';
import type { SectionMatch } from '../sections.js';
import { headingAnchor, unknownSection } from '../scope.js';

export default defineKind({
  name: 'section-order',
  summary: '各部分须按模板顺序排列',
  docs:
    '按 `sections` 列出的顺序（省略时按各部分定义中的 `order`）检查报告中已出现的部分是否依次排列。' +
    '取最长的有序子序列作为基准，只标出位置不对的部分，因此把一个部分挪错位置只会得到一条诊断。缺少的部分不在此检查（见 required-section）。',
  options: {
    sections: { type: 'array', items: { type: 'string' }, minItems: 2, description: '部分 id，按应有顺序排列' },
  },
  messages: {
    default: '「{{section}}」位置不符合模板顺序：应排在「{{after}}」之后',
    first: '「{{section}}」位置不符合模板顺序：应排在「{{before}}」之前',
  },
  placeholders: { section: '位置不对的部分', after: '应在其后的部分', before: '应在其前的部分' },
  example: `kind: section-order
severity: error
sections: [measures, problems, plans]`,
  compile(rule, ctx) {
    let ids = rule.options.sections as string[] | undefined;
    if (ids) {
      ids.forEach((id, i) => {
        if (!ctx.section(id)) ctx.problem(['sections', i], unknownSection(id, ctx));
      });
    } else {
      ids = ctx
        .allSections()
        .filter((d) => d.order !== undefined && !d.within)
        .sort((a, b) => a.order! - b.order!)
        .map((d) => d.id);
    }
    const order = ids;
    return (rc) => {
      const present = order
        .map((id) => rc.sections.first(id))
        .filter((m): m is SectionMatch => !!m);
      const keep = longestIncreasing(present.map((m) => m.start));
      const kept = [...keep].sort((a, b) => a - b);
      present.forEach((m, i) => {
        if (keep.has(i)) return;
        const prev = kept.filter((k) => k < i).pop();
        const next = kept.find((k) => k > i);
        const data = {
          section: m.def.name,
          after: prev !== undefined ? present[prev]!.def.name : undefined,
          before: next !== undefined ? present[next]!.def.name : undefined,
        };
        rc.report({ ...headingAnchor(m), messageId: prev !== undefined ? 'default' : 'first', data });
      });
    };
  },
});

/** Indices of one longest strictly increasing subsequence (ties count as in order: merged headings). */
export function longestIncreasing(values: number[]): Set<number> {
  const n = values.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! <= values[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[best]!) best = i;
  const out = new Set<number>();
  for (let i = n ? best : -1; i >= 0; i = prev[i]!) out.add(i);
  return out;
}
