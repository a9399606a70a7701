import { describe, expect, it } from 'vitest';
import { apportion, articleTimes, DEFAULT_TIMELINE } from './timeline.js';

describe('apportion', () => {
  it('splits a total exactly, proportionally', () => {
    expect(apportion([1, 1, 2], 8)).toEqual([2, 2, 4]);
    expect(apportion([1, 1, 1], 10).reduce((a, b) => a + b, 0)).toBe(10);
    expect(apportion([3, 1], 0)).toEqual([0, 0]);
  });
});

describe('articleTimes', () => {
  const times = articleTimes(20_000);

  it('gives count ascending minute timestamps inside the span', () => {
    expect(times).toHaveLength(20_000);
    expect([...times].sort()).toEqual(times);
    expect(times[0] >= DEFAULT_TIMELINE.from).toBe(true);
    expect(times[times.length - 1].slice(0, 10) <= DEFAULT_TIMELINE.to).toBe(true);
    for (const t of times.slice(0, 50)) expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('grows over the years and publishes less at weekends and at night', () => {
    const year = (y: number) => times.filter((t) => t.startsWith(String(y))).length;
    expect(year(2017) / year(2008)).toBeGreaterThan(2.5);
    const weekend = times.filter((t) => [0, 6].includes(new Date(`${t}Z`).getUTCDay())).length;
    expect(weekend / times.length).toBeLessThan(2 / 7);
    const night = times.filter((t) => Number(t.slice(11, 13)) < 5).length;
    expect(night / times.length).toBeLessThan(0.03);
  });

  it('is deterministic', () => {
    expect(articleTimes(500)).toEqual(articleTimes(500));
    expect(articleTimes(500, { ...DEFAULT_TIMELINE, seed: 1 })).not.toEqual(articleTimes(500));
  });
});
