import { GRAM, normalizePassage, WINDOW, winnow } from '../text/fingerprints.js';
import type { FingerprintTable } from './fingerprint-table.js';

/** Characters of a passage count as found in the other one when a run of this many around them is there too. */
const COVER = 4;
/**
 * Fewer own (non-formula) characters than this, or than this share of the passage, is a formula
 * passage: the batch shows most of it elsewhere, and what is left is the variant's few words.
 */
const MIN_OWN_CHARS = 20;
const MIN_OWN_SHARE = 0.4;

interface Prepared {
  text: string;
  /** 1 where the character belongs to a formula (a fingerprint shared by `commonIn` or more units). */
  formula: Uint8Array;
  own: number;
  grams?: Set<string>;
}

/** Where a passage is: its report's text and its range there. */
export interface PassageSource {
  text: string;
  start: number;
  end: number;
  /** Fingerprints seen in this many units' reports or more are formulas for this passage. */
  commonIn: number;
}

/**
 * The exact comparison of two candidate passages: the share of one's own characters (those not
 * in the batch's formulas) that lie in runs of at least COVER characters also found in the other.
 * A few changed characters or swapped names leave most of a copied passage covered; two passages
 * that only share the report's usual vocabulary are covered far less.
 */
export class PassageComparer {
  private readonly prepared = new Map<number, Prepared>();
  private hashes = new Uint32Array(1024);

  constructor(
    private readonly table: FingerprintTable,
    private readonly source: (id: number) => PassageSource,
  ) {}

  /** Share (0–1) of passage p's own characters found in passage q; 0 for a formula passage. */
  share(p: number, q: number): number {
    const a = this.prepare(p);
    if (a.own < MIN_OWN_CHARS || a.own < a.text.length * MIN_OWN_SHARE) return 0;
    const b = this.prepare(q);
    const grams = (b.grams ??= gramsOf(b.text));
    const covered = new Uint8Array(a.text.length);
    for (let i = 0; i + COVER <= a.text.length; i++) if (grams.has(a.text.slice(i, i + COVER))) covered.fill(1, i, i + COVER);
    let found = 0;
    for (let i = 0; i < a.text.length; i++) if (covered[i] && !a.formula[i]) found++;
    return found / a.own;
  }

  /** The two passages are the same once normalised (punctuation, spacing, figures). */
  identical(p: number, q: number): boolean {
    return this.prepare(p).text === this.prepare(q).text;
  }

  private prepare(id: number): Prepared {
    let ready = this.prepared.get(id);
    if (ready) return ready;
    const src = this.source(id);
    const norm = normalizePassage(src.text, src.start, src.end);
    const text = codesToString(norm.codes, norm.length);
    const formula = new Uint8Array(norm.length);
    if (this.hashes.length < norm.length) this.hashes = new Uint32Array(norm.length * 2);
    // Fingerprints are a sample: a formula's consecutive ones may be up to a window apart, and
    // what lies between two of them belongs to it too.
    let last = -Infinity;
    winnow(norm, this.hashes, (hash, at) => {
      if (this.table.valueOf(hash) < src.commonIn) return;
      formula.fill(1, at - last <= WINDOW + GRAM ? last : at, at + GRAM);
      last = at;
    });
    let own = 0;
    for (let i = 0; i < formula.length; i++) if (!formula[i]) own++;
    ready = { text, formula, own };
    this.prepared.set(id, ready);
    return ready;
  }
}

function gramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + COVER <= text.length; i++) out.add(text.slice(i, i + COVER));
  return out;
}

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 4096)));
  return out;
}
