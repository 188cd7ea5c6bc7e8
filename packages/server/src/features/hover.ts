import { formatChineseNumeral, type Diagnostic, type SectionDefinition } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type CancellationToken, type Hover, type Position, type Range } from 'vscode-languageserver';
import { checkedAnalysis, type ServerContext } from '../context.js';
import type { Analysis } from '../analysis.js';
import { builtinFinding } from '@fzlint/workspace';
import { pathKey } from '../workspace/paths.js';

const SEVERITY_NAME = { error: '错误', warning: '警告', info: '提示' } as const;

/**
 * Hover in Chinese: on a diagnostic, what the rule checks, why, the guideline it rests on and,
 * for cross-year findings, last year's text it refers to; on a part heading, which required
 * part of the template it was recognised as.
 */
export class HoverProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideHover(doc: TextDocument, position: Position, token: CancellationToken): Promise<Hover | null> {
    const analysis = await checkedAnalysis(this.ctx, doc);
    if (!analysis || token.isCancellationRequested) return null;
    const offset = doc.offsetAt(position);
    const parts: string[] = [];
    let range: Range | undefined;

    const hits = analysis.diagnostics.filter((d) => d.start <= offset && offset <= Math.max(d.end, d.start + 1));
    const seen = new Set<string>();
    for (const d of hits) {
      if (seen.has(d.ruleId)) continue;
      seen.add(d.ruleId);
      parts.push(explainRule(analysis, d));
      range ??= d.range;
    }
    const heading = headingAt(analysis, offset);
    if (heading) {
      parts.push(heading.text);
      range ??= heading.range;
    }
    if (!parts.length) return null;
    const value = parts.join('\n\n---\n\n');
    return {
      contents: this.ctx.client.markdownHover ? { kind: MarkupKind.Markdown, value } : { kind: MarkupKind.PlainText, value: value.replace(/\*\*|`/g, '') },
      range,
    };
  }
}

function explainRule(analysis: Analysis, d: Diagnostic): string {
  const def = analysis.result?.rules.get(d.ruleId)?.def;
  const builtin = builtinFinding(d.ruleId);
  const lines = [`**${d.ruleId}**（${SEVERITY_NAME[d.severity]}）`];
  const description = def?.description ?? builtin?.description;
  if (description) lines.push(description);
  const doc = def?.doc ?? builtin?.doc;
  if (doc) lines.push(doc.trim());
  if (def?.source) lines.push(`**依据**：${def.source}`);
  const previous = analysis.result?.previous;
  for (const r of d.related ?? []) {
    if (!r.path || !previous || pathKey(r.path) !== pathKey(previous.path)) continue;
    const quoted = previous.doc.text.slice(r.start, r.end).replace(/\s+/g, ' ').trim();
    if (quoted) lines.push(`**上一年度报告**（第 ${r.range.start.line + 1} 行）：「${quoted.length > 200 ? `${quoted.slice(0, 200)}…` : quoted}」`);
  }
  if (def?.url) lines.push(`[详细说明](${def.url})`);
  if (def && !def.description && !def.doc) lines.push(`规则类型：\`${def.kind}\``);
  return lines.join('\n\n');
}

/** A heading (or a paragraph opening recognised as a subsection) under the cursor, and what the template calls it. */
function headingAt(analysis: Analysis, offset: number): { text: string; range: Range } | undefined {
  const result = analysis.result!;
  const { sections, document } = result;
  const lines = document.lines;
  const node = document.nodes.find((n) => n.kind !== 'inline' && n.start <= offset && offset <= n.titleEnd);
  const template = result.edition ? `「${result.edition.name}」` : '模板';
  if (node) {
    const defs = sections.recognisedAs(node);
    const range = lines.rangeOf(node.start, node.titleEnd);
    if (defs.length) return { text: defs.map((d) => recognised(d, sections.definition(d.within ?? ''), template)).join('\n\n'), range };
    if (node.rank === 1 && sections.definitions().some((d) => !d.within)) {
      return { text: `**未识别为${template}的任何部分**\n\n${expected(sections.definitions())}`, range };
    }
    return undefined;
  }
  for (const def of sections.definitions()) {
    if (!def.within) continue;
    const m = sections.matches(def.id).find((x) => !x.node && x.start <= offset && offset <= x.end);
    if (m) return { text: recognised(def, sections.definition(def.within), template), range: lines.rangeOf(m.start, m.end) };
  }
  return undefined;
}

function recognised(def: SectionDefinition, parent: SectionDefinition | undefined, template: string): string {
  const lines: string[] = [];
  if (parent) lines.push(`**识别为「${parent.name}」中的小节**：${def.name}`);
  else if (def.order) lines.push(`**识别为${template}第${formatChineseNumeral(def.order)}部分**：${def.name}`);
  else lines.push(`**识别为${template}中的部分**：${def.name}`);
  if (def.heading && def.heading !== def.name) lines.push(`标准标题：${def.heading}`);
  return lines.join('\n\n');
}

function expected(defs: SectionDefinition[]): string {
  const parts = defs.filter((d) => !d.within && d.order).sort((a, b) => a.order! - b.order!);
  return parts.length ? `应有的部分：${parts.map((d) => `${formatChineseNumeral(d.order!)}、${d.name}`).join('；')}` : '';
}
