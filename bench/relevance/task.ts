/**
 * One unit of baseline work — index a set of documents, then run query sets against it — runnable
 * in the main thread or in a worker thread (`baseline-worker.ts`). Results are plain data
 * (structured-clone safe).
 * @module
 */
import { createBaseline } from './baselines/index.js';
import type { BaselineKey, BenchDoc } from './baselines/types.js';
import { Fts5 } from './baselines/fts5.js';

/** Queries run with one cutoff. */
export interface QuerySet {
  /** Name, e.g. 'known:a' or 'exact:top10'. */
  name: string;
  queries: string[];
  /** How many results to keep per query. */
  k: number;
}

/** What to run. */
export interface TaskInput {
  key: BaselineKey;
  /** Label for logs, e.g. 'baomoi'. */
  corpus: string;
  docs: BenchDoc[];
  sets: QuerySet[];
}

/** Result of one query set. */
export interface SetOutput {
  name: string;
  /** Result ids per query, best first. */
  results: string[][];
  /** Per-query latency, ms. */
  latenciesMs: number[];
  /** Wall time of the whole set, ms. */
  wallMs: number;
  /** Our engine only: the accented reading it searched for, per query (null: nothing restored). */
  interpretedAs?: Array<string | null>;
}

/** What a task produced. */
export interface TaskOutput {
  key: BaselineKey;
  name: string;
  corpus: string;
  corpusSize: number;
  indexMs: number;
  sets: SetOutput[];
  /** Queries the engine rejected (FTS5 syntax errors; 0 otherwise). */
  queryErrors: number;
  /** Heap in use after indexing, MB. */
  heapMB: number;
}

/**
 * Runs a task synchronously.
 * @param task engine, documents and queries
 */
export function runTask(task: TaskInput): TaskOutput {
  const engine = createBaseline(task.key);
  const t0 = performance.now();
  engine.index(task.docs);
  const indexMs = performance.now() - t0;
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  const sets: SetOutput[] = task.sets.map((s) => {
    const start = performance.now();
    const latenciesMs: number[] = [];
    const results = s.queries.map((q) => {
      const t = performance.now();
      const ids = engine.search(q, s.k);
      latenciesMs.push(performance.now() - t);
      return ids;
    });
    return { name: s.name, results, latenciesMs, wallMs: performance.now() - start };
  });
  const queryErrors = engine instanceof Fts5 ? engine.errors : 0;
  engine.close?.();
  return { key: task.key, name: engine.name, corpus: task.corpus, corpusSize: engine.corpusSize, indexMs, sets, queryErrors, heapMB };
}
