/**
 * The front end of a search: plans the query once with the collection-wide lexicon, fans it out to
 * every shard and to the live index (articles written since the build), merges their top hits
 * (scores are comparable because every impact uses the build's collection statistics), then fetches
 * stored fields and snippets only for the page being returned. Built articles the live index took
 * down or replaced are left out inside each shard, before its top k, so pages are full and totals
 * exact.
 * @module
 */
import type { StoredDocument } from '../index-format/document-store.js';
import { LIVE_SHARD, type LiveSearchOptions } from './live/live-index.js';
import { ArticlePreparer } from './live/article-preparer.js';
import { baseRefOf, liveBaseOf } from './live/live-base.js';
import type { BaseRef, LiveLayer, LiveView, Suppression } from './live/live-layer.js';
import type { Lexicon } from '../index-format/lexicon.js';
import type { IndexManifest } from '../index-format/manifest.js';
import { NO_DATE } from '../index-format/shard-postings.js';
import type { HitDocument } from './hit-document.js';
import type { TitleSuggestion } from './loaded-shard.js';
import { planQuery, type PlannedQuery } from './planner.js';
import type { QueryPlan, SearchOptions, ShardHit, ShardResult } from './query-plan.js';
import type { ShardClient } from './shard-client.js';
import { SynonymTable } from './synonym-table.js';

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
  /** Mark matches with `<mark>` in `title_html` and `snippet` (default true). */
  highlight?: boolean;
}

/** One hit of a response. */
export interface SearchHit extends HitDocument {
  score: number;
}

/** A search response (before serialization). */
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  interpretedAs?: string;
  /** True when no document matched enough words and the query was relaxed to any word. */
  relaxed: boolean;
  facets?: ShardResult['facets'];
  /** Syllables dropped from an over-long query. */
  truncatedSyllables: number;
  /** The live index's sequence number the result reflects (0 without a live index). */
  liveSeq: number;
}

const better = (sort: SearchOptions['sort']) => (a: ShardHit, b: ShardHit): number => {
  if (sort === 'relevance') return b.score - a.score || a.shard - b.shard || a.doc - b.doc;
  const ad = a.date === NO_DATE ? null : a.date;
  const bd = b.date === NO_DATE ? null : b.date;
  if (ad !== bd) {
    if (ad === null) return 1;
    if (bd === null) return -1;
    return sort === 'date:desc' ? bd - ad : ad - bd;
  }
  return b.score - a.score || a.shard - b.shard || a.doc - b.doc;
};

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

/** Query planning, fan-out and merging over a set of shards and the live index. */
export class SearchService {
  readonly synonyms: SynonymTable;
  /** The deployed build, as the live index knows it. */
  readonly base: BaseRef;
  private readonly categoryIndex: Map<string, number>;
  private suppression: Suppression = { version: -1, shards: {}, ids: [] };
  private suppressedIds = new Set<string>();

  /**
   * @param live the live index, or null when the deployment has none (tests, benchmarks)
   */
  constructor(readonly manifest: IndexManifest, readonly lexicon: Lexicon, readonly shards: ShardClient[], readonly live: LiveLayer | null = null) {
    this.synonyms = new SynonymTable(manifest.synonyms);
    this.categoryIndex = new Map(manifest.categories.map((c, i) => [c, i]));
    this.base = baseRefOf(manifest);
  }

  private articlePreparer: ArticlePreparer | null = null;

  /** Prepares writes for the live index against this build (see {@link ArticlePreparer}). */
  get preparer(): ArticlePreparer {
    return (this.articlePreparer ??= new ArticlePreparer(liveBaseOf(this.manifest, this.shards)));
  }

  /** Plans a query (exposed for diagnostics and benchmarks). */
  plan(q: string, prefixLast: boolean): PlannedQuery {
    return planQuery(q, { lexicon: this.lexicon, synonyms: this.synonyms }, { prefixLast });
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

  private shardSearch(plan: QueryPlan, opts: SearchOptions): Promise<ShardResult[]> {
    return Promise.all(this.shards.map((s, i) => {
      const suppressed = this.suppression.shards[String(i)];
      return s.search(plan, suppressed?.length ? { ...opts, suppressed } : opts);
    }));
  }

  /**
   * Runs a plan on every shard and the live index at once. The shards get the suppression lists held
   * from earlier requests; when the live index answers that they changed meanwhile, the shards run
   * again with the new lists, so the result is exactly the live index's view.
   */
  private async fanOut(plan: QueryPlan, opts: SearchOptions, liveOpts: LiveSearchOptions): Promise<{ results: ShardResult[]; seq: number }> {
    if (!this.live) return { results: await this.shardSearch(plan, opts), seq: 0 };
    if (this.suppression.version < 0) this.adopt(await this.live.view(this.base, -1));
    const version = this.suppression.version;
    const [live, base] = await Promise.all([this.live.search(this.base, plan, liveOpts, version), this.shardSearch(plan, opts)]);
    this.adopt(live.view);
    const results = this.suppression.version === version ? base : await this.shardSearch(plan, opts);
    return { results: [...results, live.result], seq: live.view.seq };
  }

  /**
   * Runs a plan on every shard and the live index as a search does (built articles the live index
   * replaced or deleted are left out), for queries other than typed text (related articles).
   */
  runPlan(plan: QueryPlan, opts: SearchOptions, liveOpts: LiveSearchOptions): Promise<{ results: ShardResult[]; seq: number }> {
    return this.fanOut(plan, opts, liveOpts);
  }

  /** Runs a search end to end. */
  async search(req: SearchRequest): Promise<SearchResult> {
    const planned = this.plan(req.q, req.prefixLast);
    const categories = req.categories?.map((c) => this.categoryIndex.get(c) ?? -1);
    const common = {
      topK: req.offset + req.limit,
      sort: req.sort,
      facets: req.facets,
      ...(req.fromMinutes !== undefined ? { fromMinutes: req.fromMinutes } : {}),
      ...(req.toMinutes !== undefined ? { toMinutes: req.toMinutes } : {}),
    };
    const opts: SearchOptions = { ...common, ...(categories ? { categories } : {}) };
    const liveOpts: LiveSearchOptions = { ...common, ...(req.categories ? { categoryNames: req.categories } : {}) };
    const hasQuery = planned.plan.terms.length > 0 || planned.plan.required.length > 0;
    if (!hasQuery && !(req.categories?.length || req.fromMinutes !== undefined || req.toMinutes !== undefined)) {
      return { total: 0, hits: [], relaxed: false, truncatedSyllables: planned.truncatedSyllables, liveSeq: await this.liveSeq(), ...(req.facets.length ? { facets: {} } : {}) };
    }
    let { results, seq } = await this.fanOut(planned.plan, opts, liveOpts);
    let relaxed = false;
    let total = results.reduce((a, r) => a + r.total, 0);
    if (total === 0 && planned.plan.terms.length > 0 && (planned.plan.minShouldMatch > 1 || planned.plan.required.length > 0)) {
      // Nothing matched every word (or a quoted phrase, e.g. one pasted with a typo inside): fall back
      // to documents matching any word, best first, and say so (`relaxed`).
      relaxed = true;
      const plan = { ...planned.plan, minShouldMatch: 1, required: [] };
      ({ results, seq } = await this.fanOut(plan, opts, liveOpts));
      total = results.reduce((a, r) => a + r.total, 0);
    }
    const merged = results.flatMap((r) => r.hits).sort(better(req.sort)).slice(req.offset, req.offset + req.limit);
    const byShard = new Map<number, ShardHit[]>();
    for (const h of merged) {
      const list = byShard.get(h.shard);
      if (list) list.push(h);
      else byShard.set(h.shard, [h]);
    }
    const docs = new Map<string, HitDocument | null>();
    const highlight = req.highlight === false ? { ...planned.plan.highlight, mark: false } : planned.plan.highlight;
    await Promise.all([...byShard].map(async ([shard, hits]) => {
      const slots = hits.map((h) => h.doc);
      const fetched = shard === LIVE_SHARD ? await this.live!.hits(this.base, slots, highlight) : await this.shards[shard].hits(slots, highlight);
      hits.forEach((h, i) => docs.set(`${shard}:${h.doc}`, fetched[i]));
    }));
    return {
      total,
      // A live article replaced or deleted between the search and this fetch is left out.
      hits: merged.flatMap((h) => {
        const d = docs.get(`${h.shard}:${h.doc}`);
        return d ? [{ ...d, score: Math.round(h.score * 1e4) / 1e4 }] : [];
      }),
      relaxed,
      truncatedSyllables: planned.truncatedSyllables,
      liveSeq: seq,
      ...(planned.interpretedAs ? { interpretedAs: planned.interpretedAs } : {}),
      ...(req.facets.length ? { facets: mergeFacets(results) } : {}),
    };
  }

  /**
   * Title suggestions merged across shards and the live index, best first, unique titles; with the
   * live sequence number they reflect.
   */
  async suggestTitles(q: string, limit: number): Promise<{ titles: TitleSuggestion[]; liveSeq: number }> {
    const [live, ...built] = await Promise.all([
      this.live ? this.live.suggest(this.base, q, limit, this.suppression.version) : null,
      ...this.shards.map((s) => s.suggest(q, limit)),
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
    const [live, ...found] = await Promise.all([this.live ? this.live.article(this.base, id) : null, ...this.shards.map((s) => s.article(id))]);
    const liveSeq = live?.seq ?? 0;
    if (live?.state === 'live') return { article: live.article, liveSeq };
    if (live?.state === 'deleted') return { article: null, liveSeq };
    return { article: found.find((a) => a !== null) ?? null, liveSeq };
  }
}
