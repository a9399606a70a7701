/**
 * Shard-level MaxScore: for a plan, an upper bound of the best score each shard can give and whether
 * it can hold a match at all, from the front's score-bounds artifact (`index-format/score-bounds.ts`).
 *
 * A shard scores a document as (Σ over the plan's terms of weight × impactScale × stored impact)
 * × coverage factor (≤ 1) × headline boost (≤ {@link headlineBoostBound}) — see `shard-searcher.ts`.
 * Each term's impact is at most the key's largest impact in the shard (exactly, from the artifact, or
 * the shard's largest unlisted impact for a key the artifact does not list), and a document gets each
 * term at most once, so the sum of those maxima times the largest boost bounds every score in the
 * shard. The bound is then widened by a relative {@link FLOAT_SLACK} for floating-point summation order.
 *
 * A shard holds no match when a required key is listed and absent there, or when fewer word clauses
 * than `minShouldMatch` have a term that may be present (listed and present, or unlisted), or when
 * nothing of the plan may be present.
 *
 * With freshness, {@link applyFreshness} scales the bounds by each shard's newest article's factor.
 * @module
 */
import type { Lexicon } from '../index-format/lexicon.js';
import { NOWHERE, type KeyBounds, type ScoreBounds } from '../index-format/score-bounds.js';
import { foldedSyllablesOfKey } from '../index-format/term-keys.js';
import { headlineBoostBound } from '../scoring/headline-match.js';
import { shardFreshnessBound, type Freshness } from '../scoring/freshness.js';
import type { ShardEntry } from '../index-format/manifest.js';
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

/** Shards in both ascending lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return out;
}

/**
 * A plan key's bounds: as the artifact lists it, or — for a key about a syllable of the lexicon's
 * tail, which the artifact never lists — the shards the tail names for that syllable (with each
 * shard's unlisted maximum, where the build put the key's impacts). Null: may be in any shard.
 * @param lexicon the request's view of the lexicon (knows the tail syllables the query uses)
 */
export function keyBounds(key: string, bounds: ScoreBounds, lexicon?: Lexicon): KeyBounds | null {
  const b = bounds.key(key);
  if ((b && b.shards.length > 0) || !lexicon?.hasTail) return b;
  let shards: ArrayLike<number> | null = null;
  for (const f of foldedSyllablesOfKey(key)) {
    if (lexicon.folded.indexOf(f) >= 0) continue; // the lexicon's own: the artifact decides
    const e = lexicon.tailEntry(f);
    if (e === undefined) return null; // not looked up: may be anywhere
    if (e === null) return NOWHERE; // in neither the lexicon nor its tail: in no shard
    shards = shards ? intersect(shards, e.shards) : e.shards;
  }
  if (!shards) return b;
  return { shards, impacts: Array.from(shards, (s) => bounds.unlistedMax[s]) };
}

/**
 * Bounds and possible matches of every shard for a plan.
 * @param lexicon the request's view of the lexicon, for keys about the lexicon's tail (see {@link keyBounds})
 */
export function shardBounds(plan: QueryPlan, bounds: ScoreBounds, impactScale: number, lexicon?: Lexicon): ShardBounds {
  const S = bounds.shards;
  const bound = new Float64Array(S);
  const mayMatch = new Uint8Array(S);
  const browse = plan.terms.length === 0 && plan.required.length === 0;
  if (browse) { mayMatch.fill(1); return { bound, mayMatch }; }

  // Required keys: every one may be present.
  const requiredOk = new Uint8Array(S).fill(1);
  for (const key of new Set(plan.required)) {
    const b = keyBounds(key, bounds, lexicon);
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
    const b = keyBounds(t.key, bounds, lexicon);
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

/**
 * Scales a plan's shard bounds for a search with freshness (`scoring/freshness.ts`): a shard scores a
 * match × its factor, at most the factor of the shard's newest article; a plan without scored terms
 * (browsing, required keys alone) scores each match 1 × its factor (`shard-searcher.ts`).
 * @param shards the manifest's shard entries (their date ranges), by shard number
 */
export function applyFreshness(b: ShardBounds, plan: QueryPlan, shards: readonly ShardEntry[], f: Freshness): void {
  const unscored = plan.terms.length === 0;
  for (let s = 0; s < b.bound.length; s++) b.bound[s] = (unscored ? 1 : b.bound[s]) * shardFreshnessBound(shards[s].dates, f);
}
