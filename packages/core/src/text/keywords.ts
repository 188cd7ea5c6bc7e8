/**
 * Literal word search: the fast path for keyword lists in rule files. These helpers run hundreds
 * of thousands of times in a batch, mostly before the JIT has optimised them; there a for-of loop
 * allocates an iterator result per element, hence the indexed loops.
 */

import { charIndexOf, INDEXED_TEXT_MAX, type Occurrence } from './char-index.js';

export type { Occurrence } from './char-index.js';

/** Every occurrence of any of `words` in text[start, end), leftmost-longest, non-overlapping. */
export function findWords(text: string, words: readonly string[], start = 0, end = text.length): Occurrence[] {
  const hits: Occurrence[] = [];
  // Rules look for a hundred-odd words in each report. Scanning the report once per word is most
  // of that cost; the report's character index finds a word by its rarest character instead.
  if (end - start >= INDEXED_WINDOW && text.length >= INDEXED_TEXT && text.length <= INDEXED_TEXT_MAX) {
    const index = charIndexOf(text)!;
    for (let w = 0; w < words.length; w++) if (words[w]) index.find(words[w]!, start, end, hits);
  } else {
    // Search only the window: an unbounded indexOf would scan to the end of the document for
    // every sentence and make callers quadratic.
    const hay = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const word of words) {
      if (!word) continue;
      let i = hay.indexOf(word);
      while (i >= 0) {
        hits.push({ start: start + i, end: start + i + word.length, word });
        i = hay.indexOf(word, i + word.length);
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  let last = -1;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.start >= last) {
      out.push(h);
      last = h.end;
    }
  }
  return out;
}

/** Below these sizes a plain scan is cheaper than building (or looking up) the index. */
const INDEXED_TEXT = 1024;
const INDEXED_WINDOW = 128;

export function containsAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (words[i] && text.includes(words[i]!)) return true;
  return false;
}

/** The words of `words` that occur in text. */
export function wordsIn(text: string, words: readonly string[]): string[] {
  return words.filter((w) => w && text.includes(w));
}

/**
 * Whether the match [start, end) lies inside an occurrence of one of `exceptions`
 * (e.g. 法制 inside 法制审核 is correct usage and must not be flagged).
 */
export function shieldedBy(text: string, start: number, end: number, exceptions: readonly string[]): boolean {
  for (let x = 0; x < exceptions.length; x++) {
    const ex = exceptions[x]!;
    if (!ex || ex.length < end - start) continue;
    const from = Math.max(0, end - ex.length);
    const window = text.slice(from, start + ex.length);
    let i = window.indexOf(ex);
    while (i >= 0) {
      if (from + i <= start && from + i + ex.length >= end) return true;
      i = window.indexOf(ex, i + 1);
    }
  }
  return false;
}
