import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startOfDay } from './days.js';
import { searchEvent, clickEvent, type InsightsEvent, type SearchOutcome } from './events.js';
import { InsightsStore, type SqlLike } from './store.js';

/** better-sqlite3 behind the Durable Object SQL interface the store uses. */
function sqlite(): SqlLike & { db: Database.Database } {
  const db = new Database(':memory:');
  return {
    db,
    exec(query, ...bindings) {
      const stmt = db.prepare(query);
      const rows = stmt.reader ? (stmt.all(...bindings) as Array<Record<string, unknown>>) : (stmt.run(...bindings), []);
      return { toArray: () => rows };
    },
  };
}

const OFFSET = 420;
const DAY1 = '2026-03-02';
const T1 = startOfDay(DAY1, OFFSET) + 10 * 3600_000; // 10:00 local

function setup(opts: { max?: number; now?: number } = {}) {
  const sql = sqlite();
  let now = opts.now ?? T1;
  const store = new InsightsStore(sql, {
    maxQueriesPerDay: opts.max ?? 1000,
    utcOffsetMinutes: OFFSET,
    now: () => now,
    transaction: (fn) => sql.db.transaction(fn)(),
  });
  store.migrate();
  const search = (q: string, o: Partial<SearchOutcome> = {}) => searchEvent({ q, total: 5, relaxed: false, category: false, dates: false, tookMs: 10, at: now, ...o });
  const click = (q: string, rank = 1) => clickEvent({ q, rank, at: now })!;
  const record = (...events: InsightsEvent[]) => store.record({ events, lost: 0 });
  const report = (o: Partial<Parameters<InsightsStore['report']>[0]> = {}) => store.report({ from: DAY1, to: DAY1, limit: 20, fragments: false, ...o });
  return { sql, store, search, click, record, report, setNow: (t: number) => { now = t; } };
}

describe('InsightsStore: recording and aggregation', () => {
  it('aggregates searches per day and per analyzed query', () => {
    const s = setup();
    s.record(s.search('Hà Nội', { total: 40, tookMs: 12 }), s.search('ha noi', { total: 40, interpretedAs: 'hà nội', tookMs: 30 }), s.search('giá vàng', { total: 0, tookMs: 5 }));
    const r = s.report();
    expect(r.totals).toMatchObject({ searches: 3, zero_results: 1, restored: 1, relaxed: 0 });
    expect(r.totals.zero_result_share).toBeCloseTo(1 / 3, 3);
    expect(r.totals.restored_share).toBeCloseTo(1 / 3, 3);
    expect(r.top_queries[0]).toEqual({ query: 'ha noi', searches: 2, zero_results: 0, mean_hits: 40, clicks: 0, mean_click_rank: null, interpreted_as: 'hà nội' });
    expect(r.zero_result_queries.map((q) => q.query)).toEqual(['gia vang']);
    expect(r.days).toHaveLength(1);
    expect(r.days[0]).toMatchObject({ day: DAY1, searches: 3, zero_results: 1, took_ms: { p50: 12, p95: 31 } }); // 30 ms is read from its 8%-wide bucket
    expect(r.utc_offset).toBe('+07:00');
  });

  it('never stores raw text: only analyzed queries and counters', () => {
    const s = setup();
    s.record(s.search('  GIÁ   Vàng!!  '), s.search('ban.doc@gmail.com'), s.search('0912 345 678'));
    const text = JSON.stringify(['days', 'queries', 'latency', 'meta'].map((t) => s.sql.db.prepare(`SELECT * FROM ${t}`).all()));
    expect(text).toContain('gia vang');
    for (const bad of ['GIÁ', 'gmail', '0912', '345 678', 'ban.doc']) expect(text).not.toContain(bad);
    expect(s.report().totals).toMatchObject({ searches: 3, redacted: 2 });
  });

  it('counts filters, browses, relaxed searches and 304 revalidations', () => {
    const s = setup();
    s.record(
      s.search('', { category: true }),
      s.search('bong da', { dates: true, category: true, relaxed: true, total: 3 }),
      s.search('bong da', { total: null }),
    );
    const r = s.report();
    expect(r.totals).toMatchObject({ searches: 3, browse: 1, with_category: 2, with_date: 1, relaxed: 1, revalidated: 1 });
    expect(r.totals.relaxed_share).toBe(1); // of the one search with words whose result is known
    expect(r.top_queries).toEqual([expect.objectContaining({ query: 'bong da', searches: 2, mean_hits: 3 })]);
  });

  it('puts events on the day of the configured offset, and implausible times on today', () => {
    const s = setup();
    const lateEvening = startOfDay('2026-03-03', OFFSET) - 60_000; // 23:59 local on DAY1
    s.setNow(lateEvening + 120_000);
    s.record({ ...s.search('a b'), at: lateEvening }, { ...s.search('c d'), at: 0 }, { ...s.search('e f'), at: Number.NaN });
    const r = s.report({ from: DAY1, to: '2026-03-03' });
    expect(r.days.map((d) => d.searches)).toEqual([1, 2]);
  });
});

describe('InsightsStore: clicks', () => {
  it('applies clicks to the query searched that day or the day before, with the rank', () => {
    const s = setup();
    s.record(s.search('ha noi'), s.search('ha noi'), s.click('Hà Nội', 3));
    s.setNow(T1 + 86_400_000); // next day
    s.record(s.click('ha noi', 1));
    const r = s.report({ to: '2026-03-03' });
    expect(r.top_queries[0]).toMatchObject({ query: 'ha noi', clicks: 2, mean_click_rank: 2 });
    expect(r.totals.clicks).toBe(2);
  });

  it('ignores clicks for queries nobody searched, and never counts more clicks than searches', () => {
    const s = setup();
    s.record(s.search('ha noi'));
    const result = s.record(...Array.from({ length: 50 }, () => s.click('ha noi', 1)), s.click('never searched'), { t: 'c', at: T1, q: '', rank: 1 });
    expect(result).toEqual({ recorded: 1, ignored: 51 });
    const r = s.report();
    expect(r.totals).toMatchObject({ clicks: 1, clicks_ignored: 50 }); // the malformed one is not counted at all
    expect(s.sql.db.prepare('SELECT COUNT(*) AS n FROM queries').get()).toEqual({ n: 1 });
  });

  it('clamps ranks', () => {
    const s = setup();
    s.record(s.search('x y'), s.search('x y'), { t: 'c', at: T1, q: 'x y', rank: 1e9 }, { t: 'c', at: T1, q: 'x y', rank: -4 });
    expect(s.report().top_queries[0].mean_click_rank).toBe((1000 + 1) / 2);
  });
});

describe('InsightsStore: bounds', () => {
  it('stores at most maxQueriesPerDay distinct queries a day; further ones are only counted', () => {
    const s = setup({ max: 3 });
    s.record(...['mot', 'hai', 'ba', 'bon', 'nam', 'mot'].map((q) => s.search(q)));
    const r = s.report();
    expect(r.totals).toMatchObject({ searches: 6, overflow: 2 });
    expect(r.top_queries.map((q) => q.query).sort()).toEqual(['ba', 'hai', 'mot']);
    expect(r.top_queries.find((q) => q.query === 'mot')!.searches).toBe(2);
    expect(s.sql.db.prepare('SELECT COUNT(*) AS n FROM queries').get()).toEqual({ n: 3 });
  });

  it('holds the cap across batches, and counts overflowing searches of one batch together', () => {
    const s = setup({ max: 4 });
    s.record(s.search('mot'), s.search('hai'));
    s.record(s.search('ba'), s.search('ba'), s.search('hai'));
    s.record(s.search('bon'), s.search('nam'), s.search('nam'), s.search('mot'));
    const r = s.report();
    expect(r.totals).toMatchObject({ searches: 9, overflow: 2 });
    expect(r.top_queries.map((q) => [q.query, q.searches])).toEqual([['ba', 2], ['hai', 2], ['mot', 2], ['bon', 1]]);
    expect(s.sql.db.prepare('SELECT distinct_queries FROM days').get()).toEqual({ distinct_queries: 4 });
  });

  it('survives malformed events without storing anything from them', () => {
    const s = setup();
    const junk = [null, 1, 'x', {}, { t: 'z' }, { t: 'c', q: 5, rank: 'a' }] as unknown as InsightsEvent[];
    expect(s.record(...junk)).toEqual({ recorded: 0, ignored: 6 });
    expect(s.store.record({ events: 'nope' } as unknown as { events: InsightsEvent[]; lost: number })).toEqual({ recorded: 0, ignored: 0 });
    expect(s.sql.db.prepare('SELECT COUNT(*) AS n FROM queries').get()).toEqual({ n: 0 });
  });

  it('records events reported lost by the Worker', () => {
    const s = setup();
    s.store.record({ events: [], lost: 7 });
    expect(s.report().totals.lost).toBe(7);
  });
});

describe('InsightsStore: as-you-type fragments', () => {
  it('hides half-typed queries that were continued, and shows them on request', () => {
    const s = setup();
    // One reader typing "ha noi" in an as-you-type box, another searching "covid" many times.
    s.record(s.search('ha n'), s.search('ha no'), s.search('ha noi'));
    s.record(...Array.from({ length: 5 }, () => s.search('covid')), s.search('covid19'));
    const r = s.report();
    expect(r.top_queries.map((q) => q.query)).toEqual(['covid', 'covid19', 'ha noi']);
    expect(r.fragments_hidden).toBe(2);
    expect(s.report({ fragments: true }).top_queries.map((q) => q.query)).toEqual(['covid', 'covid19', 'ha n', 'ha no', 'ha noi']);
  });

  it('keeps a half-typed query that readers clicked', () => {
    const s = setup();
    s.record(s.search('u2'), s.search('u23'), s.click('u2', 1));
    expect(s.report().top_queries.map((q) => q.query)).toEqual(['u2', 'u23']);
  });
});

describe('InsightsStore: unclicked queries', () => {
  it('lists queries with results that were searched repeatedly and never clicked', () => {
    const s = setup();
    s.record(s.search('a a'), s.search('a a'), s.search('b b'), s.search('b b'), s.click('b b'), s.search('c c', { total: 0 }), s.search('c c', { total: 0 }), s.search('d d'));
    expect(s.report().unclicked_queries.map((q) => q.query)).toEqual(['a a']);
  });
});

describe('InsightsStore: retention', () => {
  it('deletes every day older than the retention window, and nothing else', () => {
    const day = 86_400_000;
    const t = setup();
    // Each day is recorded with the store's clock set to that day.
    for (const ago of [0, 1, 29, 30, 31, 120]) {
      t.setNow(T1 - ago * day);
      t.record(t.search(`q ${ago}`, { at: T1 - ago * day }));
    }
    t.setNow(T1);
    expect(t.report({ from: '2025-01-01', to: DAY1 }).totals.searches).toBe(6);
    expect(t.store.purge(30)).toBe(3); // 30, 31 and 120 days ago; today and the 29 days before stay
    const r = t.report({ from: '2025-01-01', to: DAY1 });
    expect(r.totals.searches).toBe(3);
    expect(r.top_queries.map((q) => q.query).sort()).toEqual(['q 0', 'q 1', 'q 29']);
    expect(t.sql.db.prepare(`SELECT COUNT(*) AS n FROM latency WHERE day < '2026-02-01'`).get()).toEqual({ n: 0 });
    expect(t.store.purge(30)).toBe(0);
  });

  it('schedules the next run at the start of the next local day', () => {
    const s = setup();
    expect(s.store.nextDayStart()).toBe(startOfDay('2026-03-03', OFFSET));
  });
});
