import { canonicalMarker, formatChineseNumeral, type LintResult, type MarkerType, type OutlineNode, type SectionDefinition } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import { checkedAnalysis, type ServerContext } from '../context.js';

export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = Object.freeze(['（', '(']);

/** One level down in GB/T 9704 order: 一、 → （一） → 1. → （1） → ①. */
const CHILD_TYPE: Partial<Record<MarkerType, MarkerType>> = {
  'cn-part': 'cn-paren',
  'cn-dun': 'cn-paren',
  'cn-paren': 'arabic',
  arabic: 'arabic-paren',
  'arabic-paren': 'circled',
};

/** What may be typed at a line start before asking: indentation, a Markdown prefix, part of a marker. */
const LINE_START = /^([ \t\u3000]*(?:>[ \t]?)*(?:#{1,6}[ \t]+)?)([（(]?[一二三四五六七八九十\d]*[)）]?)$/;

/**
 * At a line start: the next outline marker (after 三、 → 四、; after （二） → （三）; one level
 * down; the next marker of each enclosing level), and snippets inserting the required parts the
 * report still lacks, numbered and worded as the template's standard headings.
 */
export class CompletionProvider {
  constructor(private readonly ctx: ServerContext) {}

  async provideCompletion(doc: TextDocument, position: Position, token: CancellationToken): Promise<CompletionList | null> {
    const analysis = await checkedAnalysis(this.ctx, doc);
    if (!analysis || token.isCancellationRequested) return null;
    const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    const m = LINE_START.exec(before);
    if (!m) return null;
    const markerRange: Range = { start: { line: position.line, character: m[1]!.length }, end: position };
    const lineStart = doc.offsetAt({ line: position.line, character: 0 });
    const typed = m[2]!;
    const items = nextMarkers(analysis.result, lineStart).map((c, i): CompletionItem => ({
      label: c.marker,
      kind: CompletionItemKind.EnumMember,
      detail: c.detail,
      sortText: `0${String(i).padStart(2, '0')}`,
      // A half-width "(" typed before asking still matches the full-width （三）.
      filterText: typed && !c.marker.startsWith(typed) ? `${typed}${c.marker}` : c.marker,
      textEdit: { range: markerRange, newText: c.marker },
    }));
    const lineRange: Range = { start: { line: position.line, character: 0 }, end: position };
    items.push(...missingParts(this.ctx.client.snippets, doc, analysis.result, lineRange));
    return { isIncomplete: false, items };
  }
}

interface MarkerCandidate {
  marker: string;
  detail: string;
}

/** Candidates from the last outline item above the line: its next sibling, its first child, then each ancestor's next sibling. */
export function nextMarkers(result: LintResult, lineStart: number): MarkerCandidate[] {
  const text = result.document.text;
  const above = result.document.nodes.filter((n) => n.markerType && !n.midParagraph && n.start < lineStart);
  const last = above[above.length - 1];
  const fmt = (n: number) => formatChineseNumeral(n);
  const out: MarkerCandidate[] = [];
  const add = (marker: string, detail: string) => {
    if (!out.some((c) => c.marker === marker)) out.push({ marker, detail });
  };
  if (!last) {
    add(canonicalMarker('cn-dun', 1, fmt), '第一个部分');
    return out;
  }
  const quote = (n: OutlineNode) => `「${text.slice(n.start, Math.min(n.titleEnd, n.start + 16))}${n.titleEnd - n.start > 16 ? '…' : ''}」`;
  add(canonicalMarker(last.markerType!, (last.number ?? 0) + 1, fmt), `接${quote(last)}的下一项`);
  const child = CHILD_TYPE[last.markerType!];
  if (child && !last.children.some((c) => c.markerType === child)) add(canonicalMarker(child, 1, fmt), `${quote(last)}下的第一个小项`);
  for (let p = last.parent; p && p.kind !== 'root'; p = p.parent) {
    if (p.markerType && p.number !== undefined) add(canonicalMarker(p.markerType, p.number + 1, fmt), `接${quote(p)}的下一项`);
  }
  return out;
}

function missingParts(snippets: boolean, doc: TextDocument, result: LintResult, range: Range): CompletionItem[] {
  const { sections, facts, document } = result;
  const eol = /\r\n/.test(document.text) ? '\r\n' : '\n';
  const prefix = partPrefix(result);
  const missing = facts
    .filter((f) => f.type === 'section' && !f.found && f.id)
    .map((f) => sections.definition(f.id!))
    .filter((d): d is SectionDefinition => !!d)
    .sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
  const subsections = facts
    .filter((f) => f.type === 'subsection' && !f.found && f.id && !f.detail)
    .map((f) => sections.definition(f.id!))
    .filter((d): d is SectionDefinition => !!d);

  const body = (tab: number) => (snippets ? `\${${tab}:（在此填写内容）}` : '（在此填写内容）');
  const part = (d: SectionDefinition, tab: number) => `${prefix}${d.order ? `${formatChineseNumeral(d.order)}、` : ''}${escape(d.heading ?? d.name, snippets)}${eol}${body(tab)}${eol}`;
  const item = (label: string, detail: string, text: string, i: number): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: `1${String(i).padStart(2, '0')}`,
    filterText: doc.getText(range) || label,
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: text },
  });
  const out: CompletionItem[] = [];
  if (missing.length > 1) {
    out.push(item(`插入缺少的 ${missing.length} 个部分`, missing.map((d) => d.name).join('、'), missing.map((d, i) => part(d, i + 1)).join(''), 0));
  }
  missing.forEach((d, i) => {
    const label = `插入${d.order ? `第${formatChineseNumeral(d.order)}部分` : '部分'}「${d.name}」`;
    out.push(item(label, d.heading ?? d.name, part(d, 1), i + 1));
  });
  subsections.forEach((d, i) => {
    const parent = d.within ? sections.definition(d.within) : undefined;
    const text = `（一）${escape(d.heading ?? d.name, snippets)}${eol}${body(1)}${eol}`;
    out.push(item(`插入小节「${d.name}」`, parent ? `「${parent.name}」中的小节` : d.name, text, missing.length + 1 + i));
  });
  return out;
}

/** Markdown reports whose parts are headings (## 一、…) get the same heading level. */
function partPrefix(result: LintResult): string {
  if (result.document.format !== 'markdown') return '';
  const part = result.document.nodes.find((n) => n.rank === 1 && n.kind === 'heading');
  const depth = part ? result.document.blocks[part.blockIndex]?.depth : undefined;
  return depth ? `${'#'.repeat(depth)} ` : '';
}

function escape(s: string, snippet: boolean): string {
  return snippet ? s.replace(/[\\$}]/g, (c) => `\\${c}`) : s;
}
