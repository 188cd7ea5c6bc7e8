import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/**
 * Reports reposted in traditional script (繁體 pages of government sites) are matched after
 * conversion to simplified script by OpenCC's dictionaries. The converted text has the length of
 * the original, character for character, so every offset found in it holds for the original.
 */

/** Which characters of the CJK block exist only in traditional script (the keys of OpenCC's 繁→简 table). */
let traditionalOnly: Uint8Array | undefined;
let toSimplified: ConverterFunction | undefined;
let toTraditional: ConverterFunction | undefined;

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

function traditionalTable(): Uint8Array {
  if (!traditionalOnly) {
    traditionalOnly = new Uint8Array(CJK_LAST - CJK_FIRST + 1);
    for (const pair of TSCharacters.split('|')) {
      const c = pair.charCodeAt(0);
      if (c >= CJK_FIRST && c <= CJK_LAST) traditionalOnly[c - CJK_FIRST] = 1;
    }
  }
  return traditionalOnly;
}

function simplifier(): ConverterFunction {
  return (toSimplified ??= ConverterFactory([TWVariantsRevPhrases, TWVariantsRev], [HKVariantsRevPhrases, HKVariantsRev], [TSPhrases, TSCharacters]));
}

const SAMPLE = 4_000;

/**
 * Whether a text is written in traditional script: at least one in twelve of its Chinese
 * characters (of the first few thousand) exists only in traditional script. A simplified report
 * quoting a traditional name or two stays below that by far; a traditional one is far above it.
 */
export function isTraditional(text: string): boolean {
  const table = traditionalTable();
  let cjk = 0;
  let traditional = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < CJK_FIRST || c > CJK_LAST) continue;
    cjk++;
    traditional += table[c - CJK_FIRST]!;
    // Decided early either way: a report's first thousand Chinese characters say which script it is in.
    if (cjk >= 1_000) return traditional >= 8 && traditional * 12 >= cjk;
  }
  return traditional >= 8 && traditional * 12 >= cjk;
}

/**
 * The text in simplified script, of the same length: converted line by line with OpenCC's phrase
 * tables, and character by character where a phrase would change a line's length.
 */
export function simplifiedView(text: string): string {
  const toSimplified = simplifier();
  return text.replace(/[^\r\n]+/g, (line) => {
    const converted = toSimplified(line);
    if (converted.length === line.length) return converted;
    let out = '';
    for (const ch of line) {
      const c = toSimplified(ch);
      out += c.length === ch.length ? c : ch;
    }
    return out;
  });
}

/** Simplified text (of a fix) in traditional script, character by character; unchanged when the round trip fails. */
export function traditionalText(simplified: string): string {
  toTraditional ??= ConverterFactory([STCharacters]);
  const converted = toTraditional(simplified);
  return converted.length === simplified.length && simplifier()(converted) === simplified ? converted : simplified;
}

/**
 * A message written from the simplified view, with each quoted passage 「…」 that comes from the
 * document put back as the original has it (nearest occurrence to the finding first).
 */
export function quoteOriginal(message: string, view: string, original: string, near: number): string {
  return message.replace(/「([^「」]{1,200})」/g, (whole, quoted: string) => {
    // A quote shortened with … is looked up without it.
    const cut = quoted.endsWith('…') ? '…' : '';
    const core = quoted.slice(0, quoted.length - cut.length);
    let at = -1;
    let best = Infinity;
    for (let i = view.indexOf(core); i >= 0 && core; i = view.indexOf(core, i + 1)) {
      const d = Math.abs(i - near);
      if (d < best) [at, best] = [i, d];
      if (i > near) break;
    }
    return at < 0 ? whole : `「${original.slice(at, at + core.length)}${cut}」`;
  });
}
