import { describe, expect, it } from 'vitest';
import { HEADLINE_WEIGHTS, HeadlineQuery, headlineBoost, headlineBoostBound, maxHeadlineBoost, type CoverageSpec } from './headline-match.js';

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

  it('reaches its maximum when the headline starts with the whole query (and so covers all of it)', () => {
    expect(headlineBoost({ longestRun: 5, startRun: 5 }, 5, 1)).toBeCloseTo(maxHeadlineBoost());
  });

  it('grows with the share of the query the headline covers, for one-syllable queries too', () => {
    expect(headlineBoost({ longestRun: 1, startRun: 1 }, 1, 1)).toBeGreaterThan(1);
    expect(headlineBoost({ longestRun: 1, startRun: 0 }, 3, 0.8)).toBeGreaterThan(headlineBoost({ longestRun: 1, startRun: 0 }, 3, 0.4));
    expect(headlineBoost({ longestRun: 1, startRun: 1 }, 1, 1)).toBeLessThanOrEqual(maxHeadlineBoost());
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

describe('HeadlineQuery.cover', () => {
  // Folded term numbers: 1 bao, 2 mien, 3 trung, 4 quoc, 5 nam; exact term numbers: 11 bão, 12 miền, 13 trung (as is), 14 quốc, 21 bao (as is).
  const head = (folded: number[], exact: number[]) => ({ f: Uint32Array.from(folded), e: Uint32Array.from(exact) });
  const query = (spec: Partial<CoverageSpec> = {}) => new HeadlineQuery([1, 2, 3], { exact: [-1, -1, -1], bound: [false, false, true], alternatives: [], ...spec });
  const cover = (q: HeadlineQuery, h: { f: Uint32Array; e: Uint32Array }) => q.cover(h.f, h.e, 0, h.f.length);

  it('counts the words the headline names: a bound pair (miền trung) only side by side', () => {
    // Query "bão | miền trung": two units.
    // "Bão đổ bộ miền Trung": both.
    expect(cover(query(), head([1, 9, 9, 2, 3], [11, 9, 9, 12, 13]))).toBe(1);
    expect(cover(query(), head([1, 2, 3], [11, 12, 13]))).toBe(1);
    // "Miền Bắc đón bão, Trung Quốc sơ tán": bão, but not the region.
    expect(cover(query(), head([2, 9, 9, 1, 3, 4], [12, 9, 9, 11, 13, 14]))).toBe(1 / 2);
    expect(cover(query(), head([], []))).toBe(0);
  });

  it('counts every syllable on its own when none is bound', () => {
    const q = query({ bound: [false, false, false] });
    expect(cover(q, head([2, 9, 9, 1, 3, 4], [12, 9, 9, 11, 13, 14]))).toBe(1);
    expect(cover(q, head([1, 9], [11, 9]))).toBeCloseTo(1 / 3);
  });

  it('compares a syllable with an exact form by that form only', () => {
    const q = query({ exact: [11, -1, -1] }); // bão typed with diacritics
    expect(cover(q, head([1, 2, 3], [21, 12, 13]))).toBe(1 / 2); // "Bao miền Trung": bao is not bão
  });

  it('covers a whole span by an alternative (an abbreviation or synonym)', () => {
    // Query "mien trung" (2, 3) with the alternative 7 ("MT") in the headline.
    const q = new HeadlineQuery([2, 3], { exact: [-1, -1], bound: [false, true], alternatives: [{ start: 0, end: 2, terms: [7] }] });
    expect(q.cover(Uint32Array.of(9, 7), Uint32Array.of(9, 7), 0, 2)).toBe(1);
    expect(q.cover(Uint32Array.of(9, 8), Uint32Array.of(9, 8), 0, 2)).toBe(0);
  });

  it('is 0 without a coverage spec', () => {
    expect(new HeadlineQuery([1]).cover(Uint32Array.of(1), Uint32Array.of(11), 0, 1)).toBe(0);
  });
});

describe('HeadlineQuery.boost', () => {
  // Definitions written plainly, to check the one-pass scan against.
  const longestCommonRun = (q: number[], h: number[]) => {
    let best = 0;
    for (let i = 0; i < h.length; i++) for (let j = 0; j < q.length; j++) {
      let k = 0;
      while (i + k < h.length && j + k < q.length && q[j + k] >= 0 && h[i + k] === q[j + k]) k++;
      best = Math.max(best, k);
    }
    return best;
  };
  const startRun = (q: number[], h: number[]) => { let k = 0; while (k < q.length && k < h.length && h[k] === q[k]) k++; return k; };
  const coverOf = (q: number[], spec: CoverageSpec, h: number[], e: number[]) => {
    const ok = (j: number, i: number) => q[j] >= 0 && h[i] === q[j] && (spec.exact[j] === -1 || e[i] === spec.exact[j]);
    const covered = q.map((_, j) => h.some((_, i) => ok(j, i)));
    const pair = q.map((_, j) => j > 0 && h.some((_, i) => i > 0 && ok(j, i) && ok(j - 1, i - 1)));
    let units = 0;
    let got = 0;
    for (let j = 0; j < q.length; j++) {
      if (j > 0 && spec.bound[j]) { units++; got += pair[j] ? 1 : 0; } else if (!spec.bound[j + 1]) { units++; got += covered[j] ? 1 : 0; }
    }
    return got / units;
  };

  it('equals headlineBoost of the plain definitions on random headlines, repeats and colliding term numbers included', () => {
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const vocabulary = [1, 2, 3, 4097, 8193, 5]; // 1, 4097 and 8193 share the scan's filter slot
    for (let round = 0; round < 3000; round++) {
      const q = Array.from({ length: 1 + rand(6) }, () => (rand(10) === 0 ? -1 : vocabulary[rand(vocabulary.length)]));
      const spec: CoverageSpec = {
        exact: q.map(() => (rand(3) === 0 ? 100 + rand(2) : -1)),
        bound: q.map((_, j) => j > 0 && rand(3) === 0),
        alternatives: [],
      };
      const h = Array.from({ length: rand(9) }, () => vocabulary[rand(vocabulary.length)]);
      const e = h.map(() => 100 + rand(2));
      const hq = new HeadlineQuery(q, spec);
      const want = headlineBoost({ longestRun: longestCommonRun(q, h), startRun: startRun(q, h) }, q.length, coverOf(q, spec, h, e));
      // Embedded in a longer array, as a shard's headlines are.
      const pad = rand(2);
      const all = Uint32Array.from([...(pad ? [9] : []), ...h, 9]);
      const exact = Uint32Array.from([...(pad ? [9] : []), ...e, 9]);
      expect(hq.boost(all, exact, pad, pad + h.length)).toBeCloseTo(want, 12);
      expect(want).toBeLessThanOrEqual(headlineBoostBound(q.length, true)); // what a shard scans headlines against
      expect(hq.cover(all, exact, pad, pad + h.length)).toBeCloseTo(coverOf(q, spec, h, e), 12);
    }
  });

  it('covers a pair of the same syllable twice over (`của của`)', () => {
    const q = new HeadlineQuery([1, 1], { exact: [-1, -1], bound: [false, true], alternatives: [] });
    expect(q.cover(Uint32Array.of(1, 1), Uint32Array.of(11, 11), 0, 2)).toBe(1);
    expect(q.cover(Uint32Array.of(1, 2, 1), Uint32Array.of(11, 12, 11), 0, 3)).toBe(0);
  });
});

describe('HeadlineQuery.mayRaise', () => {
  it('is false only for headlines whose boost is exactly 1 (random check)', () => {
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(rnd() * n);
    let raised = 0;
    let plain = 0;
    for (let round = 0; round < 2000; round++) {
      const len = 1 + pick(6);
      const terms = Array.from({ length: len }, () => (rnd() < 0.1 ? -1 : pick(40)));
      const spec: CoverageSpec = {
        exact: terms.map(() => (rnd() < 0.3 ? pick(40) : -1)),
        bound: terms.map((_, j) => j > 0 && rnd() < 0.3),
        alternatives: rnd() < 0.5 ? [{ start: 0, end: Math.min(2, len), terms: [40 + pick(5), 45 + pick(5)] }] : [],
      };
      const q = new HeadlineQuery(terms, rnd() < 0.7 ? spec : undefined);
      // Headline syllables from a wider range (most not in the query), with exact forms beside them.
      const headline = Uint32Array.from({ length: pick(12) }, () => pick(400) % (rnd() < 0.5 ? 50 : 4000));
      const exact = Uint32Array.from(headline, (t) => (rnd() < 0.5 ? t : pick(40)));
      const boost = q.boost(headline, exact, 0, headline.length);
      if (q.mayRaise(headline, 0, headline.length)) raised++;
      else {
        plain++;
        expect(boost, JSON.stringify({ terms, headline: [...headline] })).toBe(1);
      }
    }
    expect(raised).toBeGreaterThan(100);
    expect(plain).toBeGreaterThan(100);
  });
});
