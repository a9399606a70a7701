/**
 * Related articles ("Bài viết liên quan"): the articles of the index most related to a source
 * article, by its most distinctive keys, with copies of one story collapsed.
 *
 * The source is given by its stored fields ({@link RelatedSource}), so it can be an article of the
 * static index, one of the live index, or an unpublished draft. Steps (each a fan-out to the shards):
 * 1. document frequencies of the source's most used adjacent pairs (the lexicon already knows those
 *    of single syllables);
 * 2. the plan of the strongest keys (`related-plan.ts`) evaluated like a search by every shard and
 *    the live index (built articles the live index replaced or took down are left out), with the
 *    request's filters;
 * 3. the best candidates' fields and shingles, from the shards (or the live index) holding them; the
 *    source itself and its copies are dropped, copies of one story collapse to the newest
 *    (`stories.ts`). When collapsing leaves fewer stories than asked for and more candidates exist,
 *    step 2 runs again with a deeper pool (at most {@link MAX_POOL}).
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import type { HitDocument } from '../hit-document.js';
import { LIVE_SHARD, type LiveSearchOptions } from '../live/live-index.js';
import type { SearchOptions, ShardHit } from '../query-plan.js';
import type { SearchService } from '../search-service.js';
import { NO_HIGHLIGHT, type RelatedCandidate } from './candidate.js';
import { pairsToLookUp, relatedKeys, relatedPlan } from './related-plan.js';
import { shingleSet, shingleText } from './shingles.js';
import { headlineSyllables, sourceTerms, type RelatedSource } from './source-terms.js';
import { collapseStories, orderStories, type ScoredCandidate } from './stories.js';

/** Most related articles one request returns. */
export const MAX_RELATED = 20;
/**
 * Candidates fetched beyond `limit` in the first round (the source itself usually ranks first, and
 * a few may be copies); rounds after it double the pool.
 */
export const FIRST_POOL_EXTRA = 6;
/** Deepest candidate pool (merged hits whose fields are fetched) of one request. */
export const MAX_POOL = 120;
/**
 * Stories scoring below this share of the best story are left out: they share a common word or two
 * with the source, not its subject (in a small archive the list may then be shorter than asked).
 */
export const MIN_RELATIVE_SCORE = 0.05;

/** Options of a related query. */
export interface RelatedRequest {
  /** Related articles wanted (1–{@link MAX_RELATED}). */
  limit: number;
  /** Inclusive date bounds in stored minutes. */
  fromMinutes?: number;
  toMinutes?: number;
  /** Category names to keep (unknown names match nothing). */
  categories?: string[];
  /** Among comparable scores, newer first (`stories.ts`, {@link orderStories}). */
  recent: boolean;
  /**
   * Whether the build holds the source article (its text is then counted in the index's
   * statistics, so a key only it contains finds nothing else and is not planned). False for drafts
   * and for articles only the live index has.
   */
  sourceIndexed: boolean;
}

/** One related article. */
export interface RelatedHit extends HitDocument {
  score: number;
  /** Ids of other copies of the same story, collapsed into this one. */
  duplicates?: string[];
}

/** The answer to a related query. */
export interface RelatedResult {
  hits: RelatedHit[];
  /** Ids of copies of the source article found in the index (not listed as related). */
  duplicates: string[];
  /** Keys the plan used (0: the article had nothing distinctive to relate by). */
  keys: number;
  /** The live index's sequence number the answer reflects (0 without a live index). */
  liveSeq: number;
}

/** A source article found by id. */
export interface FoundSource {
  /** Its stored fields (the live version when there is one), or null when no article has the id. */
  article: StoredDocument | null;
  /** Whether the build holds an article with this id (its text is then counted in the index's statistics). */
  indexed: boolean;
  liveSeq: number;
}

const byScore = (a: ShardHit, b: ShardHit) => b.score - a.score || a.shard - b.shard || a.doc - b.doc;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

const services = new WeakMap<SearchService, RelatedService>();

/** Syllable document frequencies remembered per index (the folded vocabulary is small; ~300 are read per article). */
const MAX_CACHED_DF = 50_000;

/** Related-articles queries over the shards (and live index) of one loaded index. */
export class RelatedService {
  private readonly categoryIndex: Map<string, number>;
  private readonly syllableDf = new Map<string, number>();

  constructor(readonly search: SearchService) {
    this.categoryIndex = new Map(search.manifest.categories.map((c, i) => [c, i]));
  }

  /** The related service over a search service's index (one per index). */
  static of(search: SearchService): RelatedService {
    let s = services.get(search);
    if (!s) {
      s = new RelatedService(search);
      services.set(search, s);
    }
    return s;
  }

  /**
   * The article with this id as a source, as {@link SearchService.article} finds it (the live version
   * when there is one, else the built one; null when none or taken down), and whether the build holds
   * the id — from the same fan-out.
   */
  async source(id: string): Promise<FoundSource> {
    const { live, built } = await this.search.locate(id);
    const article = live?.state === 'live' ? live.article : live?.state === 'deleted' ? null : built;
    return { article, indexed: built !== null, liveSeq: live?.seq ?? 0 };
  }

  /** The lexicon's document frequency of a folded syllable, memoized. */
  private dfOf(folded: string): number {
    let df = this.syllableDf.get(folded);
    if (df === undefined) {
      if (this.syllableDf.size >= MAX_CACHED_DF) this.syllableDf.clear();
      df = this.search.lexicon.df(folded);
      this.syllableDf.set(folded, df);
    }
    return df;
  }

  /** Sums each key's document frequency over all shards. */
  private async documentFrequencies(keys: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (keys.length === 0) return out;
    const perShard = await Promise.all(this.search.shards.map((s) => s.lookup(keys, [])));
    keys.forEach((k, i) => out.set(k, perShard.reduce((sum, r) => sum + (r.df[i] ?? 0), 0)));
    return out;
  }

  /** The articles most related to `source`, copies collapsed, best first. */
  async related(source: RelatedSource, req: RelatedRequest): Promise<RelatedResult> {
    const limit = Math.max(1, Math.min(MAX_RELATED, Math.floor(req.limit)));
    const terms = sourceTerms(source);
    const N = this.search.manifest.documentCount;
    const { value: lookups } = await this.search.withPairs([], (lexicon) => pairsToLookUp(terms, N, { count: (a, b) => lexicon.pairCount(a, b), minCount: lexicon.meta.minBigramCount }, req.sourceIndexed));
    const pairDf = await this.documentFrequencies(lookups);
    const keys = relatedKeys(terms, {
      documentCount: N,
      syllableDf: (f) => this.dfOf(f),
      pairDf,
      minDf: req.sourceIndexed ? 2 : 1,
    });
    const plan = relatedPlan(keys, headlineSyllables(source));
    if (plan.terms.length === 0) return { hits: [], duplicates: [], keys: 0, liveSeq: await this.search.liveSeq() };

    const categories = req.categories?.map((c) => this.categoryIndex.get(c) ?? -1);
    const common = {
      topK: 0,
      sort: 'relevance' as const,
      facets: [],
      ...(req.fromMinutes !== undefined ? { fromMinutes: req.fromMinutes } : {}),
      ...(req.toMinutes !== undefined ? { toMinutes: req.toMinutes } : {}),
    };
    const opts: SearchOptions = { ...common, ...(categories ? { categories } : {}) };
    const liveOpts: LiveSearchOptions = { ...common, ...(req.categories ? { categoryNames: req.categories } : {}) };
    const sourceShingles = shingleSet(shingleText(source));
    const fetched = new Map<string, RelatedCandidate | null>();
    let pool = Math.min(MAX_POOL, limit + FIRST_POOL_EXTRA);
    for (;;) {
      const { results, seq } = await this.search.runPlan(plan, { ...opts, topK: pool }, { ...liveOpts, topK: pool });
      const merged = results.flatMap((r) => r.hits).sort(byScore).slice(0, pool);
      await this.fetchCandidates(merged.filter((h) => !fetched.has(`${h.shard}:${h.doc}`)), fetched);
      const candidates: ScoredCandidate[] = [];
      for (const h of merged) {
        const c = fetched.get(`${h.shard}:${h.doc}`);
        // A live article replaced or deleted since the search is left out.
        if (!c || (source.id !== undefined && c.hit.id === source.id)) continue;
        candidates.push({ hit: c.hit, shingles: c.shingles, score: h.score, date: h.date });
      }
      const collapsed = collapseStories(candidates, sourceShingles);
      const best = collapsed.stories.reduce((m, st) => Math.max(m, st.score), 0);
      const stories = collapsed.stories.filter((st) => st.score >= best * MIN_RELATIVE_SCORE);
      const sourceCopies = collapsed.sourceCopies;
      const exhausted = merged.length < pool || pool >= MAX_POOL || stories.length < collapsed.stories.length;
      if (stories.length >= limit || exhausted) {
        const hits = orderStories(stories, req.recent).slice(0, limit).map((s): RelatedHit => ({
          ...s.shown.hit,
          score: round(s.score),
          ...(s.copies.length ? { duplicates: s.copies.map((c) => c.hit.id) } : {}),
        }));
        return { hits, duplicates: sourceCopies.map((c) => c.hit.id), keys: plan.terms.length, liveSeq: seq };
      }
      pool = Math.min(MAX_POOL, pool * 2);
    }
  }

  /** Fetches candidates' fields and shingles from the shards (or the live index) holding them, into `into`. */
  private async fetchCandidates(hits: readonly ShardHit[], into: Map<string, RelatedCandidate | null>): Promise<void> {
    const byShard = new Map<number, number[]>();
    for (const h of hits) {
      const list = byShard.get(h.shard);
      if (list) list.push(h.doc);
      else byShard.set(h.shard, [h.doc]);
    }
    await Promise.all([...byShard].map(async ([shard, docs]) => {
      const got = shard === LIVE_SHARD ? await this.liveCandidates(docs) : await this.search.shards[shard].relatedCandidates(docs);
      docs.forEach((doc, i) => into.set(`${shard}:${doc}`, got[i]));
    }));
  }

  /** Candidates among live slots (null for one replaced or deleted since the search). */
  private async liveCandidates(slots: number[]): Promise<Array<RelatedCandidate | null>> {
    const { live, base } = this.search;
    if (!live) return slots.map(() => null);
    const hits = await live.hits(base, slots, NO_HIGHLIGHT);
    return Promise.all(hits.map(async (hit) => {
      if (!hit) return null;
      const found = await live.article(base, hit.id);
      return found.state === 'live' ? { hit, shingles: shingleSet(shingleText(found.article)) } : null;
    }));
  }
}
