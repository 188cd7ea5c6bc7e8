/**
 * Fingerprints of a whole batch with the passage each came from, in two growing typed arrays,
 * grouped by hash with a stable radix sort (two 16-bit passes): a batch of 5,000 reports has
 * millions of fingerprints, too many for a Map of arrays.
 */
export class FingerprintTable {
  private size = 0;
  private hashes = new Uint32Array(1 << 16);
  private ids = new Uint32Array(1 << 16);

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

  /** Distinct hashes in ascending order and, for each, what the visitor of its group returned (after forEachGroup). */
  private groupHashes = new Uint32Array(0);
  private groupValues = new Uint16Array(0);

  /**
   * Calls `visit` once per distinct hash with the ids that have it, in the order they were
   * added (so the ids of one passage are adjacent), and remembers what it returns (0–65535) for
   * valueOf(). The array passed is reused: copy to keep.
   */
  forEachGroup(visit: (ids: Uint32Array) => number): void {
    const n = this.size;
    const order = sortByHash(this.hashes, n);
    let group = new Uint32Array(Math.min(n, 1 << 16) || 1);
    const hashes = new Uint32Array(n);
    const values = new Uint16Array(n);
    let groups = 0;
    for (let i = 0; i < n; ) {
      const h = this.hashes[order[i]!]!;
      let j = i + 1;
      while (j < n && this.hashes[order[j]!] === h) j++;
      if (j - i > group.length) group = new Uint32Array(j - i);
      for (let k = i; k < j; k++) group[k - i] = this.ids[order[k]!]!;
      hashes[groups] = h;
      values[groups++] = Math.min(65535, visit(group.subarray(0, j - i)));
      i = j;
    }
    this.groupHashes = hashes.subarray(0, groups);
    this.groupValues = values.subarray(0, groups);
  }

  /** What the visitor returned for this hash's group (0 for a hash not in the table). */
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
    return 0;
  }
}

/** Indices 0…n−1 ordered by `keys`, stable (least significant 16 bits first, then the rest). */
function sortByHash(keys: Uint32Array, n: number): Uint32Array {
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[from[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 1; b <= 65536; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const idx = from[i]!;
      to[counts[(keys[idx]! >>> shift) & 0xffff]!++] = idx;
    }
    [from, to] = [to, from];
  }
  return from;
}
