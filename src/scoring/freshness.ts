/**
 * Freshness: relevance that prefers recent news. With a half-life h, a match's score is multiplied
 * by 2^(−age / h), its age counted from a reference time (see {@link freshnessReference}): an
 * article one half-life old needs twice the relevance of one published today to rank beside it.
 * This is Elasticsearch's `exp` decay in `function_score` with `boost_mode: multiply`.
 *
 * The factor of two articles' scores depends only on their dates, never on the reference, so the
 * order of results does not move as time passes, and an archive whose newest article is years old
 * ranks exactly as it did when that article was new; only the scores shown shrink. Past
 * {@link MAX_HALF_LIVES} half-lives the factor stops falling (so that scores stay normal
 * floating-point numbers): among articles that old, relevance alone orders them. Undated articles get
 * that smallest factor (they rank as the oldest). Articles dated after the reference get 1.
 *
 * Because the factor falls with age, a shard's scores are at most its score bound × the factor of its
 * newest article ({@link shardFreshnessBound}): shards cut in date order get bounds that fall with
 * their age, and a freshness search skips the old shards that cannot reach the page.
 * @module
 */
import { NO_DATE } from '../index-format/shard-postings.js';
import { MINUTES_PER_DAY } from './half-life.js';

/** What a search with freshness multiplies scores by: a half-life and the time ages are counted from. */
export interface Freshness {
  /** Minutes after which the factor halves (> 0). */
  halfLifeMinutes: number;
  /** Ages are counted back from this time, in stored minutes (`index-format/dates.ts`). */
  referenceMinutes: number;
}

/**
 * Half-lives after which the factor stops falling: 2⁻¹⁰⁰⁰ ≈ 9.3 × 10⁻³⁰², a normal double (they reach
 * down to 2⁻¹⁰²²), so a score times it keeps its precision. That is 82 years at a 30-day half-life,
 * 2.7 years at one day: the reference being today, a cap of a few dozen half-lives would flatten an
 * archive whose articles all lie further back (the 350k benchmark archive ends in 2018).
 */
export const MAX_HALF_LIVES = 1000;

/** The smallest factor (2⁻¹⁰⁰⁰): articles older than {@link MAX_HALF_LIVES} half-lives, and undated ones. */
export const MIN_FRESHNESS_FACTOR = 2 ** -MAX_HALF_LIVES;

/** The factor a match dated `date` (stored minutes, or `NO_DATE`) is multiplied by. */
export function freshnessFactor(date: number, f: Freshness): number {
  if (date === NO_DATE) return MIN_FRESHNESS_FACTOR;
  const halfLives = (f.referenceMinutes - date) / f.halfLifeMinutes;
  if (halfLives <= 0) return 1;
  return halfLives >= MAX_HALF_LIVES ? MIN_FRESHNESS_FACTOR : 2 ** -halfLives;
}

/**
 * The largest factor any article of a shard can get: that of its newest dated article, or the
 * smallest factor when it holds only undated ones.
 * @param dates the shard's date range (absent when no article of it is dated)
 */
export function shardFreshnessBound(dates: { min: number; max: number } | undefined, f: Freshness): number {
  return dates ? freshnessFactor(dates.max, f) : MIN_FRESHNESS_FACTOR;
}

/**
 * The reference time of a search at `nowMs` (Unix milliseconds): the start of the UTC day after
 * next, in stored minutes. Stored dates are the wall-clock time written in the article (Vietnam is
 * UTC+7), so a reference a day ahead leaves no article published by now "in the future"; being a
 * day boundary, it keeps scores, and so cached responses and ETags, the same all day.
 */
export function freshnessReference(nowMs: number): number {
  return (Math.floor(nowMs / 86_400_000) + 2) * MINUTES_PER_DAY;
}

/** The freshness of a search made at `nowMs` (Unix milliseconds) with a half-life in minutes. */
export function freshnessAt(halfLifeMinutes: number, nowMs: number): Freshness {
  return { halfLifeMinutes, referenceMinutes: freshnessReference(nowMs) };
}
