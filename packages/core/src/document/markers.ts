import { parseChineseNumeral } from '../text/chinese-numerals.js';

/**
 * Chinese official outline markers (GB/T 9704 order 一、 （一） 1. （1）) plus the
 * variants drafts really contain: half-width brackets, 一. / 1、, 第一部分, ①, and the
 * inline enumerations 一是… / 第一，….
 */
export type MarkerType =
  | 'cn-part' // 第一部分
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'arabic' // 1.
  | 'arabic-paren' // （1）
  | 'circled' // ①
  | 'cn-shi' // 一是
  | 'cn-di'; // 第一，

export const INLINE_MARKER_TYPES: ReadonlySet<MarkerType> = new Set(['cn-shi', 'cn-di']);

/** Static rank of block markers; inline markers take their parent's rank + 0.5. */
export const MARKER_RANK: Record<MarkerType, number> = {
  'cn-part': 1,
  'cn-dun': 1,
  'cn-paren': 2,
  arabic: 3,
  'arabic-paren': 4,
  circled: 5,
  'cn-shi': 0,
  'cn-di': 0,
};

export interface MarkerMatch {
  type: MarkerType;
  number: number;
  /** Offsets of the marker characters (e.g. "（一）"). */
  start: number;
  end: number;
  text: string;
  /** The canonical form for this level (一、 （一） 1. （1）), when the marker deviates from it. */
  canonical?: string;
}

const CN = '[一二三四五六七八九十百]{1,4}';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const PARA_START: Array<{ type: MarkerType; re: RegExp }> = [
  // 第一部分 needs a separator or the line's end: "第五部分有没有写……" is a sentence, not a heading.
  { type: 'cn-part', re: new RegExp(`^第(${CN})部分(?:[、，,:：.．\\s]|$)`) },
  { type: 'cn-dun', re: new RegExp(`^(${CN})\\s?([、．.，,])`) },
  { type: 'cn-paren', re: new RegExp(`^[(（]\\s?(${CN})\\s?[)）]`) },
  { type: 'arabic-paren', re: /^[(（]\s?(\d{1,2})\s?[)）]/ },
  { type: 'arabic', re: /^(\d{1,2})\s?([.．、])(?!\d)/ },
  { type: 'circled', re: /^([①-⑳])/ },
  { type: 'cn-shi', re: new RegExp(`^(${CN_SMALL})是(?=[^\\s，,。；;：:])`) },
  { type: 'cn-di', re: new RegExp(`^第(${CN_SMALL})[，,、]`) },
];

function numberOf(type: MarkerType, raw: string): number | undefined {
  if (type === 'arabic' || type === 'arabic-paren') return Number(raw);
  if (type === 'circled') return raw.charCodeAt(0) - 0x2460 + 1;
  return parseChineseNumeral(raw);
}

/** Canonical marker text for a type and number, used by style checks and completion. */
export function canonicalMarker(type: MarkerType, n: number, format: (n: number) => string): string {
  switch (type) {
    case 'cn-part':
      return `第${format(n)}部分`;
    case 'cn-dun':
      return `${format(n)}、`;
    case 'cn-paren':
      return `（${format(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return String.fromCharCode(0x2460 + n - 1);
    case 'cn-shi':
      return `${format(n)}是`;
    case 'cn-di':
      return `第${format(n)}，`;
  }
}

/** Recognises a marker at the very start of `text` (already trimmed of indentation). */
export function matchMarkerAtStart(text: string, offset: number): MarkerMatch | undefined {
  for (const { type, re } of PARA_START) {
    const m = re.exec(text);
    if (!m) continue;
    const n = numberOf(type, m[1]!);
    if (n === undefined || n <= 0) continue;
    // 一、 must not be the start of a compound such as 一、二级 followed by more numerals only.
    const match: MarkerMatch = { type, number: n, start: offset, end: offset + m[0].length, text: m[0] };
    if (type === 'cn-dun' && m[2] !== '、') match.canonical = `${m[1]}、`;
    return match;
  }
  return undefined;
}

// The character before a mid-paragraph marker is checked by hand rather than with a lookbehind:
// a lookbehind is tried at every position of the paragraph, while a pattern that starts with the
// marker itself lets the regex engine skip to the few candidate characters.
const MID_INLINE = new RegExp(`(?:(${CN_SMALL})是(?=[^\\s，,。；;：:否])|第(${CN_SMALL})[，,、])`, 'g');
const MID_INLINE_BEFORE = /[。；;！!？?，,：:、\s”"）)]/;
const MID_ARABIC = /(\d{1,2})[.．、](?=[\u4e00-\u9fff“"‘《（(【])/g;
const MID_ARABIC_BEFORE = /[。；;！!？?：:”"’）)\s]/;

/** Candidate markers inside a paragraph (after its first characters). Sequence checks happen in the outline builder. */
export function findMidParagraphMarkers(text: string, offset: number, from: number): MarkerMatch[] {
  const out: MarkerMatch[] = [];
  MID_INLINE.lastIndex = from;
  for (let m = MID_INLINE.exec(text); m; m = MID_INLINE.exec(text)) {
    if (!MID_INLINE_BEFORE.test(text[m.index - 1] ?? '')) {
      MID_INLINE.lastIndex = m.index + 1;
      continue;
    }
    const type: MarkerType = m[1] ? 'cn-shi' : 'cn-di';
    const n = parseChineseNumeral((m[1] ?? m[2])!);
    if (n) out.push({ type, number: n, start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  MID_ARABIC.lastIndex = from;
  for (let m = MID_ARABIC.exec(text); m; m = MID_ARABIC.exec(text)) {
    if (!MID_ARABIC_BEFORE.test(text[m.index - 1] ?? '')) {
      MID_ARABIC.lastIndex = m.index + 1;
      continue;
    }
    out.push({
      type: 'arabic',
      number: Number(m[1]),
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: m[0],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
