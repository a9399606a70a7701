import { describe, expect, it } from 'vitest';
import { queryMix, SHORT_SHARE } from './query-mix.js';

describe('queryMix', () => {
  const articles = ['Hà Nội công bố điểm chuẩn vào lớp 10', 'Giá vàng tăng mạnh trong phiên sáng nay', 'Đội tuyển Việt Nam thắng đậm', '"Siêu bão" đổ bộ miền Trung', 'Giá vàng tăng mạnh trong phiên sáng nay']
    .map((title, i) => ({ id: `a${i}`, title }));
  const mix = queryMix(articles, 2000, 7);

  it('is deterministic for a seed', () => {
    expect(queryMix(articles, 2000, 7)).toEqual(mix);
    expect(queryMix(articles, 2000, 8)).not.toEqual(mix);
  });

  it('has 70% short queries of 1–4 syllables, half of them unaccented, and whole headlines with their articles', () => {
    const short = mix.filter((m) => m.kind !== 'headline');
    expect(short.length).toBe(Math.round(2000 * SHORT_SHARE));
    for (const m of short) expect(m.q.split(' ').length).toBeLessThanOrEqual(4);
    const unaccented = short.filter((m) => m.kind === 'short-unaccented');
    expect(unaccented.length).toBe(short.length / 2);
    for (const m of unaccented) expect(m.q).toMatch(/^[\x20-\x7e]+$/);
    for (const m of mix.filter((x) => x.kind === 'headline')) {
      expect(articles.map((a) => a.title)).toContain(m.q);
      expect(m.relevant).toEqual(articles.filter((a) => a.title === m.q).map((a) => a.id));
    }
    expect(mix.find((m) => m.q === 'Giá vàng tăng mạnh trong phiên sáng nay')?.relevant).toEqual(['a1', 'a4']);
  });
});
