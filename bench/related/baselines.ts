/**
 * Baselines of the related-articles benchmark: MiniSearch (defaults) and SQLite FTS5 (unicode61
 * remove_diacritics 2, bm25 with the title ×2) from `bench/relevance/baselines/`, each indexing the
 * same articles and queried with the source article's headline + lead — what a site without a
 * related-articles feature would do with its search engine. The source itself is dropped from the
 * answers; they have no notion of copies.
 * @module
 */
import type { BaselineKey, BenchDoc } from '../relevance/baselines/types.js';
import { runInWorker } from '../relevance/scheduler.js';
import { TOP, type RelatedList } from './metrics.js';

/** The baselines compared, in report order. */
export const RELATED_BASELINES: readonly BaselineKey[] = ['minisearch-default', 'fts5'];

/** One baseline's related lists. */
export interface BaselineRun {
  key: BaselineKey;
  name: string;
  corpusSize: number;
  lists: Map<string, RelatedList>;
  latenciesMs: number[];
  indexMs: number;
}

/**
 * Runs a baseline in a worker thread over `docs`, querying each source's headline + lead.
 * @param sources source ids with their query text
 */
export async function runBaseline(key: BaselineKey, corpus: string, docs: BenchDoc[], sources: ReadonlyArray<{ id: string; query: string }>): Promise<BaselineRun> {
  const out = await runInWorker({ key, corpus, docs, sets: [{ name: 'related', queries: sources.map((s) => s.query), k: TOP + 1 }] });
  const set = out.sets[0];
  const lists = new Map<string, RelatedList>();
  sources.forEach((s, i) => lists.set(s.id, { ids: set.results[i].filter((id) => id !== s.id).slice(0, TOP), sourceCopies: [], collapsed: [] }));
  return { key, name: out.name, corpusSize: out.corpusSize, lists, latenciesMs: set.latenciesMs, indexMs: out.indexMs };
}
