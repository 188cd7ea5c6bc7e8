/** Character classes of Chinese text, shared by the punctuation, repetition and number kinds. */

/** A Han character (CJK unified ideographs, extension A, compatibility ideographs) or 〇. */
export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.charCodeAt(0));
}

/** isHan for a UTF-16 code unit (no string made per character on hot paths). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Full-width punctuation that opens something (a quote, a bracket, a title). */
export const OPENING_FULLWIDTH = new Set(['“', '‘', '（', '《', '〈', '「', '『', '【', '〔', '〖', '［', '｛']);

/** Full-width punctuation that closes something or ends a clause. */
export const CLOSING_FULLWIDTH = new Set(['”', '’', '）', '》', '〉', '」', '』', '】', '〕', '〗', '］', '｝', '，', '。', '、', '；', '：', '？', '！', '…', '—']);

/** Whether a character belongs to running Chinese text (a Han character or full-width punctuation). */
export function isChineseText(ch: string | undefined): boolean {
  return isHan(ch) || (ch !== undefined && (OPENING_FULLWIDTH.has(ch) || CLOSING_FULLWIDTH.has(ch)));
}

/** Characters that end a clause inside a sentence (both widths). */
export const CLAUSE_BREAKS = new Set(['，', ',', '；', ';', '。', '：', ':', '！', '!', '？', '?', '\n', '\r']);

/**
 * Start of the clause containing `pos`, not before `floor` and at most CLAUSE_REACH characters
 * back: the words that qualify a number (合格率, 占, 已办结) stand close to it, and a scan without a
 * bound is quadratic on a sentence of thousands of numbers. `extra` adds break characters (e.g. 、).
 */
export function clauseStart(text: string, pos: number, floor: number, extra = ''): number {
  const stop = Math.max(floor, pos - CLAUSE_REACH);
  for (let i = pos - 1; i >= stop; i--) {
    const ch = text[i]!;
    if (CLAUSE_BREAKS.has(ch) || extra.includes(ch)) return i + 1;
  }
  return stop;
}

export const CLAUSE_REACH = 80;

/** Number of digits after the decimal point as written (76.9 → 1, 100 → 0). */
export function decimals(written: string): number {
  const dot = written.search(/[.．]/);
  return dot < 0 ? 0 : written.length - dot - 1;
}

/** Formats a percentage with the given number of decimals, without trailing noise (73.9, 100). */
export function formatPercent(value: number, digits: number): string {
  return value.toFixed(Math.max(0, Math.min(digits, 4)));
}
