import { describe, expect, it } from 'vitest';
import { headlineSyllables, SOURCE_ANALYSIS, sourceTerms } from './source-terms.js';

describe('sourceTerms', () => {
  it('weights uses by field: headline above lead above body', () => {
    const terms = sourceTerms({ title: 'Metro Hà Nội', lead: 'Metro chạy thử', body: 'Tàu metro mới' });
    const metro = terms.find((t) => t.key === 'metro')!;
    expect(metro.tf).toBe(SOURCE_ANALYSIS.titleWeight + SOURCE_ANALYSIS.leadWeight + SOURCE_ANALYSIS.bodyWeight);
    expect(metro.uses).toBe(3);
    expect(metro.first).toBe(1);
    const pair = terms.find((t) => t.key === 'ha noi')!;
    expect(pair).toMatchObject({ pair: true, tf: SOURCE_ANALYSIS.titleWeight, exact: ['hà', 'nội'] });
  });

  it('folds diacritics and case, and reads kicker and headline apart (no pair spans them)', () => {
    const terms = sourceTerms({ kicker: 'Hà Nội', title: 'Đường sắt đô thị', body: '' });
    const keys = terms.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['ha', 'noi', 'duong', 'duong sat', 'sat do', 'do thi']));
    expect(keys).not.toContain('noi duong');
  });

  it('leaves numbers and dates out, and pairs that would include them', () => {
    const keys = sourceTerms({ title: 'Ngày 8/8/2024 có 224 chuyến tàu', body: '' }).map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['ngay', 'co', 'chuyen', 'tau', 'chuyen tau']));
    expect(keys.some((k) => /\d/.test(k))).toBe(false);
    expect(keys).not.toContain('ngay co');
  });

  it('reads a bounded part of a huge body', () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `từ${i}`).join(' ');
    const terms = sourceTerms({ title: 'Bài rất dài', body });
    expect(terms.length).toBeLessThan(SOURCE_ANALYSIS.maxBodyChars / 2);
  });
});

describe('headlineSyllables', () => {
  it('is every token of the headline, folded, in order', () => {
    expect(headlineSyllables({ title: 'Giá vàng ngày 8/8: tăng mạnh', body: 'x' })).toEqual(['gia', 'vang', 'ngay', '8/8', 'tang', 'manh']);
  });
});
