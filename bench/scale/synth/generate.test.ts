import { describe, expect, it } from 'vitest';
import type { BaomoiArticle } from '../../lib/baomoi.js';
import { findNames } from './names.js';
import { generateCorpus } from './generate.js';

/** A small made-up source corpus in baomoi's shape (the shared corpus is not needed here). */
function sources(n: number): BaomoiArticle[] {
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
  const givens = ['Hùng', 'Lan', 'Thọ', 'Chính', 'Nam', 'Bình', 'Hoa', 'Dũng', 'Mai', 'Sơn', 'Tâm', 'Vinh'];
  const people = families.flatMap((f) => givens.map((g) => `${f} Văn ${g}`)); // 60 people, few articles each
  return Array.from({ length: n }, (_, i) => ({
    id: String(21_000_000 + i * 7),
    title: `Ông ${people[i % people.length]} nhận giải thưởng Vietlott số ${1000 + i}`,
    lead: `Sáng 6/2/2017, ông ${people[(i + 1) % people.length]} cho biết.`,
    body: Array.from({ length: 1 + (i % 4) }, (_, p) => `Đoạn ${p}: Samsung Galaxy S${i % 9} được bán với giá ${12345 + i} đồng tại Hà Nội.`).join('\n'),
  }));
}

describe('generateCorpus', () => {
  const src = sources(200);

  it('is deterministic and chronological, with ids ascending', () => {
    const a = [...generateCorpus(src, { count: 600 })];
    const b = [...generateCorpus(src, { count: 600 })];
    expect(a).toEqual(b);
    expect(a).toHaveLength(600);
    expect(a.map((x) => x.date)).toEqual([...a.map((x) => x.date)].sort());
    expect(a.map((x) => x.id)).toEqual([...a.map((x) => x.id)].sort());
    expect(new Set(a.map((x) => x.id)).size).toBe(600);
  });

  it('keeps names and rare words growing with the archive instead of repeating the source', () => {
    const names = (count: number) => {
      const set = new Set<string>();
      for (const a of generateCorpus(src, { count })) for (const n of findNames(`${a.title}\n${a.lead}`).full) set.add(n);
      return set.size;
    };
    const small = names(200);
    const large = names(1000);
    expect(small).toBeGreaterThan(60); // the source has 60 people
    expect(large).toBeGreaterThan(small * 3);
  });

  it('moves years in the text to the article year and varies lengths', () => {
    const out = [...generateCorpus(src, { count: 400 })];
    for (const a of out.slice(0, 40)) expect(a.lead).toContain(`/${a.date.slice(0, 4)},`);
    const lengths = new Set(out.map((a) => a.body.split('\n').length));
    expect(lengths.size).toBeGreaterThanOrEqual(4);
  });
});
