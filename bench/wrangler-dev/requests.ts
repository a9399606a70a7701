/**
 * The requests `npm run bench:wrangler-dev` sends: the scale benchmark's query mix (70% short
 * queries, half of them unaccented, 30% whole headlines; see bench/lib/query-mix.ts) spread over the
 * read endpoints a user of the demo page and the widget hits: mostly `/search` (some sorted by date,
 * with facets or on page 2), `/suggest` for every tenth, and `/articles/:id` for some headlines.
 * @module
 */
import type { MixQuery } from '../lib/query-mix.js';

/** One request of the run. */
export interface BenchRequest {
  /** Path and query string. */
  path: string;
  kind: 'search' | 'suggest' | 'article';
}

/** The first `n` words of a query (what a person has typed a moment before the whole query). */
function firstWords(q: string, n: number): string {
  return q.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

/**
 * One request per query of the mix, deterministic for a given mix.
 * @param mix queries from `queryMix` (bench/lib/query-mix.ts)
 */
export function benchRequests(mix: readonly MixQuery[]): BenchRequest[] {
  return mix.map((m, i) => {
    if (i % 10 === 9) return { kind: 'suggest', path: `/suggest?q=${encodeURIComponent(firstWords(m.q, 3))}` };
    if (i % 10 === 4 && m.kind === 'headline' && m.relevant?.length) {
      return { kind: 'article', path: `/articles/${encodeURIComponent(m.relevant[0])}` };
    }
    let path = `/search?q=${encodeURIComponent(m.q)}`;
    if (i % 7 === 3) path += '&sort=date:desc';
    if (i % 11 === 5) path += '&facets=category,year';
    if (i % 13 === 6) path += '&page=2';
    return { kind: 'search', path };
  });
}
