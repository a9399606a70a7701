/**
 * Collapsing copies of one story: related candidates that are near-duplicates of each other
 * (`shingles.ts`) become one entry shown by its newest copy, and candidates that are copies of the
 * source article itself are set aside (the reader is already reading that story).
 * @module
 */
import { NO_DATE } from '../../index-format/shard-postings.js';
import type { HitDocument } from '../hit-document.js';
import { isNearDuplicate } from './shingles.js';

/** A candidate with its score and date, as the shards ranked it. */
export interface ScoredCandidate {
  hit: HitDocument;
  shingles: Uint32Array;
  score: number;
  /** Stored date minutes, or `NO_DATE`. */
  date: number;
}

/** One story: the copy shown and the other copies collapsed into it. */
export interface Story {
  /** The newest copy (undated copies count as oldest; equal dates: the best-scoring). */
  shown: ScoredCandidate;
  /** Best score of any copy: the story ranks by it. */
  score: number;
  /** The other copies, best-scoring first. */
  copies: ScoredCandidate[];
}

/** Whether `a` is newer than `b` (undated is older than any date). */
const newer = (a: ScoredCandidate, b: ScoredCandidate) => a.date !== NO_DATE && (b.date === NO_DATE || a.date > b.date);

/**
 * Groups candidates (best first) into stories, in order of their best copy. A candidate joins the
 * first story holding a near-duplicate of it; one that duplicates the source goes to `sourceCopies`.
 * @param candidates ranked candidates, the source article itself already removed
 * @param source the source article's shingles
 */
export function collapseStories(candidates: readonly ScoredCandidate[], source: Uint32Array): { stories: Story[]; sourceCopies: ScoredCandidate[] } {
  const groups: ScoredCandidate[][] = [];
  const sourceCopies: ScoredCandidate[] = [];
  for (const c of candidates) {
    if (isNearDuplicate(c.shingles, source)) {
      sourceCopies.push(c);
      continue;
    }
    const group = groups.find((g) => g.some((m) => isNearDuplicate(m.shingles, c.shingles)));
    if (group) group.push(c);
    else groups.push([c]);
  }
  const stories = groups.map((g) => {
    const shown = g.reduce((best, c) => (newer(c, best) ? c : best));
    return { shown, score: g[0].score, copies: g.filter((c) => c !== shown) };
  });
  return { stories, sourceCopies };
}

/**
 * With a recency preference, stories whose scores are within this factor of each other are
 * "comparable": scores are grouped in bands (the best score down to 0.8 of it, then down to 0.64, …)
 * and within a band the newest story comes first.
 */
export const RECENT_BAND = 0.8;

/** Stories in display order: by score, or with `recent` newest first within each score band. */
export function orderStories(stories: readonly Story[], recent: boolean): Story[] {
  const byScore = [...stories].sort((a, b) => b.score - a.score);
  if (!recent || byScore.length < 2) return byScore;
  const top = byScore[0].score;
  const band = (s: Story) => (top <= 0 || s.score <= 0 ? Infinity : Math.floor(Math.log(top / s.score) / Math.log(1 / RECENT_BAND) + 1e-9));
  const date = (s: Story) => (s.shown.date === NO_DATE ? -Infinity : s.shown.date);
  return byScore
    .map((s, i) => ({ s, i, band: band(s), date: date(s) }))
    .sort((a, b) => a.band - b.band || b.date - a.date || a.i - b.i)
    .map((x) => x.s);
}
