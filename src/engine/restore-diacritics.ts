/**
 * Diacritic restoration for queries typed without accents: the most likely accented reading of each
 * syllable under a second-order language model of the corpus (reading counts, exact pair counts and
 * the informative exact triple counts of the lexicon), with each syllable's posterior probability
 * computed by forward-backward over every reading of the query. A syllable is restored only when its
 * posterior is high; otherwise all its readings stay equal.
 *
 * One more word of context than pairs: in `taxi truyen thong` the pair `truyền thông` is far more
 * frequent, but after `taxi` the corpus writes truyền thống.
 *
 * Confidence scales with the evidence, hence with the corpus: every syllable also has an unseen
 * reading with a fixed pseudo-count ({@link UNSEEN_READING_COUNT}), so a reading seen once or twice in
 * a small archive cannot reach {@link MIN_POSTERIOR}, while the thousands of observations of a large
 * archive make the pseudo-count negligible.
 *
 * Then one more word again: where four adjacent syllables can be read, among their likeliest
 * readings, as exactly one window the archive repeats in that spelling (the lexicon's kept
 * four-syllable windows), that window's readings are taken, unless another window disagrees:
 * `chet dieng khi biet minh do vo cho ca bo lan vo` reads bồ, not the likelier bố, because the
 * archive writes `cho cả bồ lẫn`.
 * @module
 */
import type { Lexicon, Reading } from '../index-format/lexicon.js';
import { quadFingerprint } from '../index-format/pair-section.js';

/** Readings considered per syllable (the most frequent ones). */
const MAX_READINGS = 8;
/**
 * Rarer readings (up to this rank) join when the corpus has seen them next to a likely reading of a
 * neighbouring syllable: `nhiet doi` → nhiệt đới, although đới is only the 14th reading of `doi`.
 */
const MAX_RARE_READINGS = 40;
/** Readings of the neighbour a rare reading is checked against. */
const NEIGHBOUR_READINGS = 4;
/** Pair lookups spent on rare readings per query (about 1 µs each), whatever its length. */
const RARE_READING_BUDGET = 2048;
/** Pair evidence must have been seen at least this often to bring in a rare reading. */
const MIN_PAIR_EVIDENCE = 2;
/** Interpolation weight of the pair model against the reading frequency. */
const PAIR_WEIGHT = 0.9;
/**
 * A context's triples weigh `n / (n + TRIPLE_TYPE_WEIGHT · d)` against the pair model (Witten-Bell:
 * n the occurrences of the context pair, d the distinct syllables the lexicon kept after it), so a
 * pair always followed by the same reading trusts its triple almost fully.
 */
const TRIPLE_TYPE_WEIGHT = 3;
/**
 * Pseudo-count of a reading the corpus has not seen, per syllable: the share of probability a small
 * archive leaves to readings it never met.
 */
export const UNSEEN_READING_COUNT = 1;
/**
 * Observations a reading needs for half confidence: a syllable's confidence is its posterior times
 * `n / (n + EVIDENCE_PSEUDO_COUNT)`, n the reading's occurrences in the corpus.
 */
export const EVIDENCE_PSEUDO_COUNT = 2;
/**
 * A syllable is restored when its confidence reaches this: the smallest threshold that keeps wrong
 * restorations at or under 1% of the accented headline syllables of a tuning set of 1000 baomoi
 * headlines (not those `bench:relevance` reports).
 */
export const MIN_CONFIDENCE = 0.75;
/**
 * In a query typed with diacritics (some readings fixed), how much likelier a word typed without
 * marks is meant as written than its frequency alone says: `công ty` stays ty, `chinh phủ` (never
 * written so) becomes chính phủ.
 */
export const AS_WRITTEN_PRIOR = 20;

/**
 * Readings of a syllable tried in four-syllable windows: those with at least this posterior (and at
 * most {@link QUAD_READINGS} of them).
 */
const QUAD_MIN_POSTERIOR = 0.02;
/** Most readings of one syllable tried in four-syllable windows. */
const QUAD_READINGS = 3;
/** Posterior and confidence of a reading that kept four-syllable windows agree on. */
export const QUAD_CONFIDENCE = 0.99;

/** Result for one syllable: the chosen reading, or null when left ambiguous. */
export type Restoration = Array<string | null>;

/** Tunable constants of the model (the defaults above; benches may try others). */
export const RESTORATION_MODEL = {
  pairWeight: PAIR_WEIGHT,
  /** Whether triples are used (false: the pair model alone, for comparison). */
  triples: true,
  tripleTypeWeight: TRIPLE_TYPE_WEIGHT,
  unseenReadingCount: UNSEEN_READING_COUNT,
  evidencePseudoCount: EVIDENCE_PSEUDO_COUNT,
  minConfidence: MIN_CONFIDENCE,
  /** Triples seen fewer times are ignored (the lexicon's own minimum applies anyway). */
  minTripleCount: 0,
  /** Whether kept four-syllable windows may decide (false: triples at most, for comparison). */
  quads: true,
};

/** A candidate reading at one position; `exact` is '' for the unseen reading. */
interface Candidate {
  exact: string;
  count: number;
  /** Index in the lexicon's exact dictionary (-1 for the unseen reading). */
  index: number;
  /** The reading's probability in the collection. */
  uni: number;
  /** Log of the candidate's own factor (`uni`, times the as-written prior). */
  logPrior: number;
}

/** The most probable reading of one syllable. */
export interface ReadingPosterior {
  /** The reading ('' when a reading the corpus has not seen wins, null without candidates). */
  reading: string | null;
  /** Its posterior probability given the whole query. */
  posterior: number;
  /** Its occurrences in the corpus. */
  count: number;
  /** Posterior discounted by the evidence behind the reading (see {@link EVIDENCE_PSEUDO_COUNT}). */
  confidence: number;
}

/**
 * Posterior probabilities of each syllable's readings, with the most probable reading chosen.
 */
export function restorationPosteriors(lexicon: Lexicon, folded: readonly string[], adjacent: readonly boolean[], fixed?: ReadonlyArray<string | null>): ReadingPosterior[] {
  const m = RESTORATION_MODEL;
  const n = folded.length;
  const collection = Math.max(1, lexicon.totalCount);
  const all: Reading[][] = folded.map((f, i) => {
    const known = fixed?.[i];
    return known ? [{ exact: known, count: lexicon.exactCount(known) }] : lexicon.readings(f, MAX_RARE_READINGS);
  });
  // Pair lookups, by pair index (trigram lookups reuse it).
  const pairIndexCache = new Map<string, number>();
  const pairIndex = (a: string, b: string) => {
    const k = a + ' ' + b;
    let v = pairIndexCache.get(k);
    if (v === undefined) { v = lexicon.pairIndex(a, b); pairIndexCache.set(k, v); }
    return v;
  };
  const pair = (a: string, b: string) => lexicon.pairCountAt(pairIndex(a, b));
  const picked = all.map((c) => c.slice(0, MAX_READINGS));
  let budget = RARE_READING_BUDGET;
  const seenWith = (side: Reading[], pairOf: (other: string) => number) => {
    for (const o of side.slice(0, NEIGHBOUR_READINGS)) {
      if (budget-- <= 0) return false;
      if (pairOf(o.exact) >= MIN_PAIR_EVIDENCE) return true;
    }
    return false;
  };
  for (let i = 0; i < n && budget > 0; i++) {
    for (let k = MAX_READINGS; k < all[i].length && budget > 0; k++) {
      const r = all[i][k].exact;
      if ((i > 0 && adjacent[i] && seenWith(all[i - 1], (a) => pair(a, r)))
        || (i + 1 < n && adjacent[i + 1] && seenWith(all[i + 1], (b) => pair(r, b)))) {
        picked[i].push(all[i][k]);
      }
    }
  }
  const cands: Candidate[][] = picked.map((c, i) => {
    if (c.length === 0) return [];
    const out: Candidate[] = c.map((r) => {
      const uni = (r.count + 0.5) / collection;
      const asWritten = fixed && !fixed[i] && r.exact === folded[i] ? Math.log(AS_WRITTEN_PRIOR) : 0;
      return { exact: r.exact, count: r.count, index: lexicon.exact.indexOf(r.exact), uni, logPrior: Math.log(uni) + asWritten };
    });
    if (!fixed?.[i] && m.unseenReadingCount > 0) out.push({ exact: '', count: 0, index: -1, uni: m.unseenReadingCount / collection, logPrior: Math.log(m.unseenReadingCount / collection) });
    return out;
  });

  const result: ReadingPosterior[] = folded.map(() => ({ reading: null, posterior: 0, count: 0, confidence: 0 }));
  // Per position, the likeliest seen readings (what four-syllable windows try).
  const likeliest: string[][] = folded.map(() => []);
  // Runs of adjacent syllables with candidates are independent chains.
  let s = 0;
  while (s < n) {
    if (cands[s].length === 0) { s++; continue; }
    let e = s + 1;
    while (e < n && adjacent[e] && cands[e].length > 0) e++;
    chain(s, e);
    s = e;
  }
  if (m.quads && lexicon.quadSize > 0) applyQuads(lexicon, pairIndex, likeliest, adjacent, result, fixed);
  return result;

  /**
   * Forward-backward over positions s..e-1 in linear space, each step rescaled. States are (reading
   * at i-1, reading at i); `trans[t]` holds, flat over (h, j, k), the factor of reading k at s+t after
   * readings h, j at the two positions before (h = 0 at t = 1).
   */
  function chain(s: number, e: number): void {
    const len = e - s;
    const size = (i: number) => cands[i].length;
    const trans: Float64Array[] = [];
    // Pair indexes (h at i-2, j at i-1), flat over (h, j); float64: with pair parts they pass 2^31.
    let pairsBefore: Float64Array | null = null;
    for (let t = 1; t < len; t++) {
      const i = s + t;
      const J = size(i - 1);
      const K = size(i);
      const H = t === 1 ? 1 : size(i - 2);
      // Pair factors P(k | j) / P(k), and the pair indexes for the next step's triples.
      const pairs = new Float64Array(J * K).fill(-1);
      const ratio = new Float64Array(J * K);
      for (let j = 0; j < J; j++) {
        const a = cands[i - 1][j];
        for (let k = 0; k < K; k++) {
          const b = cands[i][k];
          if (!a.exact || !b.exact) { ratio[j * K + k] = 1 - m.pairWeight; continue; }
          const p = pairIndex(a.exact, b.exact);
          pairs[j * K + k] = p;
          ratio[j * K + k] = m.pairWeight * (lexicon.pairCountAt(p) / Math.max(1, a.count)) / b.uni + (1 - m.pairWeight);
        }
      }
      const prior = Float64Array.from(cands[i], (c) => Math.exp(c.logPrior));
      const tr = new Float64Array(H * J * K);
      const tripleCounts = new Float64Array(K);
      for (let h = 0; h < H; h++) {
        for (let j = 0; j < J; j++) {
          const base = (h * J + j) * K;
          const p = pairsBefore && t > 1 ? pairsBefore[h * J + j] : -1;
          const group = p >= 0 && m.triples ? lexicon.tripleGroup(p) : -1;
          // Triple counts of this context; when the corpus kept none for this folded syllable, the
          // pair model decides alone (back-off), otherwise readings without a triple get none.
          let seen = false;
          if (group >= 0) {
            for (let k = 0; k < K; k++) {
              const c = cands[i][k].index >= 0 ? lexicon.tripleCountIn(group, cands[i][k].index) : 0;
              tripleCounts[k] = c >= m.minTripleCount ? c : 0;
              if (tripleCounts[k] > 0) seen = true;
            }
          }
          const pairTotal = seen ? lexicon.pairCountAt(p) : 0;
          const w = seen ? pairTotal / (pairTotal + m.tripleTypeWeight * lexicon.tripleGroupSize(group)) : 0;
          for (let k = 0; k < K; k++) {
            let r = ratio[j * K + k];
            if (seen) r = w * (tripleCounts[k] / pairTotal) / cands[i][k].uni + (1 - w) * r;
            tr[base + k] = prior[k] * r;
          }
        }
      }
      trans.push(tr);
      pairsBefore = pairs;
    }
    // Forward: alpha[t] flat over (j, k), j a reading at s+t-1 (one dummy at t = 0).
    const alpha: Float64Array[] = [normalize(Float64Array.from(cands[s], (c) => Math.exp(c.logPrior)))];
    for (let t = 1; t < len; t++) {
      const J = size(s + t - 1);
      const K = size(s + t);
      const H = t === 1 ? 1 : size(s + t - 2);
      const prev = alpha[t - 1];
      const tr = trans[t - 1];
      const cur = new Float64Array(J * K);
      for (let h = 0; h < H; h++) {
        for (let j = 0; j < J; j++) {
          const a = prev[h * J + j];
          if (a === 0) continue;
          const base = (h * J + j) * K;
          for (let k = 0; k < K; k++) cur[j * K + k] += a * tr[base + k];
        }
      }
      alpha.push(normalize(cur));
    }
    // Backward: beta[t] flat over (j, k).
    const beta: Float64Array[] = new Array(len);
    beta[len - 1] = new Float64Array(alpha[len - 1].length).fill(1);
    for (let t = len - 2; t >= 0; t--) {
      const J = t === 0 ? 1 : size(s + t - 1);
      const K = size(s + t);
      const M = size(s + t + 1);
      const tr = trans[t];
      const next = beta[t + 1];
      const cur = new Float64Array(J * K);
      for (let j = 0; j < J; j++) {
        for (let k = 0; k < K; k++) {
          const base = (j * K + k) * M;
          let acc = 0;
          for (let q = 0; q < M; q++) acc += tr[base + q] * next[k * M + q];
          cur[j * K + k] = acc;
        }
      }
      beta[t] = normalize(cur);
    }
    // Posteriors per position.
    for (let t = 0; t < len; t++) {
      const K = size(s + t);
      const J = alpha[t].length / K;
      const marg = new Float64Array(K);
      for (let j = 0; j < J; j++) for (let k = 0; k < K; k++) marg[k] += alpha[t][j * K + k] * beta[t][j * K + k];
      let z = 0;
      let best = 0;
      for (let k = 0; k < K; k++) {
        z += marg[k];
        if (marg[k] > marg[best]) best = k;
      }
      const c = cands[s + t][best];
      const posterior = z > 0 ? marg[best] / z : 0;
      if (z > 0) {
        likeliest[s + t] = [...marg.keys()].filter((k) => cands[s + t][k].exact && marg[k] / z >= QUAD_MIN_POSTERIOR)
          .sort((x, y) => marg[y] - marg[x] || x - y).slice(0, QUAD_READINGS).map((k) => cands[s + t][k].exact);
      }
      result[s + t] = { reading: c.exact, posterior, count: c.count, confidence: posterior * c.count / (c.count + m.evidencePseudoCount) };
    }
  }
}

/**
 * Four-syllable windows: each window of adjacent positions whose likeliest readings combine into
 * exactly one window the lexicon keeps votes for its four readings; a position whose votes all agree
 * takes that reading with {@link QUAD_CONFIDENCE} (positions fixed by the query keep theirs).
 */
function applyQuads(lexicon: Lexicon, pairIndex: (a: string, b: string) => number, likeliest: readonly string[][], adjacent: readonly boolean[], result: ReadingPosterior[], fixed?: ReadonlyArray<string | null>): void {
  const n = likeliest.length;
  const votes: Array<Set<string>> = likeliest.map(() => new Set());
  for (let w = 0; w + 3 < n; w++) {
    if (!adjacent[w + 1] || !adjacent[w + 2] || !adjacent[w + 3]) continue;
    const [A, B, C, D] = [likeliest[w], likeliest[w + 1], likeliest[w + 2], likeliest[w + 3]];
    let found: string[] | null = null;
    let matches = 0;
    for (const a of A) {
      for (const b of B) {
        const p = pairIndex(a, b); // the chains' cached lookups
        if (p < 0) continue;
        for (const c of C) {
          for (const d of D) {
            if (lexicon.hasQuadAt(p, quadFingerprint(a, b, c, d))) { matches++; found = [a, b, c, d]; }
          }
        }
      }
    }
    if (matches === 1) found!.forEach((r, j) => votes[w + j].add(r));
  }
  votes.forEach((v, i) => {
    if (v.size !== 1 || fixed?.[i]) return;
    const [reading] = v;
    result[i] = { reading, posterior: QUAD_CONFIDENCE, count: lexicon.exactCount(reading), confidence: QUAD_CONFIDENCE };
  });
}

/** Scales `a` to sum 1 (left as is when all zero); returns it. */
function normalize(a: Float64Array): Float64Array {
  let sum = 0;
  for (const v of a) sum += v;
  if (sum > 0) for (let i = 0; i < a.length; i++) a[i] /= sum;
  return a;
}

/**
 * Restores a run of folded syllables (`['chinh', 'phu']` → `['chính', 'phủ']`).
 * @param folded folded syllables in query order
 * @param adjacent `adjacent[i]` is true when syllable i directly follows syllable i-1
 * @param fixed per syllable, a reading already known (typed with diacritics), which is kept and serves
 * as context for its neighbours; null where the reading is to be found
 */
export function restoreDiacritics(lexicon: Lexicon, folded: readonly string[], adjacent: readonly boolean[], fixed?: ReadonlyArray<string | null>): Restoration {
  const posteriors = restorationPosteriors(lexicon, folded, adjacent, fixed);
  return folded.map((f, i) => {
    if (fixed?.[i]) return fixed[i];
    const { reading, confidence } = posteriors[i];
    if (!reading || reading === f || confidence < RESTORATION_MODEL.minConfidence) return null;
    return reading;
  });
}
