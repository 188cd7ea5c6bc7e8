/** Literal word search: the fast path for keyword lists in rule files. */

export interface Occurrence {
  start: number;
  end: number;
  word: string;
}

/** Every occurrence of any of `words` in text[start, end), leftmost-longest, non-overlapping. */
export function findWords(text: string, words: readonly string[], start = 0, end = text.length): Occurrence[] {
  const hits: Occurrence[] = [];
  for (const word of words) {
    if (!word) continue;
    let i = text.indexOf(word, start);
    while (i >= 0 && i + word.length <= end) {
      hits.push({ start: i, end: i + word.length, word });
      i = text.indexOf(word, i + word.length);
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Occurrence[] = [];
  let last = -1;
  for (const h of hits) {
    if (h.start >= last) {
      out.push(h);
      last = h.end;
    }
  }
  return out;
}

export function containsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (w && text.includes(w)) return true;
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
  for (const ex of exceptions) {
    if (!ex) continue;
    let i = text.lastIndexOf(ex, end);
    const from = start - ex.length;
    while (i >= 0 && i >= from) {
      if (i <= start && i + ex.length >= end) return true;
      i = text.lastIndexOf(ex, i - 1);
    }
  }
  return false;
}
