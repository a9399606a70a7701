/**
 * Finding every term within a small edit distance of a word without looking at every term: a sorted
 * dictionary is an implicit trie (terms sharing a prefix are contiguous, grouped by their next byte),
 * so an edit-distance table can be extended one byte per trie edge and whole subtrees dropped as soon
 * as no completion can come back under the bound (Ukkonen's cut-off). The work depends on how many
 * prefixes lie near the word, not on the dictionary's size.
 *
 * Edits near the start of a word would keep thousands of short prefixes alive in a large dictionary,
 * so callers split the search (pigeonhole, see `fuzzy.ts`): a walk can require the first part of the
 * word to be within a smaller bound ({@link WalkBound.half}); the same walk over the terms written
 * backwards covers the word's second half.
 *
 * Speed comes from memory order: terms are read in place (contiguous bytes, no indirection), the
 * first two trie levels come from a table of 2-byte prefix ranges (no binary search over a million
 * terms), deeper groups are found by binary search within their small range, and ranges of a few
 * terms are finished term by term.
 *
 * Distances are optimal string alignment (adjacent transpositions count one) over UTF-8 bytes, the
 * same measure as `boundedEditDistance` in `fuzzy.ts`.
 * @module
 */

/** A sorted dictionary as flat arrays (see `TermDictionary`). */
export interface SortedTerms {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/** Bound of the walk: terms within `max` edits, optionally with a half that must be within `halfMax`. */
export interface WalkBound {
  max: number;
  /**
   * When set, only terms whose alignment reaches query position `at` (the query as walked) with at
   * most `max` edits are reported.
   */
  half?: { at: number; max: number };
}

/** Largest query (in bytes) the walk accepts; longer words have no typo candidates. */
export const MAX_WALK_BYTES = 64;

/** Ranges of at most this many terms are finished term by term instead of split by next byte. */
const LEAF_TERMS = 24;

/**
 * For every 2-byte prefix value v = (b0 << 8) | b1 (b1 = 0 for a one-byte term), the first term
 * whose prefix value is ≥ v: the first two trie levels without binary search. Terms must not be
 * empty nor contain a NUL byte (analyzer tokens never do).
 */
export function prefixTable(terms: SortedTerms): Uint32Array {
  const { bytes, offsets } = terms;
  const size = offsets.length - 1;
  const table = new Uint32Array(65537);
  let v = 0;
  for (let t = 0; t < size; t++) {
    const len = offsets[t + 1] - offsets[t];
    const key = (bytes[offsets[t]] << 8) | (len < 2 ? 0 : bytes[offsets[t] + 1]);
    while (v <= key) table[v++] = t;
  }
  while (v <= 65536) table[v++] = size;
  return table;
}

/**
 * Calls `found(termIndex, distance)` for every term within the bound of `query`, each at most once.
 * @param table {@link prefixTable} of the same terms
 */
export function walkWithinDistance(terms: SortedTerms, table: Uint32Array, query: Uint8Array, bound: WalkBound, found: (term: number, distance: number) => void): void {
  const m = query.length;
  if (m > MAX_WALK_BYTES || m === 0) return;
  const { bytes, offsets } = terms;
  const { max } = bound;
  const half = bound.half;
  const maxDepth = m + max;
  // rows[d]: the table row after d bytes of the current path; chars[d]: the byte at depth d.
  const rows: Int32Array[] = Array.from({ length: maxDepth + 2 }, () => new Int32Array(m + 1));
  const chars = new Int32Array(maxDepth + 2);
  for (let j = 0; j <= m; j++) rows[0][j] = j;

  /** Extends rows[depth] by byte c into rows[depth + 1]; returns whether the new prefix can still lead to a match, and whether the half is now satisfied. */
  let satOut = false;
  const step = (depth: number, c: number, satisfied: boolean): boolean => {
    const row = rows[depth];
    const next = rows[depth + 1];
    const prev2 = depth >= 1 ? rows[depth - 1] : null;
    const before = depth >= 1 ? chars[depth - 1] : -1;
    next[0] = depth + 1;
    let rowMin = next[0];
    for (let j = 1; j <= m; j++) {
      let v = row[j] + 1;
      const ins = next[j - 1] + 1;
      if (ins < v) v = ins;
      const sub = row[j - 1] + (query[j - 1] === c ? 0 : 1);
      if (sub < v) v = sub;
      if (prev2 && j > 1 && query[j - 2] === c && query[j - 1] === before && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      next[j] = v;
      if (v < rowMin) rowMin = v;
    }
    chars[depth] = c;
    satOut = satisfied;
    if (rowMin > max) return false;
    if (!satisfied && half) {
      if (next[half.at] <= half.max) satOut = true;
      else {
        // Columns up to `half.at` never decrease along a path: once all exceed the half's bound, no
        // deeper prefix can bring the first half back within it.
        let halfMin = next[0];
        for (let j = 1; j <= half.at; j++) if (next[j] < halfMin) halfMin = next[j];
        if (halfMin > half.max) return false;
      }
    }
    return true;
  };

  /** Reports a term whose bytes were all consumed at `depth`. */
  const report = (t: number, depth: number, satisfied: boolean) => {
    const d = rows[depth][m];
    if (satisfied && d <= max) found(t, d);
  };

  /** Finishes one term from `depth` on, byte by byte. */
  const finish = (t: number, depth: number, satisfied: boolean) => {
    const len = offsets[t + 1] - offsets[t];
    if (len > maxDepth) return;
    let sat = satisfied;
    for (let d = depth; d < len; d++) {
      if (!step(d, bytes[offsets[t] + d], sat)) return;
      sat = satOut;
    }
    report(t, len, sat);
  };

  const visit = (lo: number, hi: number, depth: number, satisfied: boolean): void => {
    if (hi - lo <= LEAF_TERMS) {
      for (let p = lo; p < hi; p++) finish(p, depth, satisfied);
      return;
    }
    let p = lo;
    // Terms equal to the current prefix sort first.
    while (p < hi && offsets[p + 1] - offsets[p] === depth) report(p++, depth, satisfied);
    if (depth >= maxDepth) return;
    while (p < hi) {
      const c = bytes[offsets[p] + depth];
      // End of the group whose byte at `depth` is c (every term in [p, hi) is longer than depth).
      let a = p + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (bytes[offsets[mid] + depth] <= c) a = mid + 1;
        else b = mid;
      }
      if (step(depth, c, satisfied)) visit(p, a, depth + 1, satOut);
      p = a;
    }
  };

  // The first two levels from the prefix table.
  const rootSat = !half || rows[0][half.at] <= half.max;
  for (let b0 = 1; b0 < 256; b0++) {
    const start = table[b0 << 8];
    const end = table[(b0 + 1) << 8];
    if (start === end) continue;
    if (!step(0, b0, rootSat)) continue;
    const sat1 = satOut;
    if (end - start <= LEAF_TERMS) { visit(start, end, 1, sat1); continue; }
    // One-byte terms, then groups by the second byte.
    const ones = table[(b0 << 8) | 1];
    for (let p = start; p < ones; p++) report(p, 1, sat1);
    if (maxDepth < 2) continue;
    for (let b1 = 1; b1 < 256; b1++) {
      const s = table[(b0 << 8) | b1];
      const e = table[((b0 << 8) | b1) + 1];
      if (s === e) continue;
      if (step(1, b1, sat1)) visit(s, e, 2, satOut);
    }
  }
}
