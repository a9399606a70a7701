/**
 * Baseline: MiniSearch with a naive diacritic fold (NFD, strip combining marks, đ→d, lower-case)
 * as `processTerm` for indexing and search, and titles boosted 2× — the usual five-minute
 * "make it accent-insensitive" fix.
 * @module
 */
import MiniSearch from 'minisearch';
import { naiveFold } from '../../lib/fold.js';
import type { Baseline, BenchDoc } from './types.js';

/** MiniSearch with `processTerm: naiveFold` and `boost: { title: 2 }`. */
export class MiniSearchFold implements Baseline {
  readonly name = 'MiniSearch naive fold';
  corpusSize = 0;
  private readonly ms = new MiniSearch<BenchDoc>({ fields: ['title', 'body'], storeFields: [], processTerm: naiveFold });

  index(docs: readonly BenchDoc[]): void {
    this.ms.addAll(docs as BenchDoc[]);
    this.corpusSize = this.ms.documentCount;
  }

  search(q: string, k: number): string[] {
    return this.ms.search(q, { boost: { title: 2 } }).slice(0, k).map((r) => String(r.id));
  }
}
