/**
 * Finding every term within a small edit distance of a word without looking at every term: a sorted
 * dictionary is an implicit trie (terms sharing a prefix are contiguous, grouped by their next byte),
 * so an edit-distance table can be extended one byte per trie edge and whole subtrees dropped as soon
 * as no completion can come back under the bound (Ukkonen's cut-off). The work depends on how many
 * prefixes lie near the word, not on the dictionary's size.
 *
 * Edits near the start of a word would keep thousands of short prefixes alive in a large dictionary,
 * so callers split the search (pigeonhole, see `fuzzy.ts`): a walk takes {@link Checkpoint}s, limits
 * on the edits an alignment may have spent by a point of the word (the first half intact, say), and
 * the table keeps only alignments that meet them, so a prefix dies as soon as every such alignment
 * has; the same walk over the terms written backwards covers the word's second half. An edit exactly
 * on a checkpoint's boundary counts on one chosen side ({@link WalkBound.boundary}), so that a
 * forward and a backward walk split every alignment the same way and together miss none.
 *
 * Speed comes from doing little per trie node: only the band of the table within `max` of the
 * diagonal is computed; once the edits are spent, only the few next bytes that continue an alignment
 * are looked up (binary search) instead of stepping into every child; terms are read in place
 * (contiguous bytes, no indirection); the first two trie levels come from a table of 2-byte prefix
 * ranges; ranges of a few terms are finished term by term; and the walker keeps its scratch memory
 * between lookups (no allocation, no closures per walk).
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

/**
 * A cost-so-far limit of the walk: alignments must have consumed the query's first `at` bytes with
 * at most `max` edits (pigeonhole splitting: see `fuzzy.ts`).
 */
export interface Checkpoint {
  at: number;
  max: number;
}

/** Bound of the walk: terms within `max` edits whose alignment also meets every checkpoint. */
export interface WalkBound {
  max: number;
  checkpoints?: readonly Checkpoint[];
  /**
   * Which side of a checkpoint an edit on its boundary counts on: a term byte inserted exactly at the
   * checkpoint, or a transposition of the two query bytes around it. `'after'` (the default) counts
   * it after the checkpoint, `'before'` before it. A walk over reversed terms uses `'before'` to count
   * such an edit on the same side of the original word as a forward walk using `'after'`.
   */
  boundary?: 'before' | 'after';
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

/** Larger than any distance a walk accepts: marks a table cell no alignment within the bound reaches. */
const OUT = 1 << 20;

/**
 * One walk's state and scratch memory (kept between walks: a lookup allocates nothing but its
 * results). Methods, not closures, so that starting a walk creates no functions.
 */
class TrieWalk {
  private bytes: Uint8Array = new Uint8Array(0);
  private offsets: Uint32Array = new Uint32Array(0);
  private table: Uint32Array = new Uint32Array(0);
  private query: Uint8Array = new Uint8Array(0);
  private m = 0;
  private max = 0;
  private maxDepth = 0;
  private found: (term: number, distance: number) => void = () => {};
  /** limit[j]: the most edits an alignment may have spent when it has consumed j query bytes. */
  private limit = new Int32Array(0);
  /** Bounds of moves entering column j (diagonal, horizontal), staying in it (a term byte inserted), and of the transposition landing in it. */
  private enter = new Int32Array(0);
  private stay = new Int32Array(0);
  private swap = new Int32Array(0);
  /** Columns k where the bound rises after k and boundary edits count after: transpositions around k may jump a dead row. */
  private rises = new Int32Array(0);
  private riseCount = 0;
  /** rows[d]: the table row after d bytes of the current path; chars[d]: the byte at depth d. */
  private rows: Int32Array[] = [];
  private chars = new Int32Array(0);
  private wild = new Int32Array(0);
  /** choices[d]: the bytes that can follow the prefix at depth d (see {@link nextBytes}). */
  private choices: Int32Array[] = [];
  /** Set while walking: a `found` callback that starts another walk gets a fresh walker. */
  busy = false;

  run(terms: SortedTerms, table: Uint32Array, query: Uint8Array, bound: WalkBound, found: (term: number, distance: number) => void): void {
    const m = query.length;
    const { max } = bound;
    const maxDepth = m + max;
    this.bytes = terms.bytes;
    this.offsets = terms.offsets;
    this.table = table;
    this.query = query;
    this.found = found;
    this.m = m;
    this.max = max;
    this.maxDepth = maxDepth;
    this.reserve(m, max, maxDepth);
    // An alignment that has consumed j query bytes must still meet every checkpoint at or after j,
    // and costs never decrease along an alignment.
    const limit = this.limit;
    limit.fill(max, 0, m + 2);
    for (const c of bound.checkpoints ?? []) {
      if (c.at < 0 || c.at > m) continue;
      for (let j = 0; j <= c.at; j++) if (c.max < limit[j]) limit[j] = c.max;
    }
    // An edit on a checkpoint's boundary: a term byte inserted in column j counts after j by default
    // (bounded by limit[j + 1]); the transposition landing in column j swaps query bytes j − 2 and
    // j − 1, around column j − 1.
    const after = bound.boundary !== 'before';
    this.riseCount = 0;
    for (let j = 0; j <= m; j++) {
      this.enter[j] = limit[j];
      this.stay[j] = after ? limit[j + 1] : limit[j];
      this.swap[j] = after || j < 1 ? limit[j] : limit[j - 1];
      if (after && j >= 1 && j < m && limit[j] < limit[j + 1]) this.rises[this.riseCount++] = j;
    }
    for (let d = 0; d <= maxDepth + 1; d++) this.rows[d].fill(OUT, 0, m + 1);
    const row0 = this.rows[0];
    for (let j = 0; j <= m && j <= max; j++) row0[j] = j <= this.enter[j] ? j : OUT;
    this.walkFromRoot();
  }

  /** Grows the scratch memory to fit a query of m bytes within `max` edits. */
  private reserve(m: number, max: number, maxDepth: number): void {
    if (this.limit.length < m + 2) {
      this.limit = new Int32Array(m + 2);
      this.enter = new Int32Array(m + 1);
      this.stay = new Int32Array(m + 1);
      this.swap = new Int32Array(m + 1);
      this.rises = new Int32Array(m + 1);
      this.wild = new Int32Array(m + 1);
      this.rows = [];
    }
    const width = 3 * (2 * max + 1) + m + 1;
    if (this.choices.length > 0 && this.choices[0].length < width) this.choices = [];
    while (this.rows.length < maxDepth + 2) this.rows.push(new Int32Array(this.limit.length - 1));
    while (this.choices.length < maxDepth + 2) this.choices.push(new Int32Array(width));
    if (this.chars.length < maxDepth + 2) this.chars = new Int32Array(maxDepth + 2);
  }

  /** Extends rows[depth] by byte c into rows[depth + 1]; returns whether the new prefix can still lead to a match. */
  private step(depth: number, c: number): boolean {
    const { query, m, max, enter, stay, swap } = this;
    const row = this.rows[depth];
    const next = this.rows[depth + 1];
    const prev2 = depth >= 1 ? this.rows[depth - 1] : null;
    const before = depth >= 1 ? this.chars[depth - 1] : -1;
    let v0 = row[0] + 1;
    if (v0 > stay[0]) v0 = OUT;
    next[0] = v0;
    let rowMin = v0;
    // Cells further than `max` from the diagonal exceed the bound: only the band is computed (the
    // others keep OUT from the start, since a row only ever holds one depth).
    const hi = depth + 1 + max < m ? depth + 1 + max : m;
    for (let j = depth + 1 - max > 1 ? depth + 1 - max : 1; j <= hi; j++) {
      let v = next[j - 1] + 1;
      const sub = row[j - 1] + (query[j - 1] === c ? 0 : 1);
      if (sub < v) v = sub;
      if (prev2 !== null && j > 1 && query[j - 2] === c && query[j - 1] === before) {
        const t = prev2[j - 2] + 1;
        if (t < v && t <= swap[j]) v = t;
      }
      if (v > enter[j]) v = OUT;
      const del = row[j] + 1;
      if (del < v && del <= stay[j]) v = del;
      next[j] = v;
      if (v < rowMin) rowMin = v;
    }
    this.chars[depth] = c;
    if (rowMin < OUT) return true;
    // A dead row can still be jumped over by a transposition out of `row` (query bytes j, j + 1 read
    // as c then the next byte): its middle cell may break a checkpoint that the swap as a whole
    // meets. Only where the bound rises after column j + 1 and the swap counts after it.
    for (let k = 0; k < this.riseCount; k++) {
      const j = this.rises[k] - 1;
      if (query[j + 1] === c && query[j] !== c && row[j] + 1 <= swap[j + 2] && row[j] + 1 <= enter[j + 2]) return true;
    }
    return false;
  }

  /** Reports a term whose bytes were all consumed at `depth`. */
  private report(t: number, depth: number): void {
    const d = this.rows[depth][this.m];
    if (d <= this.max) this.found(t, d);
  }

  /** Finishes one term from `depth` on, byte by byte. */
  private finish(t: number, depth: number): void {
    const start = this.offsets[t];
    const len = this.offsets[t + 1] - start;
    if (len > this.maxDepth) return;
    for (let d = depth; d < len; d++) if (!this.step(d, this.bytes[start + d])) return;
    this.report(t, len);
  }

  /**
   * Which bytes can extend the prefix at `depth`: writes them, sorted and distinct, into
   * choices[depth] and returns their count, or −1 when any byte can. When a byte matching no query
   * byte near the diagonal would end every alignment (the usual case once the edits are spent), only
   * the few bytes that continue one (a match, the second byte of a transposition, or the first of
   * one jumping a checkpoint) are looked up, instead of stepping into every child.
   */
  private nextBytes(depth: number): number {
    const { query, m, max, enter, stay, wild } = this;
    const row = this.rows[depth];
    let w = row[0] + 1;
    if (w > stay[0]) w = OUT;
    if (w < OUT) return -1;
    wild[0] = w;
    const lo = depth + 1 - max > 1 ? depth + 1 - max : 1;
    const hi = depth + 1 + max < m ? depth + 1 + max : m;
    if (lo > 1) wild[lo - 1] = OUT;
    for (let j = lo; j <= hi; j++) {
      let v = wild[j - 1] + 1;
      if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
      if (v > enter[j]) v = OUT;
      const del = row[j] + 1;
      if (del < v && del <= stay[j]) v = del;
      if (v < OUT) return -1;
      wild[j] = v;
    }
    const out = this.choices[depth];
    let n = 0;
    const prev2 = depth >= 1 ? this.rows[depth - 1] : null;
    const before = depth >= 1 ? this.chars[depth - 1] : -1;
    // query[j − 1] (a match into column j), query[j − 2] (a transposition into column j), then the
    // first bytes of transpositions jumping a checkpoint.
    for (let j = lo; j <= hi + this.riseCount; j++) {
      for (let pass = 0; pass < 2; pass++) {
        let c = -1;
        if (j > hi) {
          if (pass === 0) {
            const r = this.rises[j - hi - 1] - 1;
            if (row[r] < OUT) c = query[r + 1];
          }
        } else if (pass === 0) {
          if (row[j - 1] < OUT) c = query[j - 1];
        } else if (prev2 !== null && j > 1 && query[j - 1] === before && prev2[j - 2] < OUT) {
          c = query[j - 2];
        }
        if (c < 0) continue;
        let k = n;
        while (k > 0 && out[k - 1] > c) k--;
        if (k > 0 && out[k - 1] === c) continue;
        for (let x = n; x > k; x--) out[x] = out[x - 1];
        out[k] = c;
        n++;
      }
    }
    return n;
  }

  /** First term in [lo, hi) whose byte at `depth` is greater than `c` (every term is longer than depth). */
  private upperBound(lo: number, hi: number, depth: number, c: number): number {
    const { bytes, offsets } = this;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bytes[offsets[mid] + depth] <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits the terms in [lo, hi), which share their first `depth` bytes (the path to rows[depth]). */
  private visit(lo: number, hi: number, depth: number): void {
    const { bytes, offsets } = this;
    if (hi - lo <= LEAF_TERMS) {
      const n = this.nextBytes(depth);
      const list = this.choices[depth];
      for (let p = lo; p < hi; p++) {
        if (n >= 0 && offsets[p + 1] - offsets[p] > depth) {
          const c = bytes[offsets[p] + depth];
          let k = 0;
          while (k < n && list[k] !== c) k++;
          if (k === n) continue;
        }
        this.finish(p, depth);
      }
      return;
    }
    let p = lo;
    // Terms equal to the current prefix sort first.
    while (p < hi && offsets[p + 1] - offsets[p] === depth) this.report(p++, depth);
    if (depth >= this.maxDepth) return;
    const n = this.nextBytes(depth);
    if (n < 0) {
      while (p < hi) {
        const c = bytes[offsets[p] + depth];
        const e = this.upperBound(p + 1, hi, depth, c);
        if (this.step(depth, c)) this.visit(p, e, depth + 1);
        p = e;
      }
      return;
    }
    const list = this.choices[depth];
    for (let k = 0; k < n && p < hi; k++) {
      const c = list[k];
      const s = this.upperBound(p, hi, depth, c - 1);
      const e = this.upperBound(s, hi, depth, c);
      if (s < e && this.step(depth, c)) this.visit(s, e, depth + 1);
      p = e;
    }
  }

  /** Visits the terms starting with byte b0; their second level comes from the prefix table. */
  private visitFirst(b0: number): void {
    const table = this.table;
    const start = table[b0 << 8];
    const end = table[(b0 + 1) << 8];
    if (start === end || !this.step(0, b0)) return;
    if (end - start <= LEAF_TERMS) { this.visit(start, end, 1); return; }
    // One-byte terms, then groups by the second byte.
    const ones = table[(b0 << 8) | 1];
    for (let p = start; p < ones; p++) this.report(p, 1);
    if (this.maxDepth < 2) return;
    const n = this.nextBytes(1);
    const list = this.choices[1];
    const count = n < 0 ? 256 : n;
    for (let k = 0; k < count; k++) {
      const b1 = n < 0 ? k : list[k];
      if (b1 === 0) continue;
      const s = table[(b0 << 8) | b1];
      const e = table[((b0 << 8) | b1) + 1];
      if (s !== e && this.step(1, b1)) this.visit(s, e, 2);
    }
  }

  private walkFromRoot(): void {
    const n = this.nextBytes(0);
    if (n < 0) for (let b0 = 1; b0 < 256; b0++) this.visitFirst(b0);
    else for (let k = 0; k < n; k++) if (this.choices[0][k] > 0) this.visitFirst(this.choices[0][k]);
  }
}

const shared = new TrieWalk();

/**
 * Calls `found(termIndex, distance)` for every term within the bound of `query`, each at most once.
 * With checkpoints, `distance` is the cost of the best alignment that meets them (at least the true
 * distance; equal to it whenever the best alignment meets them).
 * @param table {@link prefixTable} of the same terms
 */
export function walkWithinDistance(terms: SortedTerms, table: Uint32Array, query: Uint8Array, bound: WalkBound, found: (term: number, distance: number) => void): void {
  if (query.length > MAX_WALK_BYTES || query.length === 0) return;
  const walker = shared.busy ? new TrieWalk() : shared;
  walker.busy = true;
  try {
    walker.run(terms, table, query, bound, found);
  } finally {
    walker.busy = false;
  }
}
