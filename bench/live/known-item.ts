/**
 * Known-item success at 1 for articles searched by their headline: the top hit is the article, or an
 * exact duplicate of it (same headline, lead and body: the corpus has such copies, and which of them
 * ranks first depends only on the order documents were built in).
 * @module
 */
import { createHash } from 'node:crypto';
import type { SearchService } from '../../src/engine/search-service.js';
import type { BaomoiArticle } from '../lib/baomoi.js';
import { pool, searchUrl, timed } from './http.js';

/** id → ids of its exact copies (itself included). */
export function duplicateGroups(articles: readonly BaomoiArticle[]): Map<string, Set<string>> {
  const byContent = new Map<string, Set<string>>();
  const of = new Map<string, Set<string>>();
  for (const a of articles) {
    const key = createHash('sha1').update(`${a.title}\n${a.lead}\n${a.body}`).digest('hex');
    const group = byContent.get(key) ?? new Set<string>();
    group.add(a.id);
    byContent.set(key, group);
    of.set(a.id, group);
  }
  return of;
}

/** S@1 over HTTP (`/search?q=<headline>`). */
export async function successAt1Http(url: string, articles: readonly BaomoiArticle[], copies: Map<string, Set<string>>, concurrency = 8): Promise<number> {
  let hits = 0;
  await pool(articles, concurrency, async (a) => {
    const r = await timed(searchUrl(url, a.title, 1));
    const top = r.body?.hits?.[0]?.id as string | undefined;
    if (top !== undefined && (copies.get(a.id) ?? new Set([a.id])).has(top)) hits++;
  });
  return hits / articles.length;
}

/** S@1 in process, over an index opened with `openIndex`. */
export async function successAt1(service: SearchService, articles: readonly BaomoiArticle[], copies: Map<string, Set<string>>): Promise<number> {
  let hits = 0;
  for (const a of articles) {
    const r = await service.search({ q: a.title, limit: 1, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
    const top = r.hits[0]?.id;
    if (top !== undefined && (copies.get(a.id) ?? new Set([a.id])).has(top)) hits++;
  }
  return hits / articles.length;
}
