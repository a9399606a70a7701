/**
 * The articles of the related-articles benchmark: dantri-200 (10 categories × 20, for the
 * same-category line) and baomoi-35k (repeated headlines, copies, the judged sample), read from
 * `../shared/corpora/` (never copied).
 * @module
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../lib/prng.js';
import type { BaomoiArticle } from '../lib/baomoi.js';

/** One dantri-200 article. */
export interface DantriArticle {
  id: string;
  title: string;
  body: string;
  category: string;
  date?: string;
  url?: string;
}

/** Reads dantri-200.jsonl. */
export function loadDantri(file: string): DantriArticle[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DantriArticle);
}

/** A dantri article's lead for baseline queries: its first paragraph (dantri's sapo). */
export const dantriLead = (a: DantriArticle): string => a.body.split('\n')[0] ?? '';

/** Ids of articles sharing a headline exactly (groups of ≥ 2, in corpus order). */
export function repeatedHeadlineGroups(articles: readonly { id: string; title: string }[]): string[][] {
  const byTitle = new Map<string, string[]>();
  for (const a of articles) {
    const list = byTitle.get(a.title);
    if (list) list.push(a.id);
    else byTitle.set(a.title, [a.id]);
  }
  return [...byTitle.values()].filter((g) => g.length > 1);
}

/** Seed of the judged sample (fixed: the committed judgments are for exactly these articles). */
export const JUDGED_SEED = 20261130;
/** Articles in the judged sample. */
export const JUDGED_SIZE = 50;

/**
 * The judged sample: {@link JUDGED_SIZE} baomoi articles with a lead and a body, drawn with
 * `mulberry32(JUDGED_SEED)` over the corpus in file-name order.
 */
export function judgedSample(articles: readonly BaomoiArticle[]): string[] {
  const pool = articles.filter((a) => a.lead && a.body).map((a) => a.id);
  const rand = mulberry32(JUDGED_SEED);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(JUDGED_SIZE, pool.length)) chosen.add(pool[Math.floor(rand() * pool.length)]);
  return [...chosen];
}
