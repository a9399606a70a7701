import { describe, expect, it } from 'vitest';
import { HEADLINE_WEIGHTS, HeadlineQuery, headlineBoost, maxHeadlineBoost } from './headline-match.js';

// Term numbers stand for folded syllables: 1 ha, 2 noi, 3 lay, 4 y, 5 kien, 6 tam, 7 dung, 8 taxi, 9 truyen, 10 thong, 11 to.
const match = (query: number[], headline: number[]) => new HeadlineQuery(query).match(Uint32Array.from(headline), 0, headline.length);

describe('HeadlineQuery.match', () => {
  it('finds a headline that starts with the whole query', () => {
    expect(match([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7])).toEqual({ longestRun: 5, startRun: 5 });
  });

  it('measures the longest unbroken run when the words are split up', () => {
    // "Hà Nội tạm dừng lấy ý kiến" for "ha noi lay y kien": runs "ha noi" and "lay y kien".
    expect(match([1, 2, 3, 4, 5], [1, 2, 6, 7, 3, 4, 5])).toEqual({ longestRun: 3, startRun: 2 });
  });

  it('handles a syllable that occurs twice in the query', () => {
    // "Taxi truyền thống tố taxi công nghệ" for "taxi truyen thong to taxi".
    expect(match([8, 9, 10, 11, 8], [8, 9, 10, 11, 8, 6, 7])).toEqual({ longestRun: 5, startRun: 5 });
    // The repeated word alone must not extend a run: "taxi taxi".
    expect(match([8, 9, 10, 11, 8], [8, 8, 6])).toEqual({ longestRun: 1, startRun: 1 });
  });

  it('finds a run in the middle of the headline but no start run', () => {
    expect(match([3, 4, 5], [6, 7, 3, 4, 5])).toEqual({ longestRun: 3, startRun: 0 });
  });

  it('ignores unknown query syllables (−1) and matches nothing when the headline is empty', () => {
    expect(match([-1, 2, 3], [1, 2, 3])).toEqual({ longestRun: 2, startRun: 0 });
    expect(match([1, 2], [])).toEqual({ longestRun: 0, startRun: 0 });
    expect(new HeadlineQuery([-1, -1]).empty).toBe(true);
  });

  it('bounds the work for a query that repeats one syllable many times', () => {
    const q = new HeadlineQuery(new Array(64).fill(1));
    // Only the first 8 positions are tracked: a run can still be found, up to 8 long.
    expect(q.match(Uint32Array.from(new Array(20).fill(1)), 0, 20).longestRun).toBe(8);
  });

  it('gives the same answer when reused across headlines (scratch state is reset)', () => {
    const q = new HeadlineQuery([1, 2, 3]);
    const all = Uint32Array.from([1, 2, 3, /* second headline */ 3, 1, 2, /* third */ 2, 3]);
    expect(q.match(all, 0, 3)).toEqual({ longestRun: 3, startRun: 3 });
    expect(q.match(all, 3, 6)).toEqual({ longestRun: 2, startRun: 0 });
    expect(q.match(all, 6, 8)).toEqual({ longestRun: 2, startRun: 0 });
    expect(q.match(all, 0, 3)).toEqual({ longestRun: 3, startRun: 3 });
  });
});

describe('headlineBoost', () => {
  it('is neutral for one-syllable queries and for headlines without a shared pair', () => {
    expect(headlineBoost({ longestRun: 1, startRun: 1 }, 1)).toBe(1);
    expect(headlineBoost({ longestRun: 1, startRun: 1 }, 5)).toBe(1);
  });

  it('reaches its maximum when the headline starts with the whole query', () => {
    expect(headlineBoost({ longestRun: 5, startRun: 5 }, 5)).toBeCloseTo(maxHeadlineBoost());
  });

  it('ranks a headline starting with the query above one containing it later, above a split match', () => {
    const atStart = headlineBoost({ longestRun: 5, startRun: 5 }, 5);
    const inside = headlineBoost({ longestRun: 5, startRun: 0 }, 5);
    const split = headlineBoost({ longestRun: 3, startRun: 2 }, 5);
    expect(atStart).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(split);
    expect(split).toBeCloseTo(1 + HEADLINE_WEIGHTS.run * 0.5 + HEADLINE_WEIGHTS.start * 0.25);
  });
});
