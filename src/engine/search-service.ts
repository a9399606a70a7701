/**
 * The front end of a search: plans the query once with the collection-wide lexicon, fans it out to
 * every shard, merges their top hits (scores are comparable because impacts use global statistics),
 * then fetches stored fields and snippets only for the page being returned.
 * @module
 */
import type { StoredDocument } from '../index-format/document-store.js';
import type { Lexicon } from '../index-format/lexicon.js';
import type { IndexManifest } from '../index-format/manifest.js';
import { NO_DATE } from '../index-format/shard-postings.js';
import type { HitDocument, TitleSuggestion } from './loaded-shard.js';
import { planQuery, type PlannedQuery } from './planner.js';
import type { SearchOptions, ShardHit, ShardResult } from './query-plan.js';
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

/** Query planning, fan-out and merging over a set of shards. */
export class SearchService {
  readonly synonyms: SynonymTable;
  private readonly categoryIndex: Map<string, number>;

  constructor(readonly manifest: IndexManifest, readonly lexicon: Lexicon, readonly shards: ShardClient[]) {
    this.synonyms = new SynonymTable(manifest.synonyms);
    this.categoryIndex = new Map(manifest.categories.map((c, i) => [c, i]));
  }

  /** Plans a query (exposed for diagnostics and benchmarks). */
  plan(q: string, prefixLast: boolean): PlannedQuery {
    return planQuery(q, { lexicon: this.lexicon, synonyms: this.synonyms }, { prefixLast });
  }

  /** Runs a search end to end. */
  async search(req: SearchRequest): Promise<SearchResult> {
    const planned = this.plan(req.q, req.prefixLast);
    const categories = req.categories?.map((c) => this.categoryIndex.get(c) ?? -1);
    const opts: SearchOptions = {
      topK: req.offset + req.limit,
      sort: req.sort,
      facets: req.facets,
      ...(req.fromMinutes !== undefined ? { fromMinutes: req.fromMinutes } : {}),
      ...(req.toMinutes !== undefined ? { toMinutes: req.toMinutes } : {}),
      ...(categories ? { categories } : {}),
    };
    const hasQuery = planned.plan.terms.length > 0 || planned.plan.required.length > 0;
    if (!hasQuery && !(req.categories?.length || req.fromMinutes !== undefined || req.toMinutes !== undefined)) {
      return { total: 0, hits: [], relaxed: false, truncatedSyllables: planned.truncatedSyllables, ...(req.facets.length ? { facets: {} } : {}) };
    }
    let results = await Promise.all(this.shards.map((s) => s.search(planned.plan, opts)));
    let relaxed = false;
    let total = results.reduce((a, r) => a + r.total, 0);
    if (total === 0 && planned.plan.terms.length > 0 && (planned.plan.minShouldMatch > 1 || planned.plan.required.length > 0)) {
      // Nothing matched every word (or a quoted phrase, e.g. one pasted with a typo inside): fall back
      // to documents matching any word, best first, and say so (`relaxed`).
      relaxed = true;
      const plan = { ...planned.plan, minShouldMatch: 1, required: [] };
      results = await Promise.all(this.shards.map((s) => s.search(plan, opts)));
      total = results.reduce((a, r) => a + r.total, 0);
    }
    const merged = results.flatMap((r) => r.hits).sort(better(req.sort)).slice(req.offset, req.offset + req.limit);
    const byShard = new Map<number, ShardHit[]>();
    for (const h of merged) {
      const list = byShard.get(h.shard);
      if (list) list.push(h);
      else byShard.set(h.shard, [h]);
    }
    const docs = new Map<string, HitDocument>();
    await Promise.all([...byShard].map(async ([shard, hits]) => {
      const fetched = await this.shards[shard].hits(hits.map((h) => h.doc), planned.plan.highlight);
      hits.forEach((h, i) => docs.set(`${shard}:${h.doc}`, fetched[i]));
    }));
    return {
      total,
      hits: merged.map((h) => ({ ...docs.get(`${h.shard}:${h.doc}`)!, score: Math.round(h.score * 1e4) / 1e4 })),
      relaxed,
      truncatedSyllables: planned.truncatedSyllables,
      ...(planned.interpretedAs ? { interpretedAs: planned.interpretedAs } : {}),
      ...(req.facets.length ? { facets: mergeFacets(results) } : {}),
    };
  }

  /** Title suggestions merged across shards, best first, unique titles. */
  async suggestTitles(q: string, limit: number): Promise<TitleSuggestion[]> {
    const all = (await Promise.all(this.shards.map((s) => s.suggest(q, limit)))).flat();
    all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const seen = new Set<string>();
    return all.filter((s) => (seen.has(s.title) ? false : (seen.add(s.title), true))).slice(0, limit);
  }

  /** The article with this id from whichever shard holds it, or null. */
  async article(id: string): Promise<StoredDocument | null> {
    const found = await Promise.all(this.shards.map((s) => s.article(id)));
    return found.find((a) => a !== null) ?? null;
  }
}
