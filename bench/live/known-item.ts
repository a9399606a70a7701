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

/** How far live scores are from the scores a clean build gives the same articles for the same queries. */
export interface ScoreDrift {
  /** Articles found by both (in the top 20 for their headline). */
  compared: number;
  /** Mean and 95th percentile of |live − clean| / clean. */
  meanRelative: number;
  p95Relative: number;
  maxRelative: number;
}

/**
 * Statistics drift: a live article's impacts use the deployed build's collection statistics, which do
 * not count the live articles; a clean build of everything does. Compares each article's score for its
 * headline over HTTP (live) and in process (clean build).
 */
export async function scoreDrift(url: string, clean: SearchService, articles: readonly BaomoiArticle[], concurrency = 8): Promise<ScoreDrift> {
  const rel: number[] = [];
  await pool(articles, concurrency, async (a) => {
    const live = await timed(`${url}/search?q=${encodeURIComponent(a.title)}&limit=20&prefix=false&fields=id,score`);
    const ls = live.body?.hits?.find((h: { id: string }) => h.id === a.id)?.score as number | undefined;
    const c = await clean.search({ q: a.title, limit: 20, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
    const cs = c.hits.find((h) => h.id === a.id)?.score;
    if (ls !== undefined && cs !== undefined && cs > 0) rel.push(Math.abs(ls - cs) / cs);
  });
  rel.sort((x, y) => x - y);
  const at = (p: number) => (rel.length ? rel[Math.min(rel.length - 1, Math.floor(p * rel.length))] : NaN);
  return { compared: rel.length, meanRelative: rel.reduce((s, x) => s + x, 0) / Math.max(1, rel.length), p95Relative: at(0.95), maxRelative: rel.length ? rel[rel.length - 1] : NaN };
}
