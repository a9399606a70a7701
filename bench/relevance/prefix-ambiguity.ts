/**
 * How much of known-item kind (c) — "first 5 syllables without diacritics" — is decidable at all:
 * when several different headlines start with the same 5 folded syllables, no engine can know which
 * one the person meant. Reports the share of such queries, the best S@1 any engine can expect when
 * it breaks those ties at random (the ceiling), and each engine's S@1 on the unambiguous queries.
 * @module
 */
import type { BaomoiArticle } from '../lib/baomoi.js';
import { stripDiacritics } from '../lib/fold.js';
import { headlinePrefix, type KnownQuery } from './known-item.js';

const prefixOf = (title: string) => headlinePrefix(stripDiacritics(title).toLowerCase());

/** Ambiguity of kind (c) queries over a corpus. */
export interface PrefixAmbiguity {
  queries: number;
  /** Queries whose 5-syllable prefix starts more than one distinct headline. */
  ambiguous: number;
  /** Expected S@1 with perfect ranking and uniformly random tie-breaks among same-prefix headlines. */
  ceiling: number;
  /** Per engine: S@1 over the unambiguous queries. */
  s1Unambiguous: Record<string, number>;
}

/**
 * @param corpus the articles the engines searched (all 35k, or the MiniSearch subset)
 * @param queries kind (c) queries
 * @param results per engine, top ids per query
 * @param relevant relevance rule (target or identical headline)
 * @param articles the whole corpus, which `queries[i].target` indexes (default: `corpus`)
 */
export function prefixAmbiguity(
  corpus: readonly BaomoiArticle[], queries: readonly KnownQuery[],
  results: Record<string, string[][]>, relevant: (target: number) => Set<string>,
  articles: readonly BaomoiArticle[] = corpus,
): PrefixAmbiguity {
  const titlesByPrefix = new Map<string, Set<string>>();
  for (const a of corpus) {
    const p = prefixOf(a.title);
    const set = titlesByPrefix.get(p) ?? new Set<string>();
    set.add(a.title.trim());
    titlesByPrefix.set(p, set);
  }
  const distinct = queries.map((q) => titlesByPrefix.get(prefixOf(articles[q.target].title))?.size ?? 1);
  const unambiguous = queries.map((_q, i) => distinct[i] === 1);
  const s1Unambiguous: Record<string, number> = {};
  for (const [engine, rows] of Object.entries(results)) {
    let hit = 0;
    let n = 0;
    queries.forEach((q, i) => {
      if (!unambiguous[i]) return;
      n++;
      if (rows[i]?.[0] !== undefined && relevant(q.target).has(rows[i][0])) hit++;
    });
    s1Unambiguous[engine] = n ? hit / n : 0;
  }
  return {
    queries: queries.length,
    ambiguous: unambiguous.filter((u) => !u).length,
    ceiling: distinct.reduce((s, d) => s + 1 / d, 0) / Math.max(1, queries.length),
    s1Unambiguous,
  };
}
