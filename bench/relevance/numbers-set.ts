/**
 * The numbers set: Vietnamese writes thousands with dots (`1.000 tỷ`, `24.962 xe`), readers type
 * them without (`1000 tỷ`). From seeded baomoi headlines holding such a number, the query is the
 * number and the word after it (`24.962 xe`), typed as written and without the dots (`24962 xe`);
 * an article is relevant when its headline or lead holds that number, either way, followed by that
 * word. P@10 for every engine on all articles (short queries: MiniSearch too).
 * @module
 */
import { analyzeQueryText } from '../../src/analyzer/analyze.js';
import type { BaomoiArticle } from '../lib/baomoi.js';
import { mulberry32 } from '../lib/prng.js';
import { SEED } from './known-item.js';

/** Queries sampled (from headlines, with `mulberry32(SEED + 5)`). */
export const NUMBER_SAMPLE = 200;

/** A whole number with thousands dots. */
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/** One query of the set. */
export interface NumberQuery {
  /** The number as written (`24.962`) and without dots (`24962`). */
  dotted: string;
  bare: string;
  /** The word after it, as the headline writes it (`xe`). */
  next: string;
}

/** The set's queries, one per sampled headline (number + next word), in a seeded order. */
export function numberQueries(articles: readonly BaomoiArticle[], sample = NUMBER_SAMPLE): NumberQuery[] {
  const candidates: NumberQuery[] = [];
  const seen = new Set<string>();
  for (const a of articles) {
    const tokens = analyzeQueryText(a.title);
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (t.kind !== 'number' || !GROUPED.test(t.exact) || !next || !next.joined || next.kind !== 'word') return;
      const key = `${t.exact} ${next.exact}`;
      if (seen.has(key)) return;
      seen.add(key);
      candidates.push({ dotted: t.exact, bare: t.exact.replace(/\./g, ''), next: a.title.slice(next.start, next.end) });
    });
  }
  const rand = mulberry32(SEED + 5);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  return candidates.slice(0, sample);
}

/**
 * Whether an article is relevant to a query of the set: its headline or lead holds the number, with
 * or without dots, directly followed by the word.
 */
export function numberRelevance(queries: readonly NumberQuery[], articles: readonly BaomoiArticle[]): (query: number, id: string) => boolean {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const memo = new Map<string, Array<[string, string]>>();
  const pairs = (id: string) => {
    let p = memo.get(id);
    if (!p) {
      const a = byId.get(id);
      const tokens = a ? analyzeQueryText(`${a.title}\n${a.lead}`) : [];
      p = [];
      for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i].kind === 'number' && tokens[i + 1].joined) p.push([tokens[i].exact.replace(/\./g, ''), tokens[i + 1].folded]);
      memo.set(id, p);
    }
    return p;
  };
  const wanted = queries.map((q) => [q.bare, analyzeQueryText(q.next)[0]?.folded ?? ''] as const);
  return (query, id) => pairs(id).some(([n, w]) => n === wanted[query][0] && w === wanted[query][1]);
}

/** Mean P@10 and the share of queries with a relevant article at rank 1. */
export function numberScores(results: readonly string[][], relevant: (query: number, id: string) => boolean): { p10: number; s1: number } {
  let p = 0;
  let s1 = 0;
  results.forEach((ids, q) => {
    p += ids.slice(0, 10).filter((id) => relevant(q, id)).length / 10;
    if (ids.length && relevant(q, ids[0])) s1++;
  });
  return { p10: results.length ? p / results.length : 0, s1: results.length ? s1 / results.length : 0 };
}
