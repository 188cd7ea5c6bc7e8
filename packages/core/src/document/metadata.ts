import type { Block } from './blocks.js';
import { matchMarkerAtStart } from './markers.js';
import type { MetaValue, ReportDate, ReportMeta, Span } from './meta-types.js';
import { readRegion } from './region.js';
import { scanTitle } from './title.js';
import { isPlaceOnly, isShortForm, isUnitName, normalizeJoint, resolveShortForm, unitFromOpening, unitFromTitle } from './unit.js';
import { findYear, yearFromHeading, yearFromOpening } from './year.js';
import { parseChineseNumeral } from '../text/chinese-numerals.js';

export type { MetaSource, MetaValue, RegionMeta, ReportDate, ReportMeta, Span, TitleMeta } from './meta-types.js';

export interface MetadataScan {
  meta: ReportMeta;
  /** Indices of blocks that belong to the title, closing or signature (or page furniture above the title). */
  skip: Set<number>;
  /** Body text range (after the title, before closing/signature). */
  contentStart: number;
  contentEnd: number;
  /** Lines above the title that are page furniture by their company (see scanTitle). */
  residueLines: number[];
}

const SENTENCE_PUNCT = /[。，,；;！？!?]/;
const DATE_ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_CHINESE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;
/** A 成文日期 with its month or day not filled in: 2025年  月  日, 二〇二五年 月 日, 2025年X月X日, 年 月 日. */
const DATE_BLANK = /^(?:\d{4}|[〇零一二三四五六七八九]{4}|[XxＸ×＿_□]{2,4})?年(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[XxＸ×＿_□]{1,2})?月(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[XxＸ×＿_□]{1,2})?日$/;
const CLOSING = /^(?:专此|特此)报告[。.]?$/;
/** How many body paragraphs the opening is (a year or unit stated later is not the report's). */
const OPENING_BLOCKS = 2;
const MARKER_FIRST = /[一二三四五六七八九十（(\d①-⑳第]/;
/** How many body paragraphs are searched for headings that state the year. */
const HEADING_BLOCKS = 120;

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

/** A 成文日期 line left for filling in (see DATE_BLANK): its span, or undefined for a real date or other text. */
export function parseBlankDate(s: string, start: number): Span | undefined {
  const t = s.trim().replace(/[\s\u3000]+/g, '');
  if (t.length > 16 || !DATE_BLANK.test(t) || parseDate(s, start)) return undefined;
  return { text: s.trim(), start, end: start + s.trimEnd().length };
}

/** A line of a 落款 that names the unit (short, no sentence punctuation, no outline marker). */
function isSignatureLine(s: string): boolean {
  return !!s && s.length <= 40 && !SENTENCE_PUNCT.test(s) && !matchMarkerAtStart(s, 0);
}

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
  const dateLine = contentOf(cut).text;
  if (!parseDate(dateLine, 0) && !parseBlankDate(dateLine, 0)) return blocks;
  const unit = cut - 1 >= last.firstLine ? contentOf(cut - 1).text : '';
  if (isSignatureLine(unit)) cut--;
  if (cut - 1 >= last.firstLine && CLOSING.test(contentOf(cut - 1).text)) cut--;
  if (cut === last.firstLine) cut++; // keep at least the paragraph's first line as the paragraph
  const head: Block = { ...last, lastLine: cut - 1, end: lineEnd(cut - 1) };
  const tail: Block[] = [];
  for (let line = cut; line <= last.lastLine; line++) {
    tail.push({ kind: 'prose', start: lineStarts[line]!, contentStart: contentOf(line).start, end: lineEnd(line), firstLine: line, lastLine: line });
  }
  return [...blocks.slice(0, -1), head, ...tail];
}

/** 落款 at the end: [专此报告。] [unit (two lines for joint issuers)] date. */
function scanSignature(text: string, blocks: Block[], meta: ReportMeta, skip: Set<number>): number | undefined {
  let i = blocks.length - 1;
  const date = i > 0 ? parseDate(blockText(text, blocks[i]!), blocks[i]!.contentStart) : undefined;
  const blankDate = i > 0 && !date ? parseBlankDate(blockText(text, blocks[i]!), blocks[i]!.contentStart) : undefined;
  let contentEnd: number | undefined;
  if (date || blankDate) {
    const sig: NonNullable<ReportMeta['signature']> = { ...(date ? { date } : { blankDate }), start: blocks[i]!.start, end: blocks[i]!.end };
    skip.add(i);
    i--;
    const lines: Span[] = [];
    for (let k = 0; k < 2 && i >= 0 && !skip.has(i); k++) {
      const s = blockText(text, blocks[i]!);
      if (!isSignatureLine(s) || CLOSING.test(s) || (k === 1 && !isUnitName(s))) break;
      lines.unshift({ text: s, start: blocks[i]!.contentStart, end: blocks[i]!.contentStart + s.length });
      sig.start = blocks[i]!.start;
      skip.add(i);
      i--;
    }
    if (lines.length) sig.unit = { text: lines.map((l) => l.text).join('、'), start: lines[0]!.start, end: lines[lines.length - 1]!.end };
    meta.signature = sig;
    contentEnd = sig.start;
  }
  if (i >= 0 && !skip.has(i) && CLOSING.test(blockText(text, blocks[i]!))) {
    const b = blocks[i]!;
    meta.closing = { text: blockText(text, b), start: b.contentStart, end: b.end };
    skip.add(i);
    contentEnd = b.start;
  }
  return contentEnd;
}

function readYear(text: string, meta: ReportMeta, frontMatter: Record<string, unknown> | undefined, body: Block[]): void {
  const fmYear = Number(frontMatter?.year);
  const evidence: Array<MetaValue<number>> = [];
  for (const b of body.slice(0, OPENING_BLOCKS)) {
    const s = text.slice(b.contentStart, Math.min(b.end, b.contentStart + 600));
    const y = yearFromOpening(s);
    if (y) {
      evidence.push({ value: y.value, source: 'opening', start: b.contentStart + y.index, end: b.contentStart + y.index + y.length });
      break;
    }
  }
  for (const b of body.slice(0, HEADING_BLOCKS)) {
    // Headings start with a marker (一、（一）1. 第一部分) or are Markdown headings.
    if (b.kind !== 'heading' && !MARKER_FIRST.test(text[b.contentStart] ?? '')) continue;
    const s = text.slice(b.contentStart, Math.min(b.end, b.contentStart + 80));
    const marker = matchMarkerAtStart(s, 0);
    if (!marker && b.kind !== 'heading') continue;
    const rest = marker ? s.slice(marker.end).trimStart() : s;
    const y = yearFromHeading(rest);
    if (y) {
      const at = b.contentStart + (s.length - rest.length) + y.index;
      evidence.push({ value: y.value, source: 'heading', start: at, end: at + y.length });
    }
  }
  if (evidence.length) meta.bodyYears = evidence;

  if (Number.isInteger(fmYear) && fmYear > 1990) meta.year = { value: fmYear, source: 'front-matter' };
  const title = meta.title && findYear(meta.title.text);
  if (!meta.year && meta.title && title) {
    const at = titleOffset(meta.title, title.index);
    meta.year = { value: title.value, source: 'title', start: at, end: at + title.length };
  }
  if (!meta.year && evidence[0]?.source === 'opening') meta.year = evidence[0];
  if (!meta.year && evidence.length) {
    // Headings vote: the year most of them imply (the first one on a tie).
    const votes = new Map<number, number>();
    for (const e of evidence) votes.set(e.value, (votes.get(e.value) ?? 0) + 1);
    const best = Math.max(...votes.values());
    meta.year = evidence.find((e) => votes.get(e.value) === best)!;
  }
  if (!meta.year && meta.signature?.date) {
    const d = meta.signature.date;
    meta.year = { value: d.month <= 6 ? d.year - 1 : d.year, source: 'signature', start: d.start, end: d.end };
  }
}

/** The document offset of a character of the (joined) title text. */
function titleOffset(title: NonNullable<ReportMeta['title']>, index: number): number {
  let rest = index;
  for (const p of title.parts) {
    if (rest < p.text.length) return p.start + rest;
    rest -= p.text.length;
  }
  return title.end;
}

function readUnit(text: string, meta: ReportMeta, frontMatter: Record<string, unknown> | undefined, body: Block[]): void {
  if (typeof frontMatter?.unit === 'string' && frontMatter.unit.trim()) {
    meta.unit = { value: frontMatter.unit.trim(), source: 'front-matter' };
    return;
  }
  const titleUnit = meta.title && unitFromTitle(meta.title.text);
  let opening: MetaValue<string> | undefined;
  for (const b of body.slice(0, OPENING_BLOCKS)) {
    const u = unitFromOpening(text.slice(b.contentStart, Math.min(b.end, b.contentStart + 300)));
    if (u) {
      opening = { value: u.value, source: 'opening', start: b.contentStart + u.index, end: b.contentStart + u.index + u.value.length };
      break;
    }
  }
  const sig = meta.signature?.unit;
  const sigUnit = sig && isUnitName(sig.text.split('、')[0]!) ? sig : undefined;
  if (titleUnit) {
    const at = meta.title!.text.indexOf(titleUnit.split('、')[0]!);
    meta.unit = { value: titleUnit, source: 'title' };
    if (at >= 0 && !titleUnit.includes('、')) [meta.unit.start, meta.unit.end] = [titleOffset(meta.title!, at), titleOffset(meta.title!, at) + titleUnit.length];
    // A title naming only the place (某区2023年…) and an opening or 落款 naming the place's 区司法局: the unit is 某区司法局.
    const short = [sigUnit?.text, opening?.value].find((u) => u && isShortForm(u) && !/^(?:省|市|区|县)(?:人民)?政府$/.test(u));
    const full = short && isPlaceOnly(titleUnit) ? resolveShortForm(short, titleUnit) : undefined;
    if (full) meta.unit.value = full;
    return;
  }
  if (sigUnit) {
    meta.unit = { value: normalizeJoint(sigUnit.text), source: 'signature', start: sigUnit.start, end: sigUnit.end };
    return;
  }
  if (opening) meta.unit = opening;
}

export function scanMetadata(text: string, blocks: Block[], frontMatter: Record<string, unknown> | undefined, textEnd: number): MetadataScan {
  const meta: ReportMeta = {};
  const skip = new Set<number>();
  let contentStart = blocks[0]?.start ?? 0;
  let contentEnd = textEnd;

  const t = scanTitle(text, blocks);
  if (t.title) {
    meta.title = t.title;
    for (const i of [...t.preamble, ...t.titleBlocks, ...t.tail]) skip.add(i);
    const next = blocks[Math.max(...skip) + 1];
    contentStart = next?.start ?? textEnd;
  }
  if (t.addressee) meta.addressee = t.addressee;

  contentEnd = scanSignature(text, blocks, meta, skip) ?? contentEnd;

  const body = blocks.filter((_, idx) => !skip.has(idx));
  readYear(text, meta, frontMatter, body);
  readUnit(text, meta, frontMatter, body);
  const region = readRegion(text, meta, frontMatter, body);
  if (region) meta.region = region;
  if (typeof frontMatter?.previous === 'string') meta.previous = frontMatter.previous;
  return { meta, skip, contentStart, contentEnd, residueLines: t.residueLines };
}
