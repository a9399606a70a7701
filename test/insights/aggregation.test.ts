import { beforeEach, describe, expect, it } from 'vitest';
import { reportWhen, searchOk, sendClick, freshInsights } from './support.js';

beforeEach(freshInsights);

describe('aggregation', () => {
  it('counts zero results, relaxed and restored searches, filters and browses as the API answered them', async () => {
    const answers = [
      await searchOk('xyzzy khongtontai'),
      await searchOk('xyzzy khongtontai'),
      await searchOk('Phố sách "Hà Nộii hút"'),
      await searchOk('ha noi'),
      await searchOk('hà nội', { from: '2000-01-01' }),
      await searchOk('', { category: 'thoi-su' }),
    ];
    expect(answers[0].total).toBe(0);
    expect(answers[2].relaxed).toBe(true);
    expect(answers[3].interpreted_as).toBe('hà nội');
    const zero = answers.filter((a) => a.total === 0).length;
    const relaxed = answers.filter((a) => a.relaxed).length;
    const r = await reportWhen((x) => x.totals.searches === 6);
    expect(r.totals).toMatchObject({ zero_results: zero, relaxed, restored: 1, browse: 1, with_date: 1, with_category: 1 });
    expect(r.totals.zero_result_share).toBeCloseTo(zero / 6, 3);
    expect(r.totals.relaxed_share).toBeCloseTo(relaxed / 5, 3); // browses are left out of the relaxed and restored shares
    expect(r.totals.restored_share).toBeCloseTo(1 / 5, 3);
    expect(r.zero_result_queries[0]).toMatchObject({ query: 'xyzzy khongtontai', zero_results: 2, searches: 2 });
    expect(r.top_queries.map((q) => q.query)).toEqual(['ha noi', 'xyzzy khongtontai', 'pho sach "ha noii hut"']);
    expect(r.top_queries[0].searches).toBe(2);
  });

  it('adds widget clicks to the query searched, with the mean rank, and lists queries nobody clicks', async () => {
    for (let i = 0; i < 3; i++) await searchOk('gia vang', { i: String(i) });
    await searchOk('bong da');
    await searchOk('bong da', { i: '1' });
    expect((await sendClick({ type: 'click', q: 'Giá vàng', rank: 1 }, { 'CF-Connecting-IP': '198.51.100.10' })).status).toBe(204);
    expect((await sendClick({ type: 'click', q: 'gia vang', rank: 3 }, { 'CF-Connecting-IP': '198.51.100.10' })).status).toBe(204);
    const r = await reportWhen((x) => x.totals.clicks === 2 && x.totals.searches === 5);
    expect(r.top_queries.find((q) => q.query === 'gia vang')).toMatchObject({ searches: 3, clicks: 2, mean_click_rank: 2 });
    expect(r.unclicked_queries.map((q) => q.query)).toEqual(['bong da']);
  });

  it('hides half-typed as-you-type queries from the lists unless asked', async () => {
    for (const q of ['thoi t', 'thoi ti', 'thoi tiet']) await searchOk(q, { prefix: 'true' });
    const r = await reportWhen((x) => x.totals.searches === 3);
    expect(r.top_queries.map((q) => q.query)).toEqual(['thoi tiet']);
    expect(r.fragments_hidden).toBe(2);
    const all = await reportWhen(() => true, { fragments: 'true' });
    expect(all.top_queries.map((q) => q.query).sort()).toEqual(['thoi t', 'thoi ti', 'thoi tiet']);
  });

  it('reports every day of the range and respects limit', async () => {
    for (const q of ['mot', 'hai', 'ba']) await searchOk(q);
    const today = (await reportWhen((x) => x.totals.searches === 3)).to;
    const r = await reportWhen(() => true, { to: today, limit: '2' });
    expect(r.days).toHaveLength(30);
    expect(r.days.at(-1)!.day).toBe(today);
    expect(r.days.slice(0, -1).every((d) => d.searches === 0 && d.took_ms.p50 === null)).toBe(true);
    expect(r.top_queries).toHaveLength(2);
  });
});
