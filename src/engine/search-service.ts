/**
 * The front end of a search: plans the query once with the collection-wide lexicon, sends it to the
 * shards that can matter (see `shard-routing.ts`) and always to the live index (articles written
 * since the build), merges their top hits (scores are comparable because every impact uses the
 * build's collection statistics), and renders stored fields and snippets only for the page returned,
 * from the records the shards send with their hits (one call per shard). Built articles the live
 * index took down or replaced are left out inside each shard, before its top k, so pages are full.
 *
 * Totals are exact up to `trackTotalHits` matches (default {@link DEFAULT_TRACK_TOTAL_HITS}, every
 * result a client can page to); a shard is skipped only when it has no match or, once that many
 * matches are counted, when none of its matches can reach the page: the total is then a lower bound
 * (`totalRelation: 'gte'`, as Elasticsearch's `track_total_hits`).
 * @module
 */
import type { StoredDocument } from '../index-format/document-store.js';
import { LIVE_SHARD, type LiveSearchOptions } from './live/live-index.js';
import { ArticlePreparer } from './live/article-preparer.js';
import { baseRefOf, liveBaseOf } from './live/live-base.js';
import type { BaseRef, LiveArticle, LiveLayer, LiveView, Suppression } from './live/live-layer.js';
import type { Lexicon } from '../index-format/lexicon.js';
import type { IndexManifest } from '../index-format/manifest.js';
import type { HitDocument } from './hit-document.js';
import type { TitleSuggestion } from './loaded-shard.js';
import type { LexiconTailLoader } from './lexicon-tail-loader.js';
import type { IdDirectoryLoader } from './id-directory-loader.js';
import type { PairPartLoader } from './pair-part-loader.js';
import { queryFoldedForms, queryPairForms } from './query-folded-forms.js';
import { ShardPrefetcher } from './shard-prefetcher.js';
import { sharedLoad } from './keep-alive.js';
import { planQuery, type PlannedQuery } from './planner.js';
import type { QueryPlan, SearchOptions, ShardHit, ShardResult } from './query-plan.js';
import type { ShardClient } from './shard-client.js';
import { routeShards, type RoutingFilter } from './shard-routing.js';
import { applyFreshness, shardBounds } from './shard-bounds.js';
import type { Freshness } from '../scoring/freshness.js';
import type { ScoreBounds } from '../index-format/score-bounds.js';
import { compareHits } from './shard-searcher.js';
import { SynonymTable } from './synonym-table.js';
import { parseRecord } from '../index-format/document-block.js';
import { hitDocument } from './hit-document.js';

/** Matches counted exactly by default: every result a client can page to (see `MAX_RESULT_WINDOW`). */
export const DEFAULT_TRACK_TOTAL_HITS = 1000;

/** Pages deeper than this fetch their hits with a second call instead of records with every shard's hits. */
export const MAX_PAGE_DEPTH_WITH_RECORDS = 100;

/**
 * How many stored records a shard sends with its hits: those of its best `max(min, ⌊spread · k /
 * shards asked so far⌋)` hits (at most k; a lone first shard sends all k). Every record sent is a
 * stored article read, copied and carried over RPC whether it reaches the page or not, and over many
 * shards the page's k hits spread thin. Up to `spread` shards nothing is capped: over few shards a
 * page often comes from one or two of them (baomoi-35k's 10 shards: a cap of 3 left a page hit
 * without its record in 13.5% of the 1,100-query mix), and a search keeps one call per shard. A page
 * hit that came without its record is fetched with one `hits` call to its shard, all such calls at
 * once. Measured on the 40 shards of the synthetic 350k archive (1,100-query mix, in-process):
 * records per search 199.9 → 71.0 (2 per shard; 96.1 with 3), 0.3% of searches making a `hits` call.
 *
 * `read`: a shard reads the document blocks of its best `read` hits' records only; the others come
 * only from blocks already in memory (`SearchOptions.recordsRead`). Warm, a shard holds its blocks and
 * nothing changes; cold, each block read costs a fetch (and, locally, ~2 ms of the one runtime
 * thread): baomoi-35k's first whole-headline search read 100 document blocks (10 shards × 10 records)
 * for a page of 10.
 */
export const RECORDS_PER_SHARD: RecordsPolicy = Object.freeze({ spread: 10, min: 2, read: 2 });

/** How many stored records shards send with their hits (see {@link RECORDS_PER_SHARD}). */
export interface RecordsPolicy {
  /** Shards up to which every hit's record is sent; past them the page's k records are shared out. */
  readonly spread: number;
  /** Records a shard sends at least (at most k). */
  readonly min: number;
  /** Of the records sent, how many a shard may read from document blocks not in memory. */
  readonly read: number;
}

/**
 * Records per shard for a wave (see {@link RECORDS_PER_SHARD}).
 * @param k hits the page needs (offset + limit)
 * @param asked shards asked before this wave
 * @param waveSize shards in this wave
 */
export function recordsPerShard(k: number, asked: number, waveSize: number, policy: RecordsPolicy = RECORDS_PER_SHARD): number {
  const { spread, min } = policy;
  return Math.min(k, Math.max(min, Math.floor((spread * k) / (asked + waveSize))));
}

/**
 * Once a relevance search has counted its matches, shards are still asked in doubling waves while the
 * next shard's score bound is within this factor of the k-th best score (the waves can then skip the
 * rest); above it, all that can reach the page at once.
 */
export const WAVE_BOUND_RATIO = 1.5;

/**
 * A relevance search whose query has at least this many syllables asks every shard that may match in
 * one round, instead of one shard first and the others with its k-th best score as the bar. The
 * bound of a several-word query sums per-word maxima that different articles reach (2–14× the
 * shard's real best score on the 350k archive), so the bar skips almost no shard, while the first
 * round costs a whole shard evaluation before the others start. One-word queries keep the probe:
 * their bounds are tight and the bar skips shards (`thai` asks 16 of the 350k archive's 40).
 *
 * Measured with bench:scale's production model (shards of a round in parallel, 2 ms assumed per
 * round; routing child, 1,100-query mix, 2026-12-01): 350k archive p50 / p99 32.3 / 116.7 → 17.4 /
 * 72.7 ms with DO calls per search 39.54 → 39.60; baomoi-35k 9.9 / 22.4 → 6.6 / 15.7 ms, calls 9.90 →
 * 9.91; same top-10s as asking every shard. The price is CPU: without the bar a shard scores the
 * headline match of more documents (in one process, shards one after another, bench:scale's 350k run
 * measured a p99 of 746.65 ms against 628.12 ms for asking every shard; 2026-12-01).
 */
export const ONE_ROUND_MIN_SYLLABLES = 2;

/**
 * A one-word relevance search probes one shard first only when more than this many shards may match;
 * over fewer it asks them all in one round, like a query of several words. The probe saves calls in
 * proportion to the shards it lets the search skip, and costs every such search a second round (a
 * network trip and a second shard evaluation one after the other). Measured on baomoi-35k's 10 shards
 * (routing child, 1,100-query mix, 2026-12-04, after the faster shard evaluation): with the probe,
 * 1.21 rounds and 9.91 DO calls per search, modelled production p50 / p99 4.38 / 9.22 ms against
 * 5.07 / 7.79 for asking every shard then fetching the page's hits; in one round, 1.00 rounds, 9.95
 * calls, **3.89 / 7.25 ms**, same top-10s. The 350k archive's 20 shards and a million articles' 56
 * keep the probe (`thai` asks 16 of 40 shards at 350k).
 */
export const PROBE_MIN_SHARDS = 16;

export { PREFETCH_IDLE_MS } from './shard-prefetcher.js';

/** A search request after validation. */
export interface SearchRequest {
  q: string;
  limit: number;
  offset: number;
  sort: SearchOptions['sort'];
  fromMinutes?: number;
  toMinutes?: number;
  /** Category names to keep (unknown names match nothing). */
  categories?: string[];
  facets: SearchOptions['facets'];
  /** Treat the last word as a prefix (as-you-type). */
  prefixLast: boolean;
  /** Count matches exactly up to this many (default {@link DEFAULT_TRACK_TOTAL_HITS}; Infinity: always exact). */
  trackTotalHits?: number;
  /** Mark matches with `<mark>` in `title_html` and `snippet` (default true). */
  highlight?: boolean;
  /** Prefetch calls the caller already sent for this search (reported in `routing.prefetched`). */
  prefetched?: number;
  /** Relevance that prefers recent news (`scoring/freshness.ts`; with `sort: 'relevance'` only). */
  freshness?: Freshness;
}

/** One hit of a response. */
export interface SearchHit extends HitDocument {
  score: number;
}

/** How a search reached the shards (diagnostics: benchmarks and the `x-shards` header). */
export interface SearchRouting {
  shards: number;
  /** Shards that received the query. */
  called: number;
  /** Shards left out: no possible match, or (with `totalRelation: 'gte'`) none that could reach the page. */
  skipped: number;
  /** Calls to shard objects (searches, plus page fetches for deep pages). */
  shardCalls: number;
  /** Calls to the live index. */
  liveCalls: number;
  /** Rounds of shard calls (each waits for the previous one). */
  waves: number;
  /** Prefetch calls sent to shards idle for `PREFETCH_IDLE_MS` or more, before planning (not in `shardCalls`; see `shard-prefetcher.ts`). */
  prefetched?: number;
}

/** A search response (before serialization). */
export interface SearchResult {
  total: number;
  /** `eq`: `total` is exact; `gte`: at least `total` match (more than `trackTotalHits`, uncounted shards). */
  totalRelation: 'eq' | 'gte';
  hits: SearchHit[];
  interpretedAs?: string;
  /** True when no document matched enough words and the query was relaxed to any word. */
  relaxed: boolean;
  facets?: ShardResult['facets'];
  /** Syllables dropped from an over-long query. */
  truncatedSyllables: number;
  /** The live index's sequence number the result reflects (0 without a live index). */
  liveSeq: number;
  routing: SearchRouting;
}

/**
 * A score as a response shows it: four decimals, or six significant digits below 1 so that the small
 * scores of old articles under freshness (down to 2⁻¹⁰⁰⁰ of their relevance) keep their order.
 */
export function displayedScore(score: number): number {
  return score >= 1 || score === 0 ? Math.round(score * 1e4) / 1e4 : Number(score.toPrecision(6));
}

/** Sums facet counts of several shards. */
function mergeFacets(results: ShardResult[]): ShardResult['facets'] {
  const out: ShardResult['facets'] = {};
  for (const r of results) {
    for (const [name, counts] of Object.entries(r.facets) as Array<[keyof ShardResult['facets'], Record<string, number>]>) {
      const target = (out[name] ??= {});
      for (const [k, v] of Object.entries(counts)) target[k] = (target[k] ?? 0) + v;
    }
  }
  return out;
}

/** What one execution of a plan over the shards and the live index gathered. */
interface Gathered {
  results: ShardResult[];
  /** Merged top hits, best first. */
  top: ShardHit[];
  /** Stored records that came with hits, by {@link recordKey}. */
  records: Map<number, Uint8Array>;
  total: number;
  relation: 'eq' | 'gte';
  seq: number;
  routing: SearchRouting;
}

/** One number per (shard, local document): shards number below 2²¹ and documents below 2³², so it stays exact. */
const recordKey = (shard: number, doc: number) => shard * 0x1_0000_0000 + doc;

/** Query planning, routing and merging over a set of shards and the live index. */
export class SearchService {
  readonly synonyms: SynonymTable;
  /** The deployed build, as the live index knows it. */
  readonly base: BaseRef;
  private readonly categoryIndex: Map<string, number>;
  private suppression: Suppression = { version: -1, shards: {}, ids: [] };
  private suppressedIds = new Set<string>();
  /** Per-shard score bounds (null: none, every shard that can match is asked). */
  private bounds: ScoreBounds | null = null;
  /** How many records shards send with their hits (tests vary it; the default is measured above). */
  recordsPolicy: RecordsPolicy = RECORDS_PER_SHARD;
  /** See {@link PROBE_MIN_SHARDS} (tests lower it to exercise the probe on small builds). */
  probeMinShards: number = PROBE_MIN_SHARDS;

  /**
   * @param live the live index, or null when the deployment has none (tests, benchmarks)
   * @param scoreBounds the build's per-shard score bounds (`manifest.scoreBounds`), or null to ask
   *   every shard that can match the filters
   * @param tail the lexicon's tail (`manifest.lexiconTail`), or null when the index keeps none
   * @param pairParts the lexicon's pair parts (`manifest.lexiconPairs`), or null when `lexicon` can
   *   look every pair up itself (pairs inline, or a view holding every part)
   * @param prefetcher warms idle shards before a search calls them; shared with the front's early
   *   prefetch of a cold isolate (default: one of this service's own)
   */
  constructor(readonly manifest: IndexManifest, readonly lexicon: Lexicon, readonly shards: ShardClient[], readonly live: LiveLayer | null = null, scoreBounds: ScoreBounds | null = null, readonly tail: LexiconTailLoader | null = null, readonly pairParts: PairPartLoader | null = null, readonly prefetcher: ShardPrefetcher = new ShardPrefetcher(manifest, shards)) {
    if (scoreBounds) this.useScoreBounds(scoreBounds);
    this.synonyms = new SynonymTable(manifest.synonyms);
    this.categoryIndex = new Map(manifest.categories.map((c, i) => [c, i]));
    this.base = baseRefOf(manifest);
  }

  /** Per-shard score bounds in use (null: none yet, every shard that can match is asked). */
  get scoreBounds(): ScoreBounds | null {
    return this.bounds;
  }

  /**
   * Starts routing relevance searches by these score bounds (the front loads them beside the lexicon
   * without making the first searches wait: until then every shard that can match is asked, with the
   * same results). Bounds of another shard count are ignored.
   */
  useScoreBounds(bounds: ScoreBounds): void {
    this.bounds = bounds.shards === this.shards.length ? bounds : null;
  }

  private ids: IdDirectoryLoader | null = null;
  /** Why the id directory last failed to answer (null: it never did); requests by id then asked every shard. */
  idDirectoryError: string | null = null;

  /** Routes requests addressed by an article's id through this directory (`manifest.idDirectory`). */
  useIdDirectory(ids: IdDirectoryLoader | null): void {
    this.ids = ids;
  }

  /**
   * The shards that may hold a built article with this id: the id directory's answer (usually one
   * shard, none when the build has no such article), or every shard when the index has no directory
   * or its part cannot be read (the answer is the same, at one call per shard).
   */
  async shardsHolding(id: string): Promise<number[]> {
    const all = () => this.shards.map((_, i) => i);
    if (!this.ids) return all();
    try {
      const found = await this.ids.shardsOf(id);
      if (found.every((s) => s < this.shards.length)) return found;
      this.idDirectoryError = `the id directory names shard ${Math.max(...found)} of ${this.shards.length} (files from different builds)`;
    } catch (e) {
      this.idDirectoryError = (e as Error).message;
    }
    return all();
  }

  private articlePreparer: ArticlePreparer | null = null;

  /** Prepares writes for the live index against this build (see {@link ArticlePreparer}). */
  get preparer(): ArticlePreparer {
    return (this.articlePreparer ??= new ArticlePreparer(liveBaseOf(this.manifest, this.shards)));
  }

  /**
   * Plans a query (exposed for diagnostics and benchmarks) with the lexicon alone, where syllables
   * of the lexicon's tail are unknown, or with a view that knows them ({@link planWithTail}).
   */
  plan(q: string, prefixLast: boolean, lexicon: Lexicon = this.lexicon): PlannedQuery {
    return planQuery(q, { lexicon, synonyms: this.synonyms }, { prefixLast });
  }

  /**
   * Plans a query as a search does: first fetches the lexicon's tail entries of the syllables the
   * lexicon lacks (when the index keeps a tail), then plans over a view holding the pair parts the
   * plan looks up (see {@link withPairs}). Returns the plan and the lexicon view it used.
   */
  async planWithTail(q: string, prefixLast: boolean): Promise<{ planned: PlannedQuery; lexicon: Lexicon }> {
    const forms = queryFoldedForms(q);
    const lexicon = this.tail ? await this.tail.viewFor(this.lexicon, forms) : this.lexicon;
    const { value, lexicon: view } = await this.withPairs(queryPairForms(q, forms), (lx) => this.plan(q, prefixLast, lx), lexicon);
    return { planned: value, lexicon: view };
  }

  /**
   * Runs `fn` over a view of the lexicon that can look up every pair `fn` asks about: with pair
   * parts, those of `forms` are fetched first, and `fn` runs again with any other part
   * it asked about (`pair-part-loader.ts`); `fn` must be a pure function of the lexicon.
   * @param forms folded syllables whose pairs `fn` likely needs (`queryFoldedForms` of its text; []
   * when unknown)
   */
  async withPairs<T>(forms: readonly string[], fn: (lexicon: Lexicon) => T, lexicon: Lexicon = this.lexicon): Promise<{ value: T; lexicon: Lexicon }> {
    if (!this.pairParts) return { value: fn(lexicon), lexicon };
    const run = await this.pairParts.run(lexicon, forms, fn);
    return { value: run.value, lexicon: run.lexicon };
  }

  /** The first load of the suppression lists, shared by concurrent searches (forgotten if it fails). */
  private readonly loadSuppression = sharedLoad(() => this.live!.view(this.base, -1).then((view) => this.adopt(view)));

  /**
   * Loads the suppression lists when none are held yet (a fresh front): resolves once they are, null
   * when they already are (or there is no live index). A search starts it before planning, so the live
   * index's round trip — a cold Durable Object on a fresh front — overlaps the plan instead of
   * preceding the first shard calls; concurrent searches share one load, and a failed one is tried
   * again by the next search.
   */
  private initialSuppression(): Promise<void> | null {
    return !this.live || this.suppression.version >= 0 ? null : this.loadSuppression();
  }

  /** Takes in a live view's suppression lists when they are newer than the ones held. */
  private adopt(view: LiveView): void {
    if (view.suppression && view.suppression.version !== this.suppression.version) {
      this.suppression = view.suppression;
      this.suppressedIds = new Set(view.suppression.ids);
    }
  }

  /** The live index's current sequence number (0 without one); refreshes the suppression lists. */
  async liveSeq(): Promise<number> {
    if (!this.live) return 0;
    const view = await this.live.view(this.base, this.suppression.version);
    this.adopt(view);
    return view.seq;
  }

  /**
   * Runs a plan over the shards that can matter, wave by wave (see `shard-routing.ts`), and over the
   * live index alongside the first wave. Shards answering after the first wave return only hits that
   * beat the k-th best hit already merged. When the live index says the suppression lists changed
   * meanwhile, the whole execution runs again with the new lists, so the result is exactly the live
   * index's view.
   */
  private async execute(plan: QueryPlan, opts: SearchOptions, liveOpts: LiveSearchOptions, filter: RoutingFilter, trackTotalHits: number, lexicon: Lexicon = this.lexicon): Promise<Gathered> {
    for (;;) {
      await this.initialSuppression();
      const version = this.suppression.version;
      const k = opts.topK;
      const cmp = compareHits(opts.sort);
      const results: ShardResult[] = [];
      let top: ShardHit[] = [];
      const records = new Map<number, Uint8Array>();
      let total = 0;
      let seq = 0;
      const routing: SearchRouting = { shards: this.shards.length, called: 0, skipped: 0, shardCalls: 0, liveCalls: 0, waves: 0 };
      const take = (shard: number, r: ShardResult) => {
        results.push(r);
        total += r.total;
        r.hits.forEach((h, i) => { const rec = r.records?.[i]; if (rec) records.set(recordKey(shard, h.doc), rec); });
        top = [...top, ...r.hits].sort(cmp).slice(0, k);
      };
      const route = routeShards(this.manifest, opts.sort, filter);
      routing.skipped += route.skipped.length;
      // Shard-level MaxScore (shard-bounds.ts): shards that hold no match are never asked (exact);
      // relevance asks the shards with the highest bounds first.
      const bounds = this.scoreBounds ? shardBounds(plan, this.scoreBounds, this.manifest.scoring.impactScale, lexicon) : null;
      const fresh = opts.freshness;
      if (bounds && fresh) applyFreshness(bounds, plan, this.manifest.shards, fresh);
      let order = route.order;
      if (bounds) {
        order = order.filter((s) => bounds.mayMatch[s] === 1);
        routing.skipped += route.order.length - order.length;
        if (opts.sort === 'relevance') order.sort((a, b) => bounds.bound[b] - bounds.bound[a]); // the filtered copy: route.order stays as routed
      }
      let livePending: Promise<void> | null = null;
      if (this.live) {
        routing.liveCalls++;
        livePending = this.live.search(this.base, plan, liveOpts, version).then(({ view, result }) => {
          this.adopt(view);
          seq = view.seq;
          take(LIVE_SHARD, result);
        });
      }
      let next = 0;
      let size = 1;
      let relation: 'eq' | 'gte' = 'eq';
      while (next < order.length) {
        const ref = top.length >= k ? top[k - 1] : undefined;
        const counted = ref !== undefined && total >= trackTotalHits;
        if (counted && (opts.sort === 'relevance' ? bounds !== null && bounds.bound[order[next]] < ref.score : !route.canBeat(order[next], ref))) {
          // Ordered by date, or by score bound: no later shard can reach the page either.
          routing.skipped += order.length - next;
          relation = 'gte';
          break;
        }
        // Relevance: everything that may still reach the page in one round without bounds; at first for
        // a query of several words without freshness (see ONE_ROUND_MIN_SYLLABLES: with freshness the
        // bounds fall with the shards' age, so the newest shard's hits set a bar the old ones miss) or
        // over few shards (PROBE_MIN_SHARDS), else after one probing shard; later
        // when the shards asked so far do not promise `trackTotalHits` matches in all (every shard must
        // be counted), or when the next shard's bound is far above the k-th score (waves would add
        // rounds and skip nothing). Otherwise doubling waves in descending bound, each raising the k-th
        // score the next is filtered by (a short query's best hits sit in a few shards).
        const loose = counted && bounds !== null && bounds.bound[order[next]] > WAVE_BOUND_RATIO * ref.score;
        const allAtOnce = opts.sort === 'relevance' && (!bounds || (next === 0
          ? (plan.syllables.length >= ONE_ROUND_MIN_SYLLABLES && !fresh) || order.length <= this.probeMinShards
          : loose || (!counted && (total / next) * order.length < trackTotalHits)));
        let wave = order.slice(next, allAtOnce ? order.length : next + size);
        if (counted && bounds && opts.sort === 'relevance') wave = wave.filter((s) => bounds.bound[s] >= ref.score);
        next += wave.length;
        size *= 2;
        routing.waves++;
        routing.called += wave.length;
        routing.shardCalls += wave.length;
        const recordsSent = opts.records ? recordsPerShard(opts.records, next - wave.length, wave.length, this.recordsPolicy) : 0;
        // A policy may send none: the request's own `records` must not reach the shards then.
        const recordsAsked = recordsSent > 0 ? { records: recordsSent, recordsRead: this.recordsPolicy.read } : { records: 0 };
        const answers = await Promise.all(wave.map((shard) => {
          const suppressed = this.suppression.shards[String(shard)];
          this.prefetcher.called(shard);
          return this.shards[shard].search(plan, { ...opts, ...(suppressed?.length ? { suppressed } : {}), ...(ref ? { ref } : {}), ...recordsAsked });
        }));
        answers.forEach((r, i) => take(wave[i], r));
        if (livePending) { await livePending; livePending = null; }
      }
      if (livePending) await livePending;
      if (this.suppression.version !== version) continue; // the lists changed during the search: run again with them
      return { results, top, records, total, relation, seq, routing };
    }
  }

  /**
   * Runs a plan on every shard and the live index as a search does (built articles the live index
   * replaced or deleted are left out), for queries other than typed text (related articles).
   */
  async runPlan(plan: QueryPlan, opts: SearchOptions, liveOpts: LiveSearchOptions): Promise<{ results: ShardResult[]; seq: number }> {
    // Routed like a search (the union of the results holds exactly the top `opts.topK`), totals exact.
    const filter: RoutingFilter = { fromMinutes: opts.fromMinutes, toMinutes: opts.toMinutes, categories: opts.categories };
    const { records: _records, ...plain } = opts;
    const g = await this.execute(plan, plain, liveOpts, filter, Number.POSITIVE_INFINITY);
    return { results: g.results, seq: g.seq };
  }

  /** Runs a search end to end. */
  async search(req: SearchRequest): Promise<SearchResult> {
    const categories = req.categories?.map((c) => this.categoryIndex.get(c) ?? -1);
    const prefetched = (req.prefetched ?? 0) + this.prefetcher.prefetchIdle(req.q, req.sort, { fromMinutes: req.fromMinutes, toMinutes: req.toMinutes, categories }, req.freshness !== undefined);
    // A fresh front's suppression lists load while it plans (awaited, and failures reported, in execute).
    this.initialSuppression()?.catch(() => undefined);
    const { planned, lexicon } = await this.planWithTail(req.q, req.prefixLast);
    const k = req.offset + req.limit;
    const common = {
      topK: k,
      sort: req.sort,
      facets: req.facets,
      ...(req.freshness ? { freshness: req.freshness } : {}),
      ...(req.fromMinutes !== undefined ? { fromMinutes: req.fromMinutes } : {}),
      ...(req.toMinutes !== undefined ? { toMinutes: req.toMinutes } : {}),
    };
    const opts: SearchOptions = { ...common, ...(categories ? { categories } : {}), ...(k <= MAX_PAGE_DEPTH_WITH_RECORDS ? { records: k } : {}) };
    const liveOpts: LiveSearchOptions = { ...common, ...(req.categories ? { categoryNames: req.categories } : {}) };
    const filter: RoutingFilter = { fromMinutes: req.fromMinutes, toMinutes: req.toMinutes, categories };
    // Facets count every match: they need every shard that can match.
    const track = req.facets.length ? Infinity : req.trackTotalHits ?? DEFAULT_TRACK_TOTAL_HITS;
    const hasQuery = planned.plan.terms.length > 0 || planned.plan.required.length > 0;
    if (!hasQuery && !(req.categories?.length || req.fromMinutes !== undefined || req.toMinutes !== undefined)) {
      const liveSeq = await this.liveSeq();
      return {
        total: 0, totalRelation: 'eq', hits: [], relaxed: false, truncatedSyllables: planned.truncatedSyllables, liveSeq,
        routing: { shards: this.shards.length, called: 0, skipped: this.shards.length, shardCalls: 0, liveCalls: this.live ? 1 : 0, waves: 0, ...(prefetched ? { prefetched } : {}) },
        ...(req.facets.length ? { facets: {} } : {}),
      };
    }
    let g = await this.execute(planned.plan, opts, liveOpts, filter, track, lexicon);
    let relaxed = false;
    let plan = planned.plan;
    if (g.total === 0 && g.relation === 'eq' && plan.terms.length > 0 && (plan.minShouldMatch > 1 || plan.required.length > 0)) {
      // Nothing matched every word (or a quoted phrase, e.g. one pasted with a typo inside): fall back
      // to documents matching any word, best first, and say so (`relaxed`).
      relaxed = true;
      plan = { ...plan, minShouldMatch: 1, required: [] };
      const first = g.routing;
      g = await this.execute(plan, opts, liveOpts, filter, track, lexicon);
      g.routing = { ...g.routing, called: first.called + g.routing.called, shardCalls: first.shardCalls + g.routing.shardCalls, liveCalls: first.liveCalls + g.routing.liveCalls, waves: first.waves + g.routing.waves };
    }
    const page = g.top.slice(req.offset, req.offset + req.limit);
    const docs = new Map<number, HitDocument | null>();
    const highlight = req.highlight === false ? { ...plan.highlight, mark: false } : plan.highlight;
    const missing = new Map<number, ShardHit[]>();
    for (const h of page) {
      const record = h.shard === LIVE_SHARD ? undefined : g.records.get(recordKey(h.shard, h.doc));
      if (record) docs.set(recordKey(h.shard, h.doc), hitDocument(parseRecord(record), highlight));
      else {
        const list = missing.get(h.shard);
        if (list) list.push(h);
        else missing.set(h.shard, [h]);
      }
    }
    await Promise.all([...missing].map(async ([shard, hits]) => {
      const slots = hits.map((h) => h.doc);
      if (shard === LIVE_SHARD) g.routing.liveCalls++;
      else { g.routing.shardCalls++; this.prefetcher.called(shard); }
      const fetched = shard === LIVE_SHARD ? await this.live!.hits(this.base, slots, highlight) : await this.shards[shard].hits(slots, highlight);
      hits.forEach((h, i) => docs.set(recordKey(shard, h.doc), fetched[i]));
    }));
    return {
      total: g.total,
      totalRelation: g.relation,
      // A live article replaced or deleted between the search and this fetch is left out.
      hits: page.flatMap((h) => {
        const d = docs.get(recordKey(h.shard, h.doc));
        return d ? [{ ...d, score: displayedScore(h.score) }] : [];
      }),
      relaxed,
      truncatedSyllables: planned.truncatedSyllables,
      liveSeq: g.seq,
      routing: prefetched ? { ...g.routing, prefetched } : g.routing,
      ...(planned.interpretedAs ? { interpretedAs: planned.interpretedAs } : {}),
      ...(req.facets.length ? { facets: mergeFacets(g.results) } : {}),
    };
  }

  /**
   * Title suggestions merged across shards and the live index, best first, unique titles; with the
   * live sequence number they reflect.
   */
  async suggestTitles(q: string, limit: number): Promise<{ titles: TitleSuggestion[]; liveSeq: number }> {
    const [live, ...built] = await Promise.all([
      this.live ? this.live.suggest(this.base, q, limit, this.suppression.version) : null,
      ...this.shards.map((s, i) => { this.prefetcher.called(i); return s.suggest(q, limit); }),
    ]);
    if (live) this.adopt(live.view);
    const all = [...built.flat().filter((s) => !this.suppressedIds.has(s.id)), ...(live?.suggestions ?? [])];
    all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const seen = new Set<string>();
    const titles = all.filter((s) => (seen.has(s.title) ? false : (seen.add(s.title), true))).slice(0, limit);
    return { titles, liveSeq: live?.view.seq ?? 0 };
  }

  /**
   * The article with this id (the live version when there is one, else the built one; null when none
   * or taken down), with the live sequence number it reflects.
   */
  async article(id: string): Promise<{ article: StoredDocument | null; liveSeq: number }> {
    const { live, built } = await this.locate(id);
    const liveSeq = live?.seq ?? 0;
    if (live?.state === 'live') return { article: live.article, liveSeq };
    if (live?.state === 'deleted') return { article: null, liveSeq };
    return { article: built, liveSeq };
  }

  /**
   * The live index's answer about an article id (null without a live index) and the built article
   * with that id (null when the build has none), asked together: the built one only of the shards the
   * id directory names ({@link shardsHolding}).
   */
  async locate(id: string): Promise<{ live: LiveArticle | null; built: StoredDocument | null }> {
    // The live index is asked while the id directory answers (marked handled: Promise.all reports it).
    const asked = this.live ? this.live.article(this.base, id) : null;
    asked?.catch(() => {});
    const holding = await this.shardsHolding(id);
    const [live, ...found] = await Promise.all([asked, ...holding.map((i) => { this.prefetcher.called(i); return this.shards[i].article(id); })]);
    return { live, built: found.find((a) => a !== null) ?? null };
  }
}
