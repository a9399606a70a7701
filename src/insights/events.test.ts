import { describe, expect, it } from 'vitest';
import { clickEvent, FILTER_CATEGORY, FILTER_DATE, searchEvent, type SearchOutcome } from './events.js';

const base: SearchOutcome = { q: 'ha noi', total: 12, relaxed: false, category: false, dates: false, tookMs: 3.4, at: 1_700_000_000_000 };

describe('searchEvent', () => {
  it('carries the analyzed query and the outcome, never the raw text', () => {
    const e = searchEvent({ ...base, q: '  Hà NỘI!! ', interpretedAs: undefined });
    expect(e).toEqual({ t: 's', at: base.at, q: 'ha noi', n: 12, r: false, rs: false, f: 0, ms: 3 });
    expect(JSON.stringify(e)).not.toContain('NỘI');
  });

  it('marks a restoration only when the query was typed without diacritics', () => {
    expect(searchEvent({ ...base, interpretedAs: 'hà nội' })).toMatchObject({ ia: 'hà nội', rs: true });
    expect(searchEvent({ ...base, q: 'hà noi', interpretedAs: 'hà nội' })).toMatchObject({ ia: 'hà nội', rs: false });
  });

  it('records filters, relaxed, unknown totals and browses', () => {
    expect(searchEvent({ ...base, category: true, dates: true, relaxed: true, total: null })).toMatchObject({ f: FILTER_CATEGORY | FILTER_DATE, r: true, n: null });
    expect(searchEvent({ ...base, q: '', category: true })).toMatchObject({ q: '', f: FILTER_CATEGORY, rs: false });
  });

  it('drops queries that look like e-mails or phone numbers (the search is still counted)', () => {
    for (const q of ['0912 345 678', 'ban.doc@gmail.com']) {
      const e = searchEvent({ ...base, q, interpretedAs: 'x' });
      expect(e.q).toBeNull();
      expect(e.ia).toBeUndefined();
      expect(JSON.stringify(e)).not.toMatch(/0912|gmail/);
    }
  });
});

describe('clickEvent', () => {
  it('analyzes the query and drops personal or empty ones', () => {
    expect(clickEvent({ q: 'Giá  Vàng', rank: 2, at: 5 })).toEqual({ t: 'c', at: 5, q: 'gia vang', rank: 2 });
    expect(clickEvent({ q: '0912345678', rank: 1, at: 5 })).toBeNull();
    expect(clickEvent({ q: '!!!', rank: 1, at: 5 })).toBeNull();
  });
});
