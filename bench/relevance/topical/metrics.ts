/**
 * Graded ranking metrics of the topical benchmark: precision of the top 10 (an article counts when
 * its grade is at least 1) and nDCG@10 with gain 2^grade − 1.
 * @module
 */
import type { Grade } from './judge.js';

/** P@k: relevant results in the first k, divided by k (a shorter list counts its missing places as wrong). */
export function gradedPrecisionAtK(grades: readonly Grade[], k = 10): number {
  let good = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) if (grades[i] >= 1) good++;
  return good / k;
}

/** DCG@k with gain 2^grade − 1 and discount log2(rank + 1). */
export function dcgAtK(grades: readonly Grade[], k = 10): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) s += (2 ** grades[i] - 1) / Math.log2(i + 2);
  return s;
}

/**
 * nDCG@k: DCG of the ranking over DCG of the best possible one.
 * @param grades grades of the ranking, best first
 * @param ideal the best grades any ranking could have, best first
 * @returns 0..1 (0 when nothing is relevant)
 */
export function ndcgAtK(grades: readonly Grade[], ideal: readonly Grade[], k = 10): number {
  const best = dcgAtK(ideal, k);
  return best > 0 ? dcgAtK(grades, k) / best : 0;
}
