/**
 * The load test's query mix, drawn from the corpus with a fixed seed: 70% short queries (the first
 * 1–4 words of a headline, half typed without diacritics, as people type into a search box) and
 * 30% whole headlines.
 * @module
 */
import { stripDiacritics } from '../lib/fold.js';
import { mulberry32, randInt } from '../lib/prng.js';

/** Share of short queries in the mix. */
export const SHORT_SHARE = 0.7;

/** A query of the mix. */
export interface LoadQuery { q: string; kind: 'short-accented' | 'short-unaccented' | 'headline' }

/** `count` queries from these headlines (deterministic for a seed). */
export function queryMix(titles: readonly string[], count: number, seed = 35): LoadQuery[] {
  const rand = mulberry32(seed);
  const usable = titles.filter((t) => t.trim().split(/\s+/).length >= 2);
  const out: LoadQuery[] = [];
  while (out.length < count) {
    const title = usable[randInt(rand, usable.length)].trim();
    if (rand() < SHORT_SHARE) {
      const words = title.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
      const q = words.slice(0, 1 + randInt(rand, 4)).join(' ');
      if (!q) continue;
      const unaccented = out.length % 2 === 1;
      out.push(unaccented ? { q: stripDiacritics(q).toLowerCase(), kind: 'short-unaccented' } : { q, kind: 'short-accented' });
    } else {
      out.push({ q: title.slice(0, 512), kind: 'headline' });
    }
  }
  return out;
}
