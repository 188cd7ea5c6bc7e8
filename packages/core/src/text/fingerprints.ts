/**
 * Winnowed fingerprints of a passage (Schleimer, Wilkerson, Aiken 2003): hashes of its k-grams of
 * normalised characters, of which each window of `window` consecutive hashes contributes its
 * minimum. Two passages that share a run of at least k + window − 1 normalised characters share
 * a fingerprint; runs shorter than k never do. Normalising first makes copies that differ only in
 * punctuation, spacing, full/half-width forms or figures (52件 → 48件) look alike.
 */

/** Characters per k-gram: shorter shared runs are chance (「依法行政工作」 is in every report). */
export const GRAM = 8;
/**
 * Hashes per window: a shared run of GRAM + WINDOW − 1 = 19 characters is always seen (a copied
 * paragraph has many), with about one fingerprint in seven characters.
 */
export const WINDOW = 12;

/** A passage's normalised characters and, for each, its offset in the original text. */
export interface Normalized {
  codes: Uint16Array;
  offsets: Int32Array;
  length: number;
}

const DIGIT = 0x30;

/**
 * Keeps Han characters and letters (lower-cased, full-width folded to ASCII); a run of digits
 * (with its decimal point or thousands separator) becomes one '0'; punctuation and spaces go.
 */
export function normalizePassage(text: string, start: number, end: number, into?: Normalized): Normalized {
  const size = end - start;
  const out = into && into.codes.length >= size ? into : { codes: new Uint16Array(Math.max(size, 16)), offsets: new Int32Array(Math.max(size, 16)), length: 0 };
  let n = 0;
  let inNumber = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    if (c >= DIGIT && c <= 0x39) {
      if (!inNumber) {
        out.codes[n] = DIGIT;
        out.offsets[n++] = i;
        inNumber = true;
      }
      continue;
    }
    if (inNumber && (c === 0x2e || c === 0x2c) && i + 1 < end && isDigitCode(text.charCodeAt(i + 1))) continue;
    inNumber = false;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) {
      out.codes[n] = c;
      out.offsets[n++] = i;
    }
  }
  out.length = n;
  return out;
}

function isDigitCode(c: number): boolean {
  return (c >= DIGIT && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

const BASE = 0x9e3779b1 | 0;

/** BASE^(GRAM−1) mod 2^32, to take the oldest character out of the rolling hash. */
const BASE_POW = (() => {
  let p = 1;
  for (let i = 0; i < GRAM - 1; i++) p = Math.imul(p, BASE);
  return p;
})();

/** Spreads the rolling hash's bits so that the window minimum is not biased (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Calls `emit(hash, position)` (position: of the k-gram's first normalised character) for each winnowed fingerprint of the normalised characters (the rightmost
 * minimum of each window, once per change of the selected position). A passage shorter than one
 * window contributes the minimum of its k-grams; one shorter than a k-gram nothing.
 */
export function winnow(norm: Normalized, hashes: Uint32Array, emit: (hash: number, position: number) => void): void {
  const grams = norm.length - GRAM + 1;
  if (grams <= 0) return;
  const codes = norm.codes;
  let h = 0;
  for (let i = 0; i < GRAM; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  hashes[0] = mix(h);
  for (let i = 1; i < grams; i++) {
    h = (Math.imul((h - Math.imul(codes[i - 1]!, BASE_POW)) | 0, BASE) + codes[i + GRAM - 1]!) | 0;
    hashes[i] = mix(h);
  }
  if (grams <= WINDOW) {
    let min = 0;
    for (let i = 1; i < grams; i++) if (hashes[i]! <= hashes[min]!) min = i;
    emit(hashes[min]!, min);
    return;
  }
  let min = -1;
  for (let right = WINDOW - 1; right < grams; right++) {
    const left = right - WINDOW + 1;
    if (min < left) {
      min = left;
      for (let i = left + 1; i <= right; i++) if (hashes[i]! <= hashes[min]!) min = i;
      emit(hashes[min]!, min);
    } else if (hashes[right]! <= hashes[min]!) {
      min = right;
      emit(hashes[min]!, min);
    }
  }
}
