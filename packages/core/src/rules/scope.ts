import type { ReportDocument } from '../document/parse.js';
import { detectLineEnding, type LineEnding } from '../text/line-index.js';
import type { CompileContext, JsonSchema, RuleContext } from './kind.js';
import type { SectionMatch } from './sections.js';

/** `scope` option shared by kinds that look at text: the whole document or some sections. */
export const SCOPE_SCHEMA: JsonSchema = {
  description: '检查范围：document（全文，默认）或部分 id（可为列表），如 measures',
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
};

export function scopeIds(value: unknown): string[] | undefined {
  if (value === undefined || value === 'document') return undefined;
  return Array.isArray(value) ? (value as string[]) : [String(value)];
}

export function checkScope(value: unknown, ctx: CompileContext, key = 'scope'): string[] | undefined {
  const ids = scopeIds(value);
  ids?.forEach((id, i) => {
    if (!ctx.section(id)) ctx.problem(Array.isArray(value) ? [key, i] : [key], unknownSection(id, ctx));
  });
  return ids;
}

export function unknownSection(id: string, ctx: CompileContext): string {
  const known = ctx.allSections().map((s) => s.id);
  return `未定义的部分 "${id}"${known.length ? `，可用的部分：${known.join('、')}` : ''}`;
}

export interface ScopeRange {
  start: number;
  end: number;
  match?: SectionMatch;
}

/** The text ranges a scope covers; `missing` lists scope sections the report lacks. */
export function resolveScope(ctx: RuleContext, ids: string[] | undefined): { ranges: ScopeRange[]; missing: string[] } {
  if (!ids) return { ranges: [{ start: 0, end: ctx.doc.text.length }], missing: [] };
  const ranges: ScopeRange[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const found = ctx.sections.matches(id);
    if (found.length === 0) missing.push(id);
    for (const m of found) ranges.push({ start: m.start, end: m.bodyEnd, match: m });
  }
  ranges.sort((a, b) => a.start - b.start);
  return { ranges, missing };
}

/** Where document-level findings are shown: the title, else the first sentence of the body. */
export function documentAnchor(doc: ReportDocument): { start: number; end: number } {
  if (doc.meta.title) return { start: doc.meta.title.start, end: doc.meta.title.end };
  const first = doc.bodyBlocks[0];
  if (!first) return { start: 0, end: Math.min(doc.text.length, doc.lines.lineEnd(0)) };
  const text = doc.text.slice(first.contentStart, Math.min(first.end, first.contentStart + 40));
  // A punctuation stop is part of the range; a line break is not (an offset between \r and \n has no LSP position).
  const stop = text.search(/[，,。！？；;!?\r\n]/);
  const end = stop < 0 ? text.length : /[\r\n]/.test(text[stop]!) ? stop : stop + 1;
  return { start: first.contentStart, end: first.contentStart + Math.max(end, 1) };
}

/** Where a finding about the end of the report is shown: its last body line. */
export function endAnchor(doc: ReportDocument): { start: number; end: number } {
  const last = doc.bodyBlocks[doc.bodyBlocks.length - 1];
  if (!last) return documentAnchor(doc);
  // The last sentence of the last paragraph (at most 40 characters).
  const text = doc.text.slice(last.contentStart, last.end).replace(/[\s\u3000]+$/, '');
  const end = last.contentStart + text.length;
  const stop = Math.max(...['。', '！', '？', '；', ';', '\n'].map((c) => text.lastIndexOf(c, text.length - 2)));
  const start = Math.max(last.contentStart + stop + 1, end - 40);
  return { start, end };
}

export function headingAnchor(m: SectionMatch): { start: number; end: number } {
  return { start: m.start, end: Math.max(m.end, m.start + 1) };
}

/** The document's line break, for inserted text. */
export function newline(doc: ReportDocument): LineEnding {
  return detectLineEnding(doc.text);
}

/** Offset of the start of the line containing `offset`. */
export function lineStartOf(doc: ReportDocument, offset: number): number {
  return doc.lines.lineStarts[doc.lines.positionAt(offset).line]!;
}

/** Whether [start, end) lies inside one paragraph of prose (title and signature included; code, HTML and web residue not). */
export function inText(doc: ReportDocument, start: number, end = start + 1): boolean {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (start < b.contentStart) hi = mid - 1;
    else if (start >= b.end) lo = mid + 1;
    else return end <= b.end;
  }
  return false;
}

/**
 * Runs a global regex over every prose paragraph. `visit` gets each match with document offsets
 * and returns false to reject it, in which case the search resumes one character later (so a
 * rejected candidate does not hide an overlapping one).
 */
export function scanParagraphs(doc: ReportDocument, re: RegExp, visit: (m: RegExpExecArray, start: number, end: number) => boolean): void {
  for (let bi = 0, list = doc.blocks; bi < list.length; bi++) {
    const block = list[bi]!;
    const slice = doc.text.slice(block.contentStart, block.end);
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = block.contentStart + m.index;
      // A rejected or empty match resumes one character later: the search always moves on.
      if (!visit(m, start, start + m[0].length) || !m[0].length) re.lastIndex = m.index + 1;
    }
  }
}

/** A finding on personal data, with a suggestion (never an automatic fix) to replace it by its masked form. */
export function reportMasked(rc: RuleContext, start: number, end: number, masked: string): void {
  rc.report({ start, end, data: { masked }, suggestions: [{ title: `脱敏为「${masked}」`, edits: [{ start, end, text: masked }] }] });
}
