/**
 * Document analysis into index keys, shared by the build (pass 1) and the live index: analyzes every article once and records, per document, which index keys it
 * contains and how often in each field, plus the collection statistics that scoring (document
 * frequencies, average lengths) and the lexicon (reading and pair counts) need.
 *
 * Hot path (tens of millions of tokens): every distinct exact syllable is interned once into small
 * integer ids that carry its folded/exact term ids, and pairs are keyed by a numeric combination of
 * two ids, so the inner loop does numeric map lookups and allocates no strings.
 * @module
 */
import { forEachToken } from '../analyzer/tokenize.js';
import { grow, PairTable } from './pair-table.js';
import { MAX_HEADLINE_SYLLABLES } from './shard-postings.js';
import { bigramKey, exactKey, foldedKey, storesExactKey, titleStartKey } from './term-keys.js';

/** The keys one document contains, with per-field frequencies (parallel arrays). */
export interface DocTerms {
  termIds: Uint32Array;
  tfTitle: Uint16Array;
  tfBody: Uint16Array;
  lenTitle: number;
  lenBody: number;
  /** Term ids of the headline's folded syllables in order (at most `MAX_HEADLINE_SYLLABLES`). */
  headline: Uint32Array;
  /** Parallel to `headline`: the exact key's term id of a syllable with diacritics, else its folded key's. */
  headlineExact: Uint32Array;
}

const TITLE = 0;
/**
 * Syllables numbered past this (the rarest of a very large vocabulary, as first seen) get no triples:
 * a bound kept from when triples were keyed by `pair · 2^23 + syllable` (unchanged, so builds keep
 * their bytes).
 */
const TRIPLE_THIRD_SPAN = 2 ** 23;

/**
 * What a {@link TermCollector} gathered, in plain arrays a worker thread can post: merged into
 * another collector with {@link TermCollector.merge}.
 */
export interface CollectorSnapshot {
  keys: string[];
  df: Uint32Array;
  /** Exact syllables, their folded forms and occurrences (parallel). */
  syllables: string[];
  syllableFolded: string[];
  syllableCount: Uint32Array;
  /** Exact adjacent pairs as syllable numbers, with occurrences (parallel). */
  pairFirst: Uint32Array;
  pairSecond: Uint32Array;
  pairCount: Uint32Array;
  /** Exact adjacent triples as (pair number, third syllable number), with occurrences (parallel). */
  triplePair: Uint32Array;
  tripleThird: Uint32Array;
  tripleCount: Float64Array;
  /** Exact adjacent four-syllable windows as (triple number, fourth syllable number), with occurrences (parallel). */
  quadTriple: Uint32Array;
  quadFourth: Uint32Array;
  quadCount: Float64Array;
  /** Per window, 1 when it was seen in a headline. */
  quadInHeadline: Uint32Array;
  documentCount: number;
  totalTitleLength: number;
  totalBodyLength: number;
}

/** Exact adjacent triples `first second third` as syllable ids, with their occurrences (column i is one triple). */
export interface TripleColumns {
  first: Uint32Array;
  second: Uint32Array;
  third: Uint32Array;
  count: Uint32Array;
}

/** Interns index keys and accumulates collection statistics while documents are added. */
export class TermCollector {
  /** Key → term id. */
  readonly ids = new Map<string, number>();
  /** Term id → key. */
  readonly keys: string[] = [];
  /** Term id → number of documents containing it. */
  readonly df: number[] = [];
  totalTitleLength = 0;
  totalBodyLength = 0;
  documentCount = 0;

  // Exact syllables: string → syllable id; per syllable id its text, occurrences, term ids.
  private readonly syllableIds = new Map<string, number>();
  private readonly syllables: string[] = [];
  private readonly syllableCount: number[] = [];
  private readonly syllableFoldedTerm: number[] = [];
  private readonly syllableExactTerm: number[] = []; // -1 when unaccented
  private readonly syllableFolded: number[] = []; // folded-form id (shared by all readings)
  private readonly foldedIds = new Map<string, number>();
  private readonly foldedForms: string[] = [];
  /** Folded-form id of the first syllable → (folded-form id of the second → pair term id). */
  private readonly bigramTerms: Array<Map<number, number>> = [];
  /** Exact adjacent pairs (syllable ids) → occurrences, each with the term id of its folded bigram key. */
  private readonly pairs: PairTable;
  /**
   * Exact adjacent triples `a b c` as (pair number of `a b` in {@link pairs}, syllable id of `c`) with
   * their occurrences: typed arrays, not Maps of number keys past 2^31 (boxed, hashed as doubles; the
   * analyzer's slowest step when they were).
   */
  private readonly triples = new PairTable();
  /**
   * Exact adjacent windows `a b c d` as (triple number of `a b c` in {@link triples}, syllable id of
   * `d`); the payload is 1 once the window was seen in a headline.
   */
  private readonly quads = new PairTable();
  // Per-document term frequencies, indexed by term id; `docTerms` lists the ids touched.
  private tfTitleOf: Uint32Array;
  private tfBodyOf: Uint32Array;
  private docTerms: number[] = [];
  private headlineTerms: number[] = [];
  private headlineExactTerms: number[] = [];

  /** @param expectedTerms initial room for distinct keys (grows as needed; small for one article) */
  constructor(expectedTerms = 1 << 16) {
    this.tfTitleOf = new Uint32Array(expectedTerms);
    this.tfBodyOf = new Uint32Array(expectedTerms);
    this.pairs = new PairTable(expectedTerms);
  }

  /** The term id of the folded bigram key `fa fb` (folded-form ids), interned on first sight. */
  private bigramTerm(fa: number, fb: number): number {
    const second = this.bigramTerms[fa];
    let term = second.get(fb);
    if (term === undefined) {
      term = this.intern(bigramKey(this.foldedForms[fa], this.foldedForms[fb]));
      second.set(fb, term);
    }
    return term;
  }

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.df.push(0);
      this.tfTitleOf = grow(this.tfTitleOf, id + 1);
      this.tfBodyOf = grow(this.tfBodyOf, id + 1);
    }
    return id;
  }

  private syllable(exact: string, folded: string): number {
    let s = this.syllableIds.get(exact);
    if (s !== undefined) return s;
    s = this.syllables.length;
    this.syllableIds.set(exact, s);
    this.syllables.push(exact);
    this.syllableCount.push(0);
    this.syllableFoldedTerm.push(this.intern(foldedKey(folded)));
    this.syllableExactTerm.push(storesExactKey(exact, folded) ? this.intern(exactKey(exact)) : -1);
    let f = this.foldedIds.get(folded);
    if (f === undefined) {
      f = this.foldedForms.length;
      this.foldedIds.set(folded, f);
      this.foldedForms.push(folded);
    }
    this.syllableFolded.push(f);
    if (this.bigramTerms.length <= f) this.bigramTerms.push(new Map());
    return s;
  }

  private bump(id: number, field: number): void {
    const t = this.tfTitleOf;
    const b = this.tfBodyOf;
    if (t[id] === 0 && b[id] === 0) this.docTerms.push(id);
    if (field === TITLE) t[id]++;
    else b[id]++;
  }

  private addField(parts: readonly (string | undefined)[], field: number, headline?: string): number {
    // Four-syllable windows are counted in the title field only (kicker and headline, the wording
    // readers type): windows cost memory and time per distinct window, and the body's would cost the
    // build ~40 % more for almost nothing (docs/scaling.md).
    const countWindows = field === TITLE;
    let length = 0;
    let headlineSeen = false;
    for (const text of parts) {
      if (!text) continue;
      let prev = -1;
      let prevPair = -1; // pair id of the two syllables before, when adjacent
      let prevTriple = -1; // triple id of the three syllables before, when adjacent
      let position = 0;
      const isHeadline = !headlineSeen && text === headline;
      if (isHeadline) headlineSeen = true;
      forEachToken(text, (t) => {
        length++;
        if (isHeadline && position === 1 && t.joined && prev >= 0) {
          this.bump(this.intern(titleStartKey(this.foldedForms[this.syllableFolded[prev]], t.folded)), field);
        }
        position++;
        const s = this.syllable(t.exact, t.folded);
        this.syllableCount[s]++;
        this.bump(this.syllableFoldedTerm[s], field);
        const exactTerm = this.syllableExactTerm[s];
        if (isHeadline && this.headlineTerms.length < MAX_HEADLINE_SYLLABLES) {
          this.headlineTerms.push(this.syllableFoldedTerm[s]);
          this.headlineExactTerms.push(exactTerm >= 0 ? exactTerm : this.syllableFoldedTerm[s]);
        }
        if (exactTerm >= 0) this.bump(exactTerm, field);
        if (prev >= 0 && t.joined) {
          const pairs = this.pairs;
          const pair = pairs.add(prev, s);
          if (pairs.countOf(pair) === 1) pairs.setPayload(pair, this.bigramTerm(this.syllableFolded[prev], this.syllableFolded[s]));
          this.bump(pairs.payloadOf(pair), field);
          if (prevTriple >= 0 && countWindows) {
            const quad = this.quads.add(prevTriple, s);
            if (isHeadline) this.quads.setPayload(quad, 1);
          }
          prevTriple = prevPair >= 0 && s < TRIPLE_THIRD_SPAN ? this.triples.add(prevPair, s) : -1;
          prevPair = pair;
        } else {
          prevPair = -1;
          prevTriple = -1;
        }
        prev = s;
      });
    }
    return length;
  }

  /**
   * Analyzes one document.
   * @param title texts of the title field (kicker, headline), tokenized separately so no pair spans them
   * @param body texts of the body field (lead, body)
   * @param headline the headline among `title` (its first syllables get title-start keys)
   */
  add(title: readonly (string | undefined)[], body: readonly (string | undefined)[], headline?: string): DocTerms {
    this.docTerms = [];
    this.headlineTerms = [];
    this.headlineExactTerms = [];
    const lenTitle = this.addField(title, TITLE, headline);
    const lenBody = this.addField(body, 1);
    const n = this.docTerms.length;
    const termIds = new Uint32Array(n);
    const tfTitle = new Uint16Array(n);
    const tfBody = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const id = this.docTerms[i];
      termIds[i] = id;
      tfTitle[i] = Math.min(this.tfTitleOf[id], 0xffff);
      tfBody[i] = Math.min(this.tfBodyOf[id], 0xffff);
      this.tfTitleOf[id] = 0;
      this.tfBodyOf[id] = 0;
      this.df[id]++;
    }
    this.documentCount++;
    this.totalTitleLength += lenTitle;
    this.totalBodyLength += lenBody;
    return { termIds, tfTitle, tfBody, lenTitle, lenBody, headline: Uint32Array.from(this.headlineTerms), headlineExact: Uint32Array.from(this.headlineExactTerms) };
  }

  /** The collection statistics gathered so far (not the per-document terms, which `add` returned). */
  snapshot(): CollectorSnapshot {
    const { first: pairFirst, second: pairSecond, counts: pairCount } = this.pairs.columns();
    const { first: triplePair, second: tripleThird, counts } = this.triples.columns();
    const tripleCount = Float64Array.from(counts);
    const quads = this.quads.columns();
    return {
      triplePair, tripleThird, tripleCount,
      quadTriple: quads.first, quadFourth: quads.second, quadCount: Float64Array.from(quads.counts),
      quadInHeadline: this.quads.payloadColumn(),
      keys: this.keys, df: Uint32Array.from(this.df),
      syllables: this.syllables, syllableFolded: this.syllableFolded.map((f) => this.foldedForms[f]), syllableCount: Uint32Array.from(this.syllableCount),
      pairFirst, pairSecond, pairCount,
      documentCount: this.documentCount, totalTitleLength: this.totalTitleLength, totalBodyLength: this.totalBodyLength,
    };
  }

  /**
   * Adds the statistics of documents another collector analyzed (e.g. in a worker thread), as if
   * they had been added here.
   * @returns the other collector's term id → this collector's term id (to renumber its documents' terms)
   */
  merge(s: CollectorSnapshot): Uint32Array {
    const terms = new Uint32Array(s.keys.length);
    for (let i = 0; i < s.keys.length; i++) {
      const id = this.intern(s.keys[i]);
      terms[i] = id;
      this.df[id] += s.df[i];
    }
    const syllables = new Uint32Array(s.syllables.length);
    for (let i = 0; i < s.syllables.length; i++) {
      const id = this.syllable(s.syllables[i], s.syllableFolded[i]);
      syllables[i] = id;
      this.syllableCount[id] += s.syllableCount[i];
    }
    const { pairs } = this;
    const pairNumbers = new Uint32Array(s.pairFirst.length);
    for (let p = 0; p < s.pairFirst.length; p++) {
      const a = syllables[s.pairFirst[p]];
      const b = syllables[s.pairSecond[p]];
      const before = pairs.size;
      const pair = pairs.add(a, b, s.pairCount[p]);
      if (pairs.size > before) pairs.setPayload(pair, this.bigramTerm(this.syllableFolded[a], this.syllableFolded[b]));
      pairNumbers[p] = pair;
    }
    const tripleNumbers = new Int32Array(s.triplePair.length).fill(-1);
    for (let t = 0; t < s.triplePair.length; t++) {
      const third = syllables[s.tripleThird[t]];
      if (third >= TRIPLE_THIRD_SPAN) continue; // as in `add`: rarer syllables get no triples
      tripleNumbers[t] = this.triples.add(pairNumbers[s.triplePair[t]], third, s.tripleCount[t]);
    }
    for (let q = 0; q < s.quadTriple.length; q++) {
      const triple = tripleNumbers[s.quadTriple[q]];
      if (triple < 0) continue;
      const quad = this.quads.add(triple, syllables[s.quadFourth[q]], s.quadCount[q]);
      if (s.quadInHeadline[q]) this.quads.setPayload(quad, 1);
    }
    this.documentCount += s.documentCount;
    this.totalTitleLength += s.totalTitleLength;
    this.totalBodyLength += s.totalBodyLength;
    return terms;
  }

  /** Every exact syllable (accented or not) with its number of occurrences. */
  exactCounts(): Array<[string, number]> {
    return this.syllables.map((s, i) => [s, this.syllableCount[i]]);
  }

  /** Exact adjacent pairs `a b` seen at least `min` times, with their occurrences (in order of first sight). */
  pairCounts(min: number): Array<[string, number]> {
    const { first, second, count } = this.pairColumns(min);
    return Array.from(count, (n, i) => [this.syllables[first[i]] + ' ' + this.syllables[second[i]], n]);
  }

  /**
   * Exact adjacent pairs seen at least `min` times as syllable ids (the positions of
   * {@link exactCounts}) with their occurrences, in the order of {@link pairCounts}.
   */
  pairColumns(min: number): { first: Uint32Array; second: Uint32Array; count: Uint32Array } {
    const { pairs } = this;
    let n = 0;
    for (let p = 0; p < pairs.size; p++) if (pairs.countOf(p) >= min) n++;
    const out = { first: new Uint32Array(n), second: new Uint32Array(n), count: new Uint32Array(n) };
    for (let p = 0, i = 0; p < pairs.size; p++) {
      const c = pairs.countOf(p);
      if (c < min) continue;
      out.first[i] = pairs.firstOf(p);
      out.second[i] = pairs.secondOf(p);
      out.count[i++] = c;
    }
    return out;
  }

  /**
   * A window's weight for keeping it: its occurrences, plus one when it was seen in a headline (what
   * readers search for: a headline's own wording counts as repeated).
   */
  private quadWeight(q: number): number {
    return this.quads.countOf(q) + this.quads.payloadOf(q);
  }

  /**
   * How many distinct exact four-syllable windows have weight exactly n (occurrences, plus one when
   * seen in a headline), for n = 1..`cap` (index n; heavier windows counted at `cap`): what a budget
   * needs to choose a minimum.
   */
  quadWeightHistogram(cap: number): Float64Array {
    const h = new Float64Array(cap + 1);
    for (let q = 0; q < this.quads.size; q++) h[Math.min(cap, this.quadWeight(q))]++;
    return h;
  }

  /**
   * Calls `fn` with each exact four-syllable window of weight at least `min` (occurrences, plus one
   * when seen in a headline) that is the dominant spelling of its folded form (at least `share` of the
   * folded window's occurrences, over every spelling seen), in no particular order.
   */
  forEachDominantQuad(min: number, share: number, fn: (a: string, b: string, c: string, d: string) => void): void {
    const { quads, triples, pairs, syllables, syllableFolded } = this;
    // A folded window as a 53-bit hash of its four folded-form ids (a collision only merges two
    // windows' totals, which can drop a window, never keep one wrongly).
    const foldedKey = (q: number): number => {
      const t = quads.firstOf(q);
      const p = triples.firstOf(t);
      const a = syllableFolded[pairs.firstOf(p)];
      const b = syllableFolded[pairs.secondOf(p)];
      const c = syllableFolded[triples.secondOf(t)];
      const d = syllableFolded[quads.secondOf(q)];
      const h1 = Math.imul(Math.imul(Math.imul(Math.imul(0x811c9dc5 ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193) ^ d, 0x01000193);
      const h2 = Math.imul(Math.imul(Math.imul(Math.imul(0x2545f491 ^ d, 0x5bd1e995) ^ c, 0x5bd1e995) ^ b, 0x5bd1e995) ^ a, 0x5bd1e995);
      return (h1 >>> 0) * 0x200000 + ((h2 ^ (h2 >>> 15)) >>> 11);
    };
    const keys = new Float64Array(quads.size);
    const totals = new Map<number, number>();
    for (let q = 0; q < quads.size; q++) {
      keys[q] = foldedKey(q);
      if (this.quadWeight(q) >= min) totals.set(keys[q], 0);
    }
    for (let q = 0; q < quads.size; q++) {
      const n = totals.get(keys[q]);
      if (n !== undefined) totals.set(keys[q], n + quads.countOf(q));
    }
    for (let q = 0; q < quads.size; q++) {
      if (this.quadWeight(q) < min || quads.countOf(q) < share * totals.get(keys[q])!) continue;
      const t = quads.firstOf(q);
      const p = triples.firstOf(t);
      fn(syllables[pairs.firstOf(p)], syllables[pairs.secondOf(p)], syllables[triples.secondOf(t)], syllables[quads.secondOf(q)]);
    }
  }

  /**
   * Exact adjacent triples seen at least `min` times as syllable ids (the positions of
   * {@link exactCounts}) with their occurrences, in no particular order (the lexicon sorts what it
   * keeps): what the lexicon build works on, millions of triples without a string each.
   */
  tripleColumns(min: number): TripleColumns {
    const { triples, pairs } = this;
    let n = 0;
    for (let t = 0; t < triples.size; t++) if (triples.countOf(t) >= min) n++;
    const out = { first: new Uint32Array(n), second: new Uint32Array(n), third: new Uint32Array(n), count: new Uint32Array(n) };
    for (let t = 0, i = 0; t < triples.size; t++) {
      const c = triples.countOf(t);
      if (c < min) continue;
      const pair = triples.firstOf(t);
      out.first[i] = pairs.firstOf(pair);
      out.second[i] = pairs.secondOf(pair);
      out.third[i] = triples.secondOf(t);
      out.count[i++] = c;
    }
    return out;
  }
}
