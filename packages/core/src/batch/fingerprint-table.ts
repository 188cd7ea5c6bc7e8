/**
 * Fingerprints of a whole batch with the passage each came from, in two growing typed arrays,
 * grouped by hash with a stable radix sort (two 16-bit passes): a batch of 5,000 reports has
 * millions of fingerprints, too many for a Map of arrays.
 */
export class FingerprintTable {
  private size = 0;
  private hashes: Uint32Array;
  private ids: Uint32Array;

  /** `expected`: about how many fingerprints will be added (the arrays grow past it if needed). */
  constructor(expected = 1 << 16) {
    this.hashes = new Uint32Array(Math.max(1024, expected));
    this.ids = new Uint32Array(Math.max(1024, expected));
  }

  add(hash: number, id: number): void {
    if (this.size === this.hashes.length) {
      const hashes = new Uint32Array(this.size * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const ids = new Uint32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.hashes[this.size] = hash;
    this.ids[this.size++] = id;
  }

  get count(): number {
    return this.size;
  }

  /** Hashes seen more than once, ascending, and for each what the visitor of its group returned (after forEachGroup). */
  private groupHashes = new Uint32Array(0);
  private groupValues = new Uint16Array(0);

  /**
   * Calls `visit` once per hash added more than once, with the ids that have it in the order
   * they were added (so the ids of one passage are adjacent), and remembers what it returns
   * (0–65535) for valueOf(); a hash added once is worth 1. The array passed is reused: copy to keep.
   */
  forEachGroup(visit: (ids: Uint32Array) => number): void {
    const n = this.size;
    const [keys, ids] = sortPairs(this.hashes, this.ids, n);
    // At most n / 2 hashes are seen twice or more.
    const hashes = new Uint32Array(n >> 1);
    const values = new Uint16Array(n >> 1);
    let groups = 0;
    for (let i = 0; i < n; ) {
      const h = keys[i]!;
      let j = i + 1;
      while (j < n && keys[j] === h) j++;
      if (j - i > 1) {
        hashes[groups] = h;
        values[groups++] = Math.min(65535, visit(ids.subarray(i, j)));
      }
      i = j;
    }
    this.groupHashes = hashes.subarray(0, groups);
    this.groupValues = values.subarray(0, groups);
  }

  /** What the visitor returned for this hash's group: 1 for a hash added once (or not at all). */
  valueOf(hash: number): number {
    let lo = 0;
    let hi = this.groupHashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.groupHashes[mid]!;
      if (h === hash) return this.groupValues[mid]!;
      if (h < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return 1;
  }
}

/**
 * The first n (key, id) pairs ordered by key, stable: a least-significant-digit radix sort in
 * three passes of 11, 11 and 10 bits (bucket counts that stay in the first-level cache), moving
 * keys and ids together so that every pass reads them in order.
 */
function sortPairs(keys: Uint32Array, ids: Uint32Array, n: number): [Uint32Array, Uint32Array] {
  let k1 = keys.slice(0, n);
  let v1 = ids.slice(0, n);
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  const counts = new Uint32Array(2049);
  for (const [shift, bits] of [
    [0, 11],
    [11, 11],
    [22, 10],
  ] as const) {
    const mask = (1 << bits) - 1;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((k1[i]! >>> shift) & mask) + 1]!++;
    for (let b = 1; b <= mask + 1; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const key = k1[i]!;
      const at = counts[(key >>> shift) & mask]!++;
      k2[at] = key;
      v2[at] = v1[i]!;
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return [k1, v1];
}
