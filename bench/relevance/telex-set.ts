/**
 * The Telex/VNI set: short queries typed on a keyboard without a Vietnamese input method, in Telex's
 * standard and free typing orders and in VNI (`bench/lib/telex.ts`), made from the topics of the
 * topical set and from the first words of seeded baomoi headlines. Scored by how many of the words
 * that carry marks come back exactly (in the `interpreted_as` the engine reports).
 * @module
 */
import { analyzeQueryText } from '../../src/analyzer/analyze.js';
import type { BaomoiArticle } from '../lib/baomoi.js';
import { mulberry32, sampleIndices } from '../lib/prng.js';
import { typeText, type TypingOrder } from '../lib/telex.js';
import { SEED, headlinePrefix } from './known-item.js';

/** Typing orders, in report order. */
export const TYPING_ORDERS: readonly TypingOrder[] = ['telex', 'telex-free', 'vni'];

/** Display names of the orders. */
export const TYPING_ORDER_LABELS: Record<TypingOrder, string> = { telex: 'Telex, standard order', 'telex-free': 'Telex, free order', vni: 'VNI' };

/** Headlines sampled for the set (with `mulberry32(SEED + 3)`). */
export const TELEX_HEADLINES = 300;

/** The accented texts the set types: the topical topics, then headline starts. */
export function telexSources(topics: readonly string[], articles: readonly BaomoiArticle[]): string[] {
  const picks = sampleIndices(mulberry32(SEED + 3), articles.length, TELEX_HEADLINES);
  return [...topics, ...picks.map((i) => headlinePrefix(articles[i].title))];
}

/** The queries of one order. */
export function typedQueries(sources: readonly string[], order: TypingOrder): string[] {
  return sources.map((s) => typeText(s, order));
}

/** Counts over the marked words of a set. */
export interface DecodingScore {
  /** Words whose accented form carries marks (or đ). */
  words: number;
  /** Came back exactly. */
  right: number;
  /** Came back with other marks. */
  wrong: number;
  /** Left as typed. */
  undecoded: number;
  /** Words without marks that came back with marks (an English word read as Telex, say). */
  spoiled: number;
  /** Queries whose interpretation did not align word for word (their words count as undecoded). */
  unaligned: number;
}

/**
 * Scores decoding over one order's queries.
 * @param sources the accented texts
 * @param queries what was typed
 * @param interpreted the engine's `interpretedAs` per query (null: nothing changed)
 */
export function scoreDecoding(sources: readonly string[], queries: readonly string[], interpreted: ReadonlyArray<string | null | undefined>): DecodingScore {
  const s: DecodingScore = { words: 0, right: 0, wrong: 0, undecoded: 0, spoiled: 0, unaligned: 0 };
  sources.forEach((src, i) => {
    const want = analyzeQueryText(src);
    const got = analyzeQueryText(interpreted[i] ?? queries[i]);
    const marked = want.filter((w) => w.exact !== w.folded).length;
    s.words += marked;
    if (want.length !== got.length) { s.unaligned++; s.undecoded += marked; return; }
    want.forEach((w, k) => {
      const changed = got[k].exact !== got[k].folded;
      if (w.exact === w.folded) { if (changed) s.spoiled++; return; }
      if (got[k].exact === w.exact) s.right++;
      else if (changed) s.wrong++;
      else s.undecoded++;
    });
  });
  return s;
}
