/**
 * An open-addressing hash table of ordered pairs of small integers (two syllable ids; for triples, a
 * pair's number and a syllable id), each pair numbered in order of first sight, with a per-pair
 * counter and one per-pair payload (the term id of the pair's folded bigram key). Built for the analyzer's hot loop: one probe of typed arrays per
 * adjacent pair instead of three `Map` operations, and no per-entry heap objects, so tens of millions
 * of pairs cost a few hundred megabytes outside the JavaScript heap and nothing for the collector to
 * trace.
 * @module
 */

/**
 * A Uint32Array with room for `size` elements: `a` itself when it has it, else a copy at least twice
 * as long (amortized growth).
 */
export function grow(a: Uint32Array, size: number): Uint32Array {
  if (size <= a.length) return a;
  const b = new Uint32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Ordered pairs `(first, second)` of u32 ids with an occurrence count and a u32 payload each. */
export class PairTable {
  /** Slot → pair number + 1 (0: empty). */
  private slots: Uint32Array;
  private mask: number;
  private first: Uint32Array;
  private second: Uint32Array;
  private counts: Uint32Array;
  private payloads: Uint32Array;
  /** Number of distinct pairs. */
  size = 0;

  /** @param expected initial room (grows as needed) */
  constructor(expected = 1 << 12) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.first = new Uint32Array(expected);
    this.second = new Uint32Array(expected);
    this.counts = new Uint32Array(expected);
    this.payloads = new Uint32Array(expected);
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
  }

  /** The number of pair `(a, b)`, or -1 when it was never added. */
  find(a: number, b: number): number {
    const { slots, mask, first, second } = this;
    let slot = PairTable.hash(a, b) & mask;
    for (;;) {
      const p = slots[slot];
      if (p === 0) return -1;
      if (first[p - 1] === a && second[p - 1] === b) return p - 1;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Counts `by` (default one) occurrences of `(a, b)`, adding the pair when it is new (its count is
   * then `by` and its payload 0 until {@link setPayload}; {@link size} tells a new pair).
   * @returns the pair's number
   */
  add(a: number, b: number, by = 1): number {
    const { slots, mask, first, second } = this;
    let slot = PairTable.hash(a, b) & mask;
    for (;;) {
      const p = slots[slot];
      if (p === 0) break;
      if (first[p - 1] === a && second[p - 1] === b) {
        this.counts[p - 1] += by;
        return p - 1;
      }
      slot = (slot + 1) & mask;
    }
    const n = this.size++;
    this.first = grow(this.first, n + 1);
    this.second = grow(this.second, n + 1);
    this.counts = grow(this.counts, n + 1);
    this.payloads = grow(this.payloads, n + 1);
    this.first[n] = a;
    this.second[n] = b;
    this.counts[n] = by;
    this.payloads[n] = 0;
    slots[slot] = n + 1;
    if (this.size * 2 > slots.length) this.rehash();
    return n;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let n = 0; n < this.size; n++) {
      let slot = PairTable.hash(this.first[n], this.second[n]) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Copies of the pairs' first ids, second ids and counts, by pair number (for posting to another thread). */
  columns(): { first: Uint32Array; second: Uint32Array; counts: Uint32Array } {
    return { first: this.first.slice(0, this.size), second: this.second.slice(0, this.size), counts: this.counts.slice(0, this.size) };
  }

  /** A copy of the pairs' payloads, by pair number. */
  payloadColumn(): Uint32Array {
    return this.payloads.slice(0, this.size);
  }

  /** First id of pair number `n`. */
  firstOf(n: number): number { return this.first[n]; }
  /** Second id of pair number `n`. */
  secondOf(n: number): number { return this.second[n]; }
  /** Occurrences of pair number `n`. */
  countOf(n: number): number { return this.counts[n]; }
  /** Sets the payload of pair number `n`. */
  setPayload(n: number, payload: number): void { this.payloads[n] = payload; }
  /** Payload of pair number `n`. */
  payloadOf(n: number): number { return this.payloads[n]; }
}
