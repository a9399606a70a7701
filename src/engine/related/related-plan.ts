/**
 * The second step of a related-articles query: from an article's keys ({@link sourceTerms}) and their
 * collection-wide document frequencies, the few most distinctive ones become a {@link QueryPlan} that
 * every shard evaluates like any search (sum of stored BM25F impacts × share of keys matched).
 *
 * A key's strength in the source is `idf × saturated field-weighted tf` (BM25's shape), so a name
 * repeated in the headline and lead beats a common word repeated in the body. The plan is bounded
 * whatever the article's length: at most {@link RELATED_LIMITS}.maxTerms posting lists, and exact
 * frequencies are looked up for at most `maxPairLookups` pairs (chosen with the lexicon's counts).
 * @module
 */
import { idf } from '../../scoring/bm25f.js';
import type { QueryPlan } from '../query-plan.js';
import type { SourceTerm } from './source-terms.js';

/** Bounds and weights of related-articles plans (tuned on `npm run bench:related`). */
export const RELATED_LIMITS = {
  /** Adjacent pairs whose counts are read from the lexicon (the most used, then the first used). */
  maxPairEstimates: 120,
  /** Adjacent pairs whose document frequency is looked up in the shards (`pairsToLookUp`). */
  maxPairLookups: 48,
  /** Pairs planned. */
  maxPairs: 20,
  /** Single syllables planned. */
  maxSyllables: 12,
  /** Posting lists planned in all (`maxPairs + maxSyllables`). */
  maxTerms: 32,
  /**
   * Keys in more than this share of the collection (and more than `maxDfFloor` articles) are too
   * common to say what an article is about; their long posting lists are not read.
   */
  maxDfShare: 0.1,
  /** See `maxDfShare`: small collections may use keys up to this many articles. */
  maxDfFloor: 10,
  /** See `maxDfShare`: large collections use keys in at most this many articles (posting lists read per key). */
  maxDfCeiling: 1_000,
  /**
   * Saturation of the source's field-weighted frequencies (BM25's k1): higher than a search's 1.2,
   * because a word the article keeps repeating is what it is about (1.2 → 5: +2 points same-category
   * on dantri-200).
   */
  k1: 5,
  /** Weight of a pair relative to a syllable of the same strength. */
  pairWeight: 1,
  /** A related article must share at least this many of the planned keys (fewer when fewer are planned). */
  minShouldMatch: 2,
} as const;

/** A planned key with the strength it has in the source article. */
export interface RelatedKey {
  key: string;
  pair: boolean;
  /** Documents containing the key, collection-wide. */
  df: number;
  /** idf × saturated tf in the source. */
  strength: number;
}

/** What the front knows about pairs without asking the shards: the lexicon's exact pair counts. */
export interface PairEstimates {
  /** Occurrences of the exact pair `a b` in the collection; 0 when fewer than `minCount`. */
  count(a: string, b: string): number;
  /** The lexicon keeps exact pairs seen at least this often (`LexiconMeta.minBigramCount`). */
  minCount: number;
}

/** BM25 saturation of a field-weighted frequency. */
const saturate = (tf: number) => (tf * (RELATED_LIMITS.k1 + 1)) / (tf + RELATED_LIMITS.k1);

/**
 * The pairs whose exact document frequencies {@link relatedKeys} needs: of the article's
 * `maxPairEstimates` most used pairs, the `maxPairLookups` likely strongest by the lexicon's count of
 * the pair as written (rarer and more used first).
 * For an indexed source its own uses are subtracted from that count: a pair used only by the source
 * finds nothing and is skipped (also when the lexicon lacks it and keeps every pair seen twice: it
 * then occurs once in the collection, in the source).
 */
export function pairsToLookUp(terms: readonly SourceTerm[], documentCount: number, estimates: PairEstimates, sourceIndexed: boolean): string[] {
  const unseen = Math.max(1, estimates.minCount - 1);
  const ranked: Array<{ key: string; strength: number; first: number }> = [];
  const pairs = terms.filter((t) => t.pair && t.exact).sort((a, b) => b.tf - a.tf || a.first - b.first).slice(0, RELATED_LIMITS.maxPairEstimates);
  for (const t of pairs) {
    if (!t.exact) continue;
    const total = estimates.count(t.exact[0], t.exact[1]);
    if (sourceIndexed && (total === 0 ? estimates.minCount <= 2 : total <= t.uses)) continue;
    const others = total === 0 ? unseen : sourceIndexed ? total - t.uses : total;
    ranked.push({ key: t.key, strength: idf(documentCount, others) * saturate(t.tf), first: t.first });
  }
  ranked.sort((a, b) => b.strength - a.strength || a.first - b.first);
  return ranked.slice(0, RELATED_LIMITS.maxPairLookups).map((r) => r.key);
}

/** What {@link relatedKeys} needs to know about the collection. */
export interface KeyStatistics {
  /** Documents in the collection. */
  documentCount: number;
  /** Document frequency of a folded syllable (the lexicon knows it). */
  syllableDf: (folded: string) => number;
  /** Document frequencies of the pairs from {@link pairsToLookUp} (absent: not looked up). */
  pairDf: ReadonlyMap<string, number>;
  /**
   * Fewest documents a key must be in to be useful: 2 when the source article is itself indexed (a
   * key only it has finds nothing else), 1 for a draft.
   */
  minDf: number;
}

/**
 * The source's most distinctive keys, strongest first (at most `maxPairs` pairs and `maxSyllables`
 * syllables). Keys in more than `maxDfShare` of the collection are left out, unless fewer than
 * `minShouldMatch` keys would remain (a very short draft, or a small archive dominated by one story).
 */
export function relatedKeys(terms: readonly SourceTerm[], stats: KeyStatistics): RelatedKey[] {
  const { documentCount: N, minDf } = stats;
  const cap = Math.max(minDf, RELATED_LIMITS.maxDfFloor, Math.min(RELATED_LIMITS.maxDfCeiling, Math.floor(N * RELATED_LIMITS.maxDfShare)));
  const scored: Array<RelatedKey & { first: number }> = [];
  for (const t of terms) {
    const df = t.pair ? stats.pairDf.get(t.key) : stats.syllableDf(t.key);
    if (df === undefined || df < minDf) continue;
    scored.push({ key: t.key, pair: t.pair, df, strength: idf(N, df) * saturate(t.tf), first: t.first });
  }
  const usable = scored.filter((k) => k.df <= cap);
  const pool = usable.length >= RELATED_LIMITS.minShouldMatch ? usable : scored;
  const best = (a: RelatedKey & { first: number }, b: RelatedKey & { first: number }) => b.strength - a.strength || a.first - b.first;
  const pairs = pool.filter((k) => k.pair).sort(best).slice(0, RELATED_LIMITS.maxPairs);
  const syllables = pool.filter((k) => !k.pair).sort(best).slice(0, RELATED_LIMITS.maxSyllables);
  return [...pairs, ...syllables].sort(best).slice(0, RELATED_LIMITS.maxTerms).map(({ first: _first, ...k }) => k);
}

/**
 * The plan of a related query: one clause per key, weighted by the key's strength relative to the
 * strongest, so that documents sharing the source's rarest and most repeated keys rank first; at
 * least `minShouldMatch` keys must match. The source's headline syllables drive the shards' headline
 * phrase match (a candidate repeating a long run of the headline ranks up to 1.6× higher). Empty (no
 * terms) when the article has no usable key.
 */
export function relatedPlan(keys: readonly RelatedKey[], headline: readonly string[] = []): QueryPlan {
  const top = keys.reduce((m, k) => Math.max(m, k.strength), 0);
  const terms = top > 0
    ? keys.map((k, i) => ({ key: k.key, weight: (k.strength / top) * (k.pair ? RELATED_LIMITS.pairWeight : 1), clause: i }))
    : [];
  return {
    terms,
    clauseCount: terms.length,
    pairClauseCount: 0,
    minShouldMatch: Math.min(terms.length, RELATED_LIMITS.minShouldMatch),
    required: [],
    excluded: [],
    syllables: terms.length ? [...headline] : [],
    highlight: { folded: [], exact: [], phrases: [] },
  };
}
