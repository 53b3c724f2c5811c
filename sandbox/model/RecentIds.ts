/**
 * The last `capacity` ids added, as a set whose memory is allocated once, up front: a ring of
 * 64-bit fingerprints in the order they came, and an open-addressing index over the ring.
 *
 * Why not a Set<string> with its oldest entry deleted past the bound: that Set is bounded, but it
 * grows to its bound as a stream starts (its hash table, doubled on the way, and every id string
 * it keeps alive), about 1 MiB for 10,000 trace ids, which the post-GC heap of a streaming scene
 * showed as a rise over its first minute and a quarter. This holds neither the strings nor a
 * table that grows: its footprint is the same from the first id to the millionth.
 *
 * Fingerprints instead of the ids: two ids with the same 64-bit fingerprint would read as one.
 * With 10,000 held, a lookup of an id never added answers yes with a chance of about 10,000 in
 * 2^64 (5e-16): at 5,000 lookups a second, about once in a hundred thousand years.
 */
export class RecentIds {
  /** Fingerprint of each slot, two 32-bit words apiece, in the order the ids came (a ring). */
  private readonly ring: Int32Array;
  /** Open addressing with linear probing: ring slot + 1, or 0 where empty. */
  private readonly index: Int32Array;
  private readonly mask: number;
  /** The ring slot the next id goes to; once full, the oldest id's. */
  private next = 0;
  private held = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`RecentIds wants a whole capacity of at least 1, got ${capacity}`);
    this.ring = new Int32Array(capacity * 2);
    // At most half full, so a probe finds an empty slot or its id within a few steps.
    let size = 2;
    while (size < capacity * 2) size *= 2;
    this.index = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.held;
  }

  /** Bytes the set holds, the same whatever it holds. */
  get bytes(): number {
    return this.ring.byteLength + this.index.byteLength;
  }

  has(id: string): boolean {
    fingerprint(id);
    return this.find(fpA, fpB) >= 0;
  }

  /** Adds an id (a no-op when held); past the capacity the oldest id is forgotten. */
  add(id: string): void {
    fingerprint(id);
    const a = fpA;
    const b = fpB;
    if (this.find(a, b) >= 0) return;
    const slot = this.next;
    if (this.held === this.capacity) {
      const oldest = this.find(this.ring[slot * 2]!, this.ring[slot * 2 + 1]!);
      if (oldest < 0) throw new Error('RecentIds lost track of its oldest id');
      this.remove(oldest);
    } else this.held++;
    this.ring[slot * 2] = a;
    this.ring[slot * 2 + 1] = b;
    let i = a & this.mask;
    while (this.index[i] !== 0) i = (i + 1) & this.mask;
    this.index[i] = slot + 1;
    this.next = (slot + 1) % this.capacity;
  }

  clear(): void {
    this.index.fill(0);
    this.next = 0;
    this.held = 0;
  }

  /** The index position of a fingerprint, or -1. */
  private find(a: number, b: number): number {
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const entry = this.index[i]!;
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.ring[slot * 2] === a && this.ring[slot * 2 + 1] === b) return i;
    }
  }

  /**
   * Empties index position `hole`, then moves back every entry after it in the same run that
   * would no longer be found past the gap (backward-shift deletion: no tombstones, so lookups
   * stay short however many ids come and go).
   */
  private remove(hole: number): void {
    for (let j = (hole + 1) & this.mask; this.index[j] !== 0; j = (j + 1) & this.mask) {
      const entry = this.index[j]!;
      const home = this.ring[(entry - 1) * 2]! & this.mask;
      // The entry may stay only if its home lies cyclically in (hole, j].
      const stays = hole < j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      this.index[hole] = entry;
      hole = j;
    }
    this.index[hole] = 0;
  }
}

/** The last fingerprint's two words: module state, so a lookup allocates nothing. */
let fpA = 0;
let fpB = 0;

/**
 * A 64-bit fingerprint of a string as two 32-bit words (into fpA, fpB): cyrb53's two
 * multiply-xorshift lanes (bryc, public domain), both kept whole instead of folded into 53 bits.
 */
function fingerprint(s: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  fpA = h1 | 0;
  fpB = h2 | 0;
}
