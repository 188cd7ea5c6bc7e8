import type { OutlineNode } from '../../document/outline.js';
import type { MarkerType } from '../../document/markers.js';
import { formatChineseNumeral } from '../../text/chinese-numerals.js';
import { defineKind } from '../kind.js';

const ALL_TYPES: MarkerType[] = ['cn-part', 'cn-dun', 'cn-paren', 'arabic', 'arabic-paren', 'circled', 'cn-shi', 'cn-di'];

/** The same marker with another number, keeping its bracket and separator style. */
export function renumberMarker(marker: string, type: MarkerType, n: number): string {
  if (type === 'arabic' || type === 'arabic-paren') return marker.replace(/\d+/, String(n));
  if (type === 'circled') return String.fromCharCode(0x2460 + n - 1);
  return marker.replace(/[〇零一二两三四五六七八九十百]+/, formatChineseNumeral(n));
}

export default defineKind({
  name: 'outline-numbering',
  summary: '各级编号连续、不重复，同级编号在上级标题下重新从一开始',
  docs:
    '按公文层次（一、（一）1.（1）以及一是、第一）检查同一上级下同类编号是否从 1 开始依次递增。' +
    '跳号和重号在该编号上报告，并提供改为应有编号的建议（是否确属笔误需由起草人判断，故不自动修复）。' +
    '有的报告把「1.」「2.」「3.」跨（一）（二）连续编排：多数小节都这样接续编号时视为本文的编排习惯，不再要求每个小节从 1 开始，只报告不接续的地方；多数小节重新从 1 开始时，个别接续编号的小节按常规报告。' +
    '`style: true` 时，一级标题写成「一.」「一，」等会被报告并可自动改为「一、」。',
  options: {
    markers: {
      type: 'array',
      items: { enum: ALL_TYPES },
      description: '要检查的编号类型，默认全部：cn-part 第一部分、cn-dun 一、、cn-paren （一）、arabic 1.、arabic-paren （1）、circled ①、cn-shi 一是、cn-di 第一，',
    },
    style: { type: 'boolean', description: '检查一级标题的顿号写法，默认 true' },
  },
  messages: {
    default: '编号不连续：此处应为「{{expected}}」，实为「{{actual}}」',
    repeat: '编号重复：「{{actual}}」与上一项相同，此处应为「{{expected}}」',
    start: '编号应从「{{expected}}」开始，实为「{{actual}}」',
    style: '一级标题编号应使用顿号：「{{expected}}」，而不是「{{actual}}」',
    through: '本文此级编号跨小节连续编排，此处应接续为「{{expected}}」，实为「{{actual}}」',
  },
  placeholders: { expected: '应有的编号', actual: '实际的编号' },
  fixable: 'fix',
  example: `kind: outline-numbering
severity: warning
markers: [cn-dun, cn-paren, arabic]`,
  compile(rule) {
    const types = new Set((rule.options.markers as MarkerType[] | undefined) ?? ALL_TYPES);
    const style = rule.options.style !== false;
    return (rc) => {
      const starts = throughStarts(rc.doc.outline, types);
      const visit = (parent: OutlineNode) => {
        if (!parent.children.length) return;
        const lastByType = new Map<MarkerType, OutlineNode>();
        for (const child of parent.children) {
          const type = child.markerType;
          const marker = child.marker;
          if (type && marker && child.number !== undefined && types.has(type)) {
            const prev = lastByType.get(type);
            const through = !prev ? starts.get(child) : undefined;
            const allowed = prev ? [prev.number! + 1] : (through ?? [1]);
            const expected = allowed.includes(child.number) ? child.number : allowed[allowed.length - 1]!;
            if (child.number !== expected) {
              const expectedText = renumberMarker(marker.text, type, expected);
              rc.report({
                start: marker.start,
                end: marker.end,
                messageId: through ? 'through' : !prev ? 'start' : child.number === prev.number ? 'repeat' : 'default',
                data: { expected: expectedText, actual: marker.text },
                suggestions: [{ title: `改为「${expectedText}」`, edits: [{ start: marker.start, end: marker.end, text: expectedText }] }],
              });
            }
            lastByType.set(type, child);
            if (style && marker.canonical && child.number === expected) {
              rc.report({
                start: marker.start,
                end: marker.end,
                messageId: 'style',
                data: { expected: marker.canonical, actual: marker.text },
                fix: { title: `改为「${marker.canonical}」`, edits: [{ start: marker.start, end: marker.end, text: marker.canonical }] },
              });
            }
          }
          visit(child);
        }
      };
      visit(rc.doc.outline);
    };
  },
});

/**
 * Reports that number 1. 2. 3. straight through the （一）（二） subsections, on purpose and
 * throughout, follow a convention: for the first item of each subsection, the numbers it may
 * start with (the previous subsection's last + 1, or 1 again under a new 一、). The convention
 * holds when more subsections continue the count than restart it (within the same part); a
 * report that mostly restarts keeps the standard rule, and one subsection that continues is
 * reported against it.
 */
function throughStarts(root: OutlineNode, types: ReadonlySet<MarkerType>): Map<OutlineNode, number[]> {
  const out = new Map<OutlineNode, number[]>();
  const groups = new Map<MarkerType, OutlineNode[][]>();
  const collect = (parent: OutlineNode) => {
    const byType = new Map<MarkerType, OutlineNode[]>();
    for (const child of parent.children) {
      if (child.markerType && child.number !== undefined && types.has(child.markerType) && parent !== root) {
        const list = byType.get(child.markerType) ?? [];
        list.push(child);
        byType.set(child.markerType, list);
      }
    }
    for (const [type, list] of byType) groups.set(type, [...(groups.get(type) ?? []), list]);
    for (const child of parent.children) collect(child);
  };
  collect(root);
  for (const list of groups.values()) {
    let continues = 0;
    let restarts = 0;
    for (let k = 1; k < list.length; k++) {
      if (list[k]![0]!.parent?.parent !== list[k - 1]![0]!.parent?.parent) continue;
      const first = list[k]![0]!.number!;
      const last = list[k - 1]![list[k - 1]!.length - 1]!.number!;
      if (first === last + 1 && first !== 1) continues++;
      else if (first === 1) restarts++;
    }
    if (continues <= restarts) continue;
    for (let k = 1; k < list.length; k++) {
      const last = list[k - 1]![list[k - 1]!.length - 1]!.number!;
      const newPart = list[k]![0]!.parent?.parent !== list[k - 1]![0]!.parent?.parent;
      out.set(list[k]![0]!, newPart ? [1, last + 1] : [last + 1]);
    }
  }
  return out;
}
