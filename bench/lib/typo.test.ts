import { describe, expect, it } from 'vitest';
import { mulberry32, sampleIndices } from './prng.js';
import { makeTypo } from './typo.js';
import { naiveFold, stripDiacritics } from './fold.js';

/** Levenshtein distance with adjacent transpositions (optimal string alignment), on code points. */
function osa(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

describe('makeTypo', () => {
  const title = 'Thủ tướng Nguyễn Xuân Phúc thăm chính thức Nhật Bản năm 2017';
  it('changes exactly one eligible word by one edit', () => {
    const rand = mulberry32(42);
    for (let i = 0; i < 200; i++) {
      const t = makeTypo(title, rand)!;
      expect(t).not.toBeNull();
      const before = title.split(' ');
      const after = t.text.split(' ');
      const changed = before.map((w, k) => (w === after[k] ? -1 : k)).filter((k) => k >= 0);
      expect(changed).toHaveLength(1);
      expect([...t.word].length).toBeGreaterThanOrEqual(5);
      expect(osa(t.word, t.typo)).toBe(1);
    }
  });
  it('skips words with digits and short words', () => {
    expect(makeTypo('Giá vàng 2017 tăng', mulberry32(1))).toBeNull();
    expect(makeTypo('U23Việt thua', mulberry32(1))).toBeNull();
  });
  it('is reproducible for a seed', () => {
    expect(makeTypo(title, mulberry32(7))).toEqual(makeTypo(title, mulberry32(7)));
  });
});

describe('prng / fold helpers', () => {
  it('samples distinct indices reproducibly', () => {
    const a = sampleIndices(mulberry32(20261127), 35440, 1000);
    expect(new Set(a).size).toBe(1000);
    expect(a.every((i) => i >= 0 && i < 35440)).toBe(true);
    expect(sampleIndices(mulberry32(20261127), 35440, 1000)).toEqual(a);
    expect(sampleIndices(mulberry32(1), 5, 10).sort()).toEqual([0, 1, 2, 3, 4]);
  });
  it('folds naively', () => {
    expect(stripDiacritics('Đường phố Hà Nội')).toBe('Duong pho Ha Noi');
    expect(naiveFold('Đảng')).toBe('dang');
    expect(naiveFold('THUẾ')).toBe('thue');
  });
});
