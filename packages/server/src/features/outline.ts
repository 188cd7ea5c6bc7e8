import type { LintResult, OutlineNode } from '@fzlint/core';
import { formatChineseNumeral } from '@fzlint/core';

/** Shared by document symbols and folding: the outline nodes a reader navigates by, and their extent. */

/** Where a node's own content ends: its `end` without the blank lines and line break before the next heading. */
export function contentEnd(text: string, node: OutlineNode): number {
  let end = node.end;
  while (end > node.titleEnd && /[\s\u3000]/.test(text[end - 1]!)) end--;
  return Math.max(end, node.titleEnd);
}

/** The label a reader sees: the marker as written, then the title (「一、加强党的领导」). */
export function nodeLabel(text: string, node: OutlineNode): string {
  const marker = node.marker ? text.slice(node.marker.start, node.marker.end).trim() : '';
  const label = `${marker}${node.title}`.trim();
  return label || '（无标题）';
}

/** Which template parts a node was recognised as, for the symbol's detail. */
export function recognisedDetail(result: LintResult, node: OutlineNode): string | undefined {
  const defs = result.sections.recognisedAs(node);
  if (!defs.length) return undefined;
  return defs.map((d) => (d.order && !d.within ? `第${formatChineseNumeral(d.order)}部分：${d.name}` : d.name)).join('；');
}
