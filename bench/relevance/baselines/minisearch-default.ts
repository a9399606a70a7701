/**
 * Baseline: MiniSearch with default options — what a developer gets out of the box (Unicode
 * tokenizer, lower-casing, OR of the query terms, BM25, no prefix, no fuzzy, no diacritic folding).
 * @module
 */
import MiniSearch from 'minisearch';
import type { Baseline, BenchDoc } from './types.js';

/** MiniSearch, `new MiniSearch({ fields: ['title', 'body'], storeFields: [] })`, default search options. */
export class MiniSearchDefault implements Baseline {
  readonly name = 'MiniSearch default';
  corpusSize = 0;
  private readonly ms = new MiniSearch<BenchDoc>({ fields: ['title', 'body'], storeFields: [] });

  index(docs: readonly BenchDoc[]): void {
    this.ms.addAll(docs as BenchDoc[]);
    this.corpusSize = this.ms.documentCount;
  }

  search(q: string, k: number): string[] {
    return this.ms.search(q).slice(0, k).map((r) => String(r.id));
  }
}
