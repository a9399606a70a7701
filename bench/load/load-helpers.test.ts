import { describe, expect, it } from 'vitest';
import { descendants, slope, workerdRssMb } from './proc-memory.js';
import { queryMix, SHORT_SHARE } from './queries.js';

describe('slope', () => {
  it('is the least-squares slope, 0 for flat or single samples', () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 7 }, { x: 5, y: 7 }])).toBe(0);
    expect(slope([{ x: 0, y: 7 }])).toBe(0);
  });
});

describe('process memory', () => {
  it('finds no workerd under a process without children, and lists descendants of init', () => {
    expect(workerdRssMb(process.pid).mb).toBe(0);
    expect(descendants(1).some((p) => p.pid === process.pid)).toBe(true);
  });
});

describe('queryMix', () => {
  const titles = ['Hà Nội công bố điểm chuẩn vào lớp 10', 'Giá vàng tăng mạnh trong phiên sáng nay', 'Đội tuyển Việt Nam thắng đậm', '"Siêu bão" đổ bộ miền Trung'];
  const mix = queryMix(titles, 2000, 7);

  it('is deterministic for a seed', () => {
    expect(queryMix(titles, 50, 7)).toEqual(mix.slice(0, 50));
  });

  it('has about 70% short queries of 1–4 words, half of them unaccented, and whole headlines', () => {
    const short = mix.filter((m) => m.kind !== 'headline');
    expect(short.length / mix.length).toBeGreaterThan(SHORT_SHARE - 0.05);
    expect(short.length / mix.length).toBeLessThan(SHORT_SHARE + 0.05);
    for (const m of short) expect(m.q.split(' ').length).toBeLessThanOrEqual(4);
    const unaccented = short.filter((m) => m.kind === 'short-unaccented');
    expect(Math.abs(unaccented.length / short.length - 0.5)).toBeLessThan(0.1);
    for (const m of unaccented) expect(m.q).toMatch(/^[\x20-\x7e]+$/);
    for (const m of mix.filter((x) => x.kind === 'headline')) expect(titles).toContain(m.q);
  });
});
