/**
 * The benchmarks' one query mix (bench:scale, bench:load, bench:live, bench:wrangler-dev), drawn from the corpus headlines with a seeded PRNG:
 * - 70% short queries: a random span of 1–4 consecutive syllables of a random headline; half of
 *   them typed without diacritics (diacritics stripped, lower-cased), the other half as written;
 * - 30% whole headlines, copied from the corpus (each remembers the ids of the articles carrying
 *   that exact title, for a known-item sanity check of every engine).
 * @module
 */
import { stripDiacritics } from '../lib/fold.js';
import { mulberry32, randInt, type Random } from '../lib/prng.js';

/** Share of short queries. */
export const SHORT_SHARE = 0.7;

/** Kind of a query in the mix. */
export type QueryKind = 'short-accented' | 'short-unaccented' | 'headline';

/** One query of the mix. */
export interface MixQuery {
  q: string;
  kind: QueryKind;
  /** For headlines: ids of every article whose title is exactly this headline. */
  relevant?: string[];
}

/** A headline and its article id. */
export interface TitledArticle { id: string; title: string }

/** Headline words with punctuation trimmed from their edges (a "syllable" as a person would type it). */
function syllables(title: string): string[] {
  return title.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}

/** Fisher–Yates shuffle in place. */
function shuffle<T>(rand: Random, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(rand, i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Builds `count` queries: exactly round(70%) short (alternating accented / unaccented) and the rest
 * headlines, in a seeded random order.
 * @param articles corpus articles (id + title)
 * @param count number of queries
 * @param seed PRNG seed (same seed → same mix)
 */
export function queryMix(articles: readonly TitledArticle[], count: number, seed = 20261127): MixQuery[] {
  const rand = mulberry32(seed);
  const byTitle = new Map<string, string[]>();
  for (const a of articles) {
    const t = a.title.trim();
    if (t) byTitle.set(t, [...(byTitle.get(t) ?? []), a.id]);
  }
  const usable = articles.filter((a) => syllables(a.title).length >= 1 && a.title.trim().length <= 512);
  const shortCount = Math.round(count * SHORT_SHARE);
  const out: MixQuery[] = [];
  while (out.length < shortCount) {
    const words = syllables(usable[randInt(rand, usable.length)].title);
    const k = Math.min(words.length, 1 + randInt(rand, 4));
    const start = randInt(rand, words.length - k + 1);
    const span = words.slice(start, start + k).join(' ');
    out.push(out.length % 2 === 1 ? { q: stripDiacritics(span).toLowerCase(), kind: 'short-unaccented' } : { q: span, kind: 'short-accented' });
  }
  while (out.length < count) {
    const title = usable[randInt(rand, usable.length)].title.trim();
    out.push({ q: title, kind: 'headline', relevant: byTitle.get(title) ?? [] });
  }
  return shuffle(rand, out);
}
