/**
 * The pool of the topical benchmark: every engine's top 10 per query, accumulated over runs in
 * `bench/.cache/relevance/topical-results.json` (an ours-only run keeps the baselines' lists), so that
 * `pool.ts` can add new (query, article) pairs to `judgments.tsv` for review.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineKey, EngineRun } from '../report.js';
import type { TopicalQuery } from './queries.js';

/** Engine → query id → every id it ever returned in a top 10 (most recent run's order first). */
export type TopicalPool = Record<string, Record<string, string[]>>;

/** File of the accumulated pool. */
export const poolFile = (cacheRoot: string) => path.join(cacheRoot, 'topical-results.json');

/** Reads the accumulated pool (empty when there is none). */
export function readTopicalPool(cacheRoot: string): TopicalPool {
  const file = poolFile(cacheRoot);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TopicalPool) : {};
}

/** Adds this run's top-10 lists to the accumulated pool. */
export function recordTopicalResults(cacheRoot: string, queries: readonly TopicalQuery[], runs: ReadonlyMap<EngineKey, EngineRun>): void {
  const pool = readTopicalPool(cacheRoot);
  for (const [engine, run] of runs) {
    const results = run.sets.get('topical:queries')?.results;
    if (!results) continue;
    const byQuery = (pool[engine] ??= {});
    queries.forEach((q, i) => {
      const ids = (results[i] ?? []).slice(0, 10);
      byQuery[q.id] = [...new Set([...ids, ...(byQuery[q.id] ?? [])])];
    });
  }
  mkdirSync(cacheRoot, { recursive: true });
  const tmp = `${poolFile(cacheRoot)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(pool));
  renameSync(tmp, poolFile(cacheRoot));
}
