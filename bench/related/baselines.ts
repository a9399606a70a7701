/**
 * Baselines of the related-articles benchmark: MiniSearch (defaults) and SQLite FTS5 (unicode61
 * remove_diacritics 2, bm25 with the title ×2) from `bench/relevance/baselines/`, each indexing the
 * same articles and queried with the source article's headline + lead — what a site without a
 * related-articles feature would do with its search engine. The source itself is dropped from the
 * answers; they have no notion of copies.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashCodeTrees, shortHash } from '../lib/cache.js';
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

/** A baseline run as cached on disk. */
interface CachedRun {
  name: string;
  corpusSize: number;
  indexMs: number;
  latenciesMs: number[];
  results: string[][];
}

/**
 * Runs a baseline in a worker thread over `docs`, querying each source's headline + lead. Answers
 * do not depend on our engine, so they are cached under `cacheDir`, keyed by the documents, the
 * queries, the baseline code and the MiniSearch and better-sqlite3 versions (MiniSearch takes ~2 s per query at 35k).
 * @param sources source ids with their query text
 */
export async function runBaseline(key: BaselineKey, corpus: string, docs: BenchDoc[], sources: ReadonlyArray<{ id: string; query: string }>, o: { projectRoot: string; cacheDir: string }): Promise<BaselineRun & { cached: boolean }> {
  const queries = sources.map((s) => s.query);
  const codeHash = hashCodeTrees(o.projectRoot, ['bench/relevance/baselines']);
  const versionOf = (pkg: string) => (JSON.parse(readFileSync(path.join(o.projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const lockHash = shortHash(versionOf('minisearch'), versionOf('better-sqlite3'));
  const dataHash = shortHash(JSON.stringify(docs), JSON.stringify(sources));
  const file = path.join(o.cacheDir, `baseline-${key}-${corpus}-${shortHash(codeHash, lockHash, dataHash, String(TOP))}.json`);
  let run: CachedRun;
  let cached = false;
  if (existsSync(file)) {
    run = JSON.parse(readFileSync(file, 'utf8')) as CachedRun;
    cached = true;
  } else {
    const out = await runInWorker({ key, corpus, docs, sets: [{ name: 'related', queries, k: TOP + 1 }] });
    run = { name: out.name, corpusSize: out.corpusSize, indexMs: out.indexMs, latenciesMs: out.sets[0].latenciesMs, results: out.sets[0].results };
    mkdirSync(o.cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(run));
    renameSync(`${file}.tmp`, file);
  }
  const lists = new Map<string, RelatedList>();
  sources.forEach((s, i) => lists.set(s.id, { ids: run.results[i].filter((id) => id !== s.id).slice(0, TOP), sourceCopies: [], collapsed: [] }));
  return { key, name: run.name, corpusSize: run.corpusSize, lists, latenciesMs: run.latenciesMs, indexMs: run.indexMs, cached };
}
