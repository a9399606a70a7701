/**
 * Shard-level MaxScore: for a plan, an upper bound of the best score each shard can give and whether
 * it can hold a match at all, from the front's score-bounds artifact (`index-format/score-bounds.ts`).
 *
 * A shard scores a document as (Σ over the plan's terms of weight × impactScale × stored impact)
 * × coverage factor (≤ 1) × headline boost (≤ {@link headlineBoostBound}) — see `shard-searcher.ts`.
 * Each term's impact is at most the key's largest impact in the shard (rounded up by the artifact, or
 * the shard's largest unlisted impact for a key the artifact does not list), and a document gets each
 * term at most once, so the sum of those maxima times the largest boost bounds every score in the
 * shard. The bound is then widened by a relative {@link FLOAT_SLACK} for floating-point summation order.
 *
 * A shard holds no match when a required key is listed and absent there, or when fewer word clauses
 * than `minShouldMatch` have a term that may be present (listed and present, or unlisted), or when
 * nothing of the plan may be present.
 * @module
 */
import type { ScoreBounds } from '../index-format/score-bounds.js';
import { headlineBoostBound } from '../scoring/headline-match.js';
import type { QueryPlan } from './query-plan.js';

/** Relative widening of every bound (the shards add the same terms in another order). */
export const FLOAT_SLACK = 1e-6;

/** Per shard: the bound of its best score and whether it can hold a match. */
export interface ShardBounds {
  /** Upper bound of any score in shard `s` (0 when it cannot hold a match). */
  bound: Float64Array;
  /** 1 when shard `s` may hold a match of the plan (filters aside). */
  mayMatch: Uint8Array;
}

/** The largest headline boost a shard can apply to a plan's scores (1 when it computes none). */
export function planBoostBound(plan: QueryPlan): number {
  const n = plan.syllables.length;
  const headline = plan.terms.length > 0 && (n >= 2 || (plan.coverage !== undefined && n >= 1));
  return headline ? headlineBoostBound(n, plan.coverage !== undefined) : 1;
}

/** Bounds and possible matches of every shard for a plan. */
export function shardBounds(plan: QueryPlan, bounds: ScoreBounds, impactScale: number): ShardBounds {
  const S = bounds.shards;
  const bound = new Float64Array(S);
  const mayMatch = new Uint8Array(S);
  const browse = plan.terms.length === 0 && plan.required.length === 0;
  if (browse) { mayMatch.fill(1); return { bound, mayMatch }; }

  // Required keys: every one may be present.
  const requiredOk = new Uint8Array(S).fill(1);
  for (const key of new Set(plan.required)) {
    const b = bounds.key(key);
    if (!b) continue; // unlisted: may be anywhere
    const here = new Uint8Array(S);
    for (let i = 0; i < b.shards.length; i++) here[b.shards[i]] = 1;
    for (let s = 0; s < S; s++) requiredOk[s] &= here[s];
  }

  // Terms: score maxima, and which word clauses may be matched where.
  const clausesPresent = new Map<number, Uint8Array>();
  const anyTerm = new Uint8Array(S);
  const sum = new Float64Array(S);
  for (const t of plan.terms) {
    const w = Math.max(0, t.weight);
    const b = bounds.key(t.key);
    const present = new Uint8Array(S);
    if (b) {
      for (let i = 0; i < b.shards.length; i++) { present[b.shards[i]] = 1; sum[b.shards[i]] += w * b.impacts[i]; }
    } else {
      present.fill(1);
      for (let s = 0; s < S; s++) sum[s] += w * bounds.unlistedMax[s];
    }
    for (let s = 0; s < S; s++) anyTerm[s] |= present[s];
    if (t.clause >= 0 && t.clause < plan.clauseCount) {
      const c = clausesPresent.get(t.clause);
      if (!c) clausesPresent.set(t.clause, present);
      else for (let s = 0; s < S; s++) c[s] |= present[s];
    }
  }
  const msm = Math.max(0, plan.minShouldMatch);
  const scale = impactScale * planBoostBound(plan) * (1 + FLOAT_SLACK);
  const hasRequired = plan.required.length > 0;
  for (let s = 0; s < S; s++) {
    if (!requiredOk[s] || (!hasRequired && !anyTerm[s])) continue;
    let clauses = 0;
    for (const c of clausesPresent.values()) clauses += c[s];
    if (clauses < msm) continue;
    mayMatch[s] = 1;
    bound[s] = sum[s] * scale;
  }
  return { bound, mayMatch };
}
