import type { Block } from './blocks.js';
import { matchMarkerAtStart } from './markers.js';
import { parseChineseNumeral } from '../text/chinese-numerals.js';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type MetaSource = 'front-matter' | 'title' | 'opening' | 'signature';

export interface ReportDate extends Span {
  year: number;
  month: number;
  day: number;
}

export interface ReportMeta {
  title?: Span;
  year?: { value: number; source: MetaSource; start?: number; end?: number };
  unit?: { value: string; source: MetaSource; start?: number; end?: number };
  signature?: { unit?: Span; date?: ReportDate; start: number; end: number };
  /** 专此报告 / 特此报告 closing line. */
  closing?: Span;
  /** Explicit previous-year report path from front matter. */
  previous?: string;
}

export interface MetadataScan {
  meta: ReportMeta;
  /** Indices of blocks that belong to the title, closing or signature. */
  skip: Set<number>;
  /** Body text range (after the title, before closing/signature). */
  contentStart: number;
  contentEnd: number;
}

const SENTENCE_PUNCT = /[。，,；;！？!?]/;
const DATE_ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_CHINESE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;
const CLOSING = /^(?:专此|特此)报告[。.]?$/;
const UNIT_END = /(?:局|委员会|委|办公室|办|人民政府|政府|厅|中心|院|署|部|处|室|站|所|队|会)$/;

function blockText(text: string, b: Block): string {
  return text.slice(b.contentStart, b.end).trim();
}

export function parseDate(s: string, start: number): ReportDate | undefined {
  const t = s.trim().replace(/\s+/g, '');
  let m = DATE_ARABIC.exec(t);
  let y: number | undefined, mo: number | undefined, d: number | undefined;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = DATE_CHINESE.exec(t))) {
    [y, mo, d] = [parseChineseNumeral(m[1]!), parseChineseNumeral(m[2]!), parseChineseNumeral(m[3]!)];
  }
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  return { text: s.trim(), start, end: start + s.trimEnd().length, year: y, month: mo, day: d };
}

function looksLikeTitle(s: string): boolean {
  if (s.length > 80 || s.length < 4) return false;
  if (/[。：:，,；;]$/.test(s)) return false;
  if (matchMarkerAtStart(s.slice(0, 16), 0)) return false;
  return /报告|法治政府建设|依法行政/.test(s);
}

function extractYear(s: string): { value: number; index: number; length: number } | undefined {
  const m = /(\d{4})\s*年/.exec(s) ?? /([〇零一二三四五六七八九]{4})年/.exec(s);
  if (!m) return undefined;
  const value = /\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
  if (!value || value < 1990 || value > 2100) return undefined;
  return { value, index: m.index, length: m[1]!.length };
}

const OPENING_YEAR = [
  /(\d{4})\s*年度?\s*(?:推进)?(?:法治政府建设|依法行政|法治建设)(?:工作)?(?:情况|年度报告)/,
  /^(\d{4})\s*年度?\s*[，,]/,
  /现将[^。]{0,20}?(\d{4})\s*年/,
];
const OPENING_UNIT =
  /(?:^|[，,。：:])(?:\d{4}年度?[，,])?([\u4e00-\u9fff（）()]{2,40}?(?:局|委员会|委|办公室|人民政府|政府|厅|中心|院|署))(?=在|坚持|始终|深入|认真|以|紧紧|全面|围绕|高度)/;

/**
 * In Markdown the 落款 (closing, unit, date) often follows the last paragraph without a blank
 * line, so remark reads it as part of that paragraph. Those trailing lines become blocks of
 * their own, as they are in a plain-text report.
 */
export function splitTrailingSignature(text: string, blocks: Block[], lineStarts: readonly number[], lineEnd: (line: number) => number): Block[] {
  const last = blocks[blocks.length - 1];
  if (!last || last.kind !== 'prose' || last.lastLine === last.firstLine) return blocks;
  const contentOf = (line: number) => {
    const start = line === last.firstLine ? last.contentStart : lineStarts[line]! + /^[ \t\u3000]*/.exec(text.slice(lineStarts[line], lineEnd(line)))![0].length;
    return { start, text: text.slice(start, lineEnd(line)).trim() };
  };
  let cut = last.lastLine;
  if (!parseDate(contentOf(cut).text, 0)) return blocks;
  const unit = cut - 1 >= last.firstLine ? contentOf(cut - 1).text : '';
  if (unit && unit.length <= 40 && !SENTENCE_PUNCT.test(unit) && !matchMarkerAtStart(unit, 0)) cut--;
  if (cut - 1 >= last.firstLine && CLOSING.test(contentOf(cut - 1).text)) cut--;
  if (cut === last.firstLine) cut++; // keep at least the paragraph's first line as the paragraph
  const head: Block = { ...last, lastLine: cut - 1, end: lineEnd(cut - 1) };
  const tail: Block[] = [];
  for (let line = cut; line <= last.lastLine; line++) {
    tail.push({ kind: 'prose', start: lineStarts[line]!, contentStart: contentOf(line).start, end: lineEnd(line), firstLine: line, lastLine: line });
  }
  return [...blocks.slice(0, -1), head, ...tail];
}

export function scanMetadata(text: string, blocks: Block[], frontMatter: Record<string, unknown> | undefined, textEnd: number): MetadataScan {
  const meta: ReportMeta = {};
  const skip = new Set<number>();
  let contentStart = blocks[0]?.start ?? 0;
  let contentEnd = textEnd;

  // Title: a leading depth-1 Markdown heading, or a short first line that names the report (possibly over two lines).
  const first = blocks[0];
  if (first) {
    const t1 = blockText(text, first);
    const second = blocks[1];
    const t2 = second ? blockText(text, second) : '';
    if ((first.kind === 'heading' && first.depth === 1) || looksLikeTitle(t1)) {
      meta.title = { text: t1, start: first.contentStart, end: first.contentStart + t1.length };
      skip.add(0);
    } else if (second && t1.length <= 30 && !SENTENCE_PUNCT.test(t1) && !matchMarkerAtStart(t1, 0) && looksLikeTitle(t2)) {
      meta.title = { text: `${t1}${t2}`, start: first.contentStart, end: second.contentStart + t2.length };
      skip.add(0).add(1);
    }
    if (meta.title) {
      const last = blocks[Math.max(...skip) + 1];
      contentStart = last?.start ?? textEnd;
    }
  }

  // Signature at the end: [专此报告。] [unit] date.
  let i = blocks.length - 1;
  const lastText = i >= 0 ? blockText(text, blocks[i]!) : '';
  const date = i > 0 ? parseDate(lastText, blocks[i]!.contentStart) : undefined;
  if (date) {
    const sig: NonNullable<ReportMeta['signature']> = { date, start: blocks[i]!.start, end: blocks[i]!.end };
    skip.add(i);
    i--;
    const unitText = i >= 0 ? blockText(text, blocks[i]!) : '';
    if (i >= 0 && !skip.has(i) && unitText.length <= 40 && !SENTENCE_PUNCT.test(unitText) && !matchMarkerAtStart(unitText, 0)) {
      sig.unit = { text: unitText, start: blocks[i]!.contentStart, end: blocks[i]!.contentStart + unitText.length };
      sig.start = blocks[i]!.start;
      skip.add(i);
      i--;
    }
    meta.signature = sig;
    contentEnd = sig.start;
  }
  if (i >= 0 && !skip.has(i) && CLOSING.test(blockText(text, blocks[i]!))) {
    const b = blocks[i]!;
    meta.closing = { text: blockText(text, b), start: b.contentStart, end: b.end };
    skip.add(i);
    contentEnd = b.start;
  }

  // Year: front matter, title, opening paragraph, then the signature date.
  const fmYear = Number(frontMatter?.year);
  if (Number.isInteger(fmYear) && fmYear > 1990) meta.year = { value: fmYear, source: 'front-matter' };
  if (!meta.year && meta.title) {
    const y = extractYear(meta.title.text);
    if (y) meta.year = { value: y.value, source: 'title', start: meta.title.start + y.index, end: meta.title.start + y.index + y.length };
  }
  const opening = blocks.filter((_, idx) => !skip.has(idx)).slice(0, 2);
  if (!meta.year) {
    outer: for (const b of opening) {
      const s = text.slice(b.contentStart, Math.min(b.end, b.contentStart + 600));
      for (const re of OPENING_YEAR) {
        const m = re.exec(s);
        if (m) {
          const at = b.contentStart + m.index + m[0].indexOf(m[1]!);
          meta.year = { value: Number(m[1]), source: 'opening', start: at, end: at + 4 };
          break outer;
        }
      }
    }
  }
  if (!meta.year && meta.signature?.date) {
    const d = meta.signature.date;
    meta.year = { value: d.month <= 6 ? d.year - 1 : d.year, source: 'signature', start: d.start, end: d.end };
  }

  // Unit: front matter, title prefix, signature, opening sentence.
  if (typeof frontMatter?.unit === 'string' && frontMatter.unit.trim()) meta.unit = { value: frontMatter.unit.trim(), source: 'front-matter' };
  if (!meta.unit && meta.title) {
    const y = extractYear(meta.title.text);
    const prefix = (y ? meta.title.text.slice(0, y.index) : '').replace(/^关于/, '').trim();
    if (prefix.length >= 2 && UNIT_END.test(prefix)) meta.unit = { value: prefix, source: 'title', start: meta.title.start, end: meta.title.start + prefix.length };
  }
  if (!meta.unit && meta.signature?.unit) {
    const u = meta.signature.unit;
    meta.unit = { value: u.text, source: 'signature', start: u.start, end: u.end };
  }
  if (!meta.unit) {
    for (const b of opening) {
      const s = text.slice(b.contentStart, Math.min(b.end, b.contentStart + 300));
      const m = OPENING_UNIT.exec(s);
      if (m && !/^(?:我|本|区委|市委|省委)/.test(m[1]!)) {
        const at = b.contentStart + m.index + m[0].indexOf(m[1]!);
        meta.unit = { value: m[1]!, source: 'opening', start: at, end: at + m[1]!.length };
        break;
      }
    }
  }
  if (typeof frontMatter?.previous === 'string') meta.previous = frontMatter.previous;
  return { meta, skip, contentStart, contentEnd };
}
