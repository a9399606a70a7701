/**
 * Our engine in the related-articles benchmark: the index built by the production build step
 * (cached like `bench:relevance`), opened with the engine the Worker runs, and asked for each
 * source's related articles exactly as `GET /articles/:id/related?limit=5` asks.
 * @module
 */
import { openIndex } from '../../index-build/open-index.js';
import { RelatedService } from '../../src/engine/related/related-service.js';
import type { SearchService } from '../../src/engine/search-service.js';
import { TOP, type RelatedList } from './metrics.js';

/** Our engine's related lists for some sources. */
export interface OurRun {
  lists: Map<string, RelatedList>;
  /** In-process milliseconds per source. */
  latenciesMs: number[];
  /** Most posting lists any of these queries planned. */
  maxPlanTerms: number;
}

/** Opens a built index for related queries. */
export async function openOurs(indexDir: string): Promise<{ search: SearchService; related: RelatedService }> {
  const search = await openIndex(indexDir);
  return { search, related: RelatedService.of(search) };
}

/** Related lists of `sources` (ids in the index), `TOP` each. */
export async function runOurs(engine: { search: SearchService; related: RelatedService }, sources: readonly string[]): Promise<OurRun> {
  const lists = new Map<string, RelatedList>();
  const latenciesMs: number[] = [];
  let maxPlanTerms = 0;
  for (const id of sources) {
    const t = performance.now();
    const { article } = await engine.search.article(id);
    if (!article) throw new Error(`article ${id} is not in our index`);
    const r = await engine.related.related(article, { limit: TOP, recent: false, sourceIndexed: true });
    latenciesMs.push(performance.now() - t);
    maxPlanTerms = Math.max(maxPlanTerms, r.keys);
    lists.set(id, { ids: r.hits.map((h) => h.id), sourceCopies: r.duplicates, collapsed: r.hits.flatMap((h) => h.duplicates ?? []) });
  }
  return { lists, latenciesMs, maxPlanTerms };
}
