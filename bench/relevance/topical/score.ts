/**
 * Scores engines' rankings on the topical set: P@10 and nDCG@10 per query, averaged over the whole
 * set, each half, and each way of typing.
 * @module
 */
import type { Grade } from './judge.js';
import type { TopicalJudge } from './judgments.js';
import { gradedPrecisionAtK, ndcgAtK } from './metrics.js';
import type { TopicalQuery } from './queries.js';

/** One query's outcome for one engine. */
export interface TopicalOutcome {
  id: string;
  p10: number;
  ndcg10: number;
  /** Grades of the returned top 10. */
  grades: Grade[];
}

/** Means over a group of queries. */
export interface TopicalMeans {
  n: number;
  p10: number;
  ndcg10: number;
}

/**
 * The best ten grades per query, the same for every engine: from the judge's candidates plus every
 * article any engine returned.
 * @param results per engine, top-10 lists in query order
 */
export function idealGradesOf(queries: readonly TopicalQuery[], results: ReadonlyArray<readonly string[][]>, judge: TopicalJudge): Grade[][] {
  return queries.map((q, i) => judge.idealGrades(q.id, results.flatMap((r) => (r[i] ?? []).slice(0, 10))));
}

/** Scores one engine's top-10 lists (in query order) against the ideal grades. */
export function scoreTopical(queries: readonly TopicalQuery[], results: readonly string[][], judge: TopicalJudge, ideal: readonly Grade[][]): TopicalOutcome[] {
  return queries.map((q, i) => {
    const ids = (results[i] ?? []).slice(0, 10);
    const grades = ids.map((d) => judge.grade(q.id, d));
    return { id: q.id, p10: gradedPrecisionAtK(grades), ndcg10: ndcgAtK(grades, ideal[i]), grades };
  });
}

/** Means of the outcomes of the queries that `keep` selects. */
export function meansOf(queries: readonly TopicalQuery[], outcomes: readonly TopicalOutcome[], keep: (q: TopicalQuery) => boolean = () => true): TopicalMeans {
  const picked = outcomes.filter((_, i) => keep(queries[i]));
  const n = picked.length;
  return {
    n,
    p10: n ? picked.reduce((a, o) => a + o.p10, 0) / n : 0,
    ndcg10: n ? picked.reduce((a, o) => a + o.ndcg10, 0) / n : 0,
  };
}
