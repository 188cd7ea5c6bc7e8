/**
 * Where each character of a text occurs: one pass over the report that several rules share.
 * Keyword search looks a word up by its rarest character; the repetition rule finds a character
 * repeated within a few positions by following the chain instead of comparing every position.
 */
import { memoByText } from './text-memo.js';

/** A word found in a text. */
export interface Occurrence {
  start: number;
  end: number;
  word: string;
}

/** Larger texts are scanned: the index takes four bytes per character and is kept until the next text. */
export const INDEXED_TEXT_MAX = 1 << 21;
export const BUCKETS = 4096;

/** Occurrences of each character of one text, chained in ascending order (characters hashed into buckets). */
export class CharIndex {
  readonly head: Int32Array;
  readonly count: Int32Array;
  readonly next: Int32Array;

  /** `recycled`: an index no longer needed, whose arrays are reused (allocating them is most of the cost). */
  constructor(
    readonly text: string,
    recycled?: CharIndex,
  ) {
    const n = text.length;
    const head = (this.head = recycled?.head.fill(-1) ?? new Int32Array(BUCKETS).fill(-1));
    const count = (this.count = recycled?.count.fill(0) ?? new Int32Array(BUCKETS));
    const next = (this.next = recycled && recycled.next.length >= n ? recycled.next : new Int32Array(Math.max(n, 4096)));
    for (let i = n - 1; i >= 0; i--) {
      const h = text.charCodeAt(i) & (BUCKETS - 1);
      next[i] = head[h]!;
      head[h] = i;
      count[h]!++;
    }
  }

  /** Pushes the (possibly overlapping) occurrences of `word` in text[start, end) onto `hits`. */
  find(word: string, start: number, end: number, hits: Occurrence[]): void {
    const len = word.length;
    if (len > end - start) return;
    let k = 0;
    let best = Infinity;
    for (let j = 0; j < len; j++) {
      const c = this.count[word.charCodeAt(j) & (BUCKETS - 1)]!;
      if (c < best) (best = c), (k = j);
    }
    if (best === 0) return;
    const code = word.charCodeAt(k);
    const { text, next } = this;
    let lastEnd = -1;
    for (let p = this.head[code & (BUCKETS - 1)]!; p >= 0; p = next[p]!) {
      const s = p - k;
      if (s < start || text.charCodeAt(p) !== code) continue;
      if (s + len > end) break;
      // Same as repeated indexOf(word, previous end): occurrences of one word do not overlap.
      if (s >= lastEnd && text.startsWith(word, s)) {
        hits.push({ start: s, end: s + len, word });
        lastEnd = s + len;
      }
    }
  }
}

/** The index of `text` (undefined above INDEXED_TEXT_MAX characters), shared by every rule that looks at the same text. */
export function charIndexOf(text: string): CharIndex | undefined {
  return text.length > INDEXED_TEXT_MAX ? undefined : lastIndexes(text);
}

// Rules call findWords on the report text (and some on its lower-case copy) many times in a row.
const lastIndexes = memoByText((text, evicted?: CharIndex) => new CharIndex(text, evicted));
