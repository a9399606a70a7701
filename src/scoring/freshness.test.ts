import { describe, expect, it } from 'vitest';
import { NO_DATE } from '../index-format/shard-postings.js';
import { isoToMinutes } from '../index-format/dates.js';
import { freshnessAt, freshnessFactor, freshnessReference, MAX_HALF_LIVES, MIN_FRESHNESS_FACTOR, shardFreshnessBound, type Freshness } from './freshness.js';

const DAY = 24 * 60;
const ref = isoToMinutes('2026-12-07')!;
const f30: Freshness = { halfLifeMinutes: 30 * DAY, referenceMinutes: ref };

describe('freshnessFactor', () => {
  it('halves with every half-life of age', () => {
    expect(freshnessFactor(ref, f30)).toBe(1);
    expect(freshnessFactor(ref - 30 * DAY, f30)).toBeCloseTo(0.5, 12);
    expect(freshnessFactor(ref - 90 * DAY, f30)).toBeCloseTo(0.125, 12);
  });

  it('orders two articles the same way whatever the reference (the ratio depends on their dates only)', () => {
    // Years later (an archive that stopped in 2018, asked in 2026): the same ratio, not flattened by the cap.
    const years: Freshness = { ...f30, referenceMinutes: ref + 8 * 365 * DAY };
    expect(freshnessFactor(ref - 30 * DAY, years) / freshnessFactor(ref, years)).toBeCloseTo(0.5, 9);
    const a = ref - 10 * DAY, b = ref - 55 * DAY;
    const later: Freshness = { ...f30, referenceMinutes: ref + 400 * DAY };
    expect(freshnessFactor(a, later) / freshnessFactor(b, later)).toBeCloseTo(freshnessFactor(a, f30) / freshnessFactor(b, f30), 9);
  });

  it('is 1 after the reference, and stops falling at the oldest ages and for undated articles', () => {
    expect(freshnessFactor(ref + 5 * DAY, f30)).toBe(1);
    expect(freshnessFactor(ref - MAX_HALF_LIVES * 30 * DAY, f30)).toBe(MIN_FRESHNESS_FACTOR);
    expect(freshnessFactor(ref - 100 * 365 * DAY, f30)).toBe(MIN_FRESHNESS_FACTOR);
    // The smallest factor is still a normal double: a score times it keeps its precision.
    expect(MIN_FRESHNESS_FACTOR).toBeGreaterThan(2 ** -1022);
    expect((123.456 * MIN_FRESHNESS_FACTOR) / MIN_FRESHNESS_FACTOR).toBe(123.456);
    expect(freshnessFactor(NO_DATE, f30)).toBe(MIN_FRESHNESS_FACTOR);
    expect(MIN_FRESHNESS_FACTOR).toBeGreaterThan(0);
  });

  it('never rises with age', () => {
    let last = Infinity;
    for (let age = -DAY; age < 5000 * DAY; age += 7 * DAY) {
      const x = freshnessFactor(ref - age, f30);
      expect(x).toBeLessThanOrEqual(last);
      last = x;
    }
  });
});

describe('shardFreshnessBound', () => {
  it("is the factor of the shard's newest article, or the smallest for a shard of undated articles", () => {
    expect(shardFreshnessBound({ min: ref - 400 * DAY, max: ref - 60 * DAY }, f30)).toBe(freshnessFactor(ref - 60 * DAY, f30));
    expect(shardFreshnessBound(undefined, f30)).toBe(MIN_FRESHNESS_FACTOR);
  });
});

describe('freshnessReference', () => {
  it('is the start of the UTC day after next, the same all day', () => {
    const morning = Date.UTC(2026, 11, 5, 0, 1);
    const night = Date.UTC(2026, 11, 5, 23, 59);
    expect(freshnessReference(morning)).toBe(isoToMinutes('2026-12-07'));
    expect(freshnessReference(night)).toBe(freshnessReference(morning));
    // An article written at 06:30 Vietnam time on the 6th, while it is still the 5th in UTC, is not after it.
    expect(freshnessReference(night)).toBeGreaterThan(isoToMinutes('2026-12-06T06:30')!);
  });
});

describe('freshnessAt', () => {
  it('pairs a half-life with the reference of the moment asked', () => {
    const now = Date.parse('2026-12-05T13:00:00Z');
    expect(freshnessAt(30 * DAY, now)).toEqual({ halfLifeMinutes: 30 * DAY, referenceMinutes: freshnessReference(now) });
  });
});
