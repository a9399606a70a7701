/**
 * The common interface of the relevance benchmark's baseline engines.
 * @module
 */

/** One document as every engine indexes it (the same fields for all engines). */
export interface BenchDoc {
  /** Result id (baomoi: file name without `.txt`; zalo: hash of the paragraph text). */
  id: string;
  title: string;
  /** baomoi: lead + '\n' + body; zalo: the paragraph text. */
  body: string;
}

/** A search engine under test. */
export interface Baseline {
  /** Display name ("MiniSearch default"). */
  readonly name: string;
  /** Number of documents indexed (0 before {@link Baseline.index}). */
  readonly corpusSize: number;
  /** Indexes the documents (called once). */
  index(docs: readonly BenchDoc[]): void;
  /** The ids of the top `k` results for a query, best first; never throws for odd query text. */
  search(q: string, k: number): string[];
  /** Releases resources (optional). */
  close?(): void;
}

/** The baselines by key (the key is what workers and results use). */
export type BaselineKey = 'minisearch-default' | 'minisearch-fold' | 'fts5';
