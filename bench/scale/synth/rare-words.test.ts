import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../lib/prng.js';
import { forEachWord, looksForeign, replaceRareWords, WordModel } from './rare-words.js';

describe('looksForeign', () => {
  it('tells foreign-looking words from Vietnamese syllables', () => {
    for (const w of ['iPhone', 'Facebook', 'U23', 'S8', 'Vietlott', 'zalo']) expect(looksForeign(w), w).toBe(true);
    for (const w of ['Nguyễn', 'nghiêng', 'UBND', 'THPT', 'đường', '2017', 'Hà']) expect(looksForeign(w), w).toBe(false);
  });
});

describe('forEachWord', () => {
  it('yields runs of letters and digits', () => {
    const words: string[] = [];
    forEachWord('Giá vàng (SJC) tăng 2,5%!', (w) => words.push(w));
    expect(words).toEqual(['Giá', 'vàng', 'SJC', 'tăng', '2', '5']);
  });
});

describe('replaceRareWords', () => {
  const model = new WordModel(['facebook', 'vietlott', 'samsung', 'galaxy', 'youtube', 'instagram']);
  const opts = { isRare: (w: string) => w !== 'Facebook', model, yearShift: -5 };

  it('replaces rare foreign words consistently, keeps common ones, moves years', () => {
    const { texts: [out], replaced } = replaceRareWords(['Vietlott và Facebook năm 2017: Vietlott trúng 123456 đồng, 1000 vé'], mulberry32(2), opts);
    expect(out).toContain('Facebook');
    expect(out).toContain('năm 2012');
    expect(out).toContain('1000 vé');
    expect(out).not.toContain('Vietlott');
    expect(out).not.toContain('123456');
    const first = /^(\S+) và/u.exec(out)![1];
    expect(out.split(first).length - 1).toBe(2);
    expect(first[0]).toBe(first[0].toUpperCase());
    expect(replaced).toBe(2);
  });

  it('draws new words of about the same length, never a training word', () => {
    const rand = mulberry32(5);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const w = model.draw(rand, 7);
      expect(w).toMatch(/^[a-z]+$/);
      expect(w.length).toBeGreaterThanOrEqual(2);
      expect(w.length).toBeLessThanOrEqual(9);
      expect(['facebook', 'vietlott', 'samsung', 'galaxy', 'youtube', 'instagram']).not.toContain(w);
      seen.add(w);
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});
