import { describe, expect, it } from 'vitest';
import { isoToMinutes } from '../../src/index-format/dates.js';
import { freshnessAt, freshnessFactor, MIN_FRESHNESS_FACTOR } from '../../src/scoring/freshness.js';
import { MINUTES_PER_DAY } from '../../src/scoring/half-life.js';
import { getJson, search } from '../support/helpers.js';

// test/fixtures/api-corpus.jsonl: "Hà Nội" is in tt-01 (2019-01-15), tt-02 (2020-03-02), kd-01
// (2020-05-05), xh-01 (2021-02-14) and tt-03 (2021-07-20); xh-02 has no date.
const HA_NOI = ['kd-01', 'tt-01', 'tt-02', 'tt-03', 'xh-01'];

describe('freshness: relevance that prefers recent news', () => {
  it("multiplies each hit's relevance score by 2^(−age / half-life) and orders by the product", async () => {
    const plain = await search({ q: 'hà nội', limit: 50 });
    const fresh = await search({ q: 'hà nội', limit: 50, freshness: '90d' });
    expect(fresh.total).toBe(plain.total);
    expect(fresh.hits.map((h) => h.id).sort()).toEqual(HA_NOI);
    const f = freshnessAt(90 * MINUTES_PER_DAY, Date.now());
    const relevance = new Map(plain.hits.map((h) => [h.id, h.score]));
    for (const h of fresh.hits) {
      expect(h.score / (relevance.get(h.id)! * freshnessFactor(isoToMinutes(h.date!)!, f)), h.id).toBeCloseTo(1, 3);
    }
    const scores = fresh.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The oldest article falls to the bottom; the order is no longer the relevance order.
    expect(fresh.hits.at(-1)!.id).toBe('tt-01');
    expect(fresh.hits.map((h) => h.id)).not.toEqual(plain.hits.map((h) => h.id));
  });

  it('ranks undated articles as the oldest, and articles past 1,000 half-lives by relevance alone', async () => {
    // "giao thông" is in xh-02, which has no date: last, at the smallest factor …
    const undated = await search({ q: 'giao thông', freshness: '1y' });
    const plainUndated = await search({ q: 'giao thông' });
    expect(undated.hits.at(-1)!.id).toBe('xh-02');
    const relevance = plainUndated.hits.find((h) => h.id === 'xh-02')!.score;
    expect(undated.hits.at(-1)!.score / (relevance * MIN_FRESHNESS_FACTOR)).toBeCloseTo(1, 3);
    // … and with a one-hour half-life every dated article (2019–2021) is past 1,000 half-lives: the relevance order.
    const plain = await search({ q: 'hà nội', limit: 50 });
    const ancient = await search({ q: 'hà nội', limit: 50, freshness: '1h' });
    expect(ancient.hits.map((h) => h.id)).toEqual(plain.hits.map((h) => h.id));
  });

  it('browsing by a filter with freshness puts the newest first, undated last (each match counts as relevance 1)', async () => {
    const byDate = await search({ category: 'kinh-doanh', sort: 'date:desc' });
    const fresh = await search({ category: 'kinh-doanh', freshness: '30d' });
    expect(fresh.hits.map((h) => h.id)).toEqual(byDate.hits.map((h) => h.id));
    expect(fresh.hits.map((h) => h.id)).toEqual(['kd-02', 'kd-01', 'kd-03']);
  });

  it('refuses half-lives it cannot read, and date sorts, saying what to send', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/search?q=h%C3%A0+n%E1%BB%99i&freshness=30', /freshness must be a half-life such as 12h, 30d, 2w or 1y/],
      ['/search?q=h%C3%A0+n%E1%BB%99i&freshness=0d', /freshness must be a half-life/],
      ['/search?q=h%C3%A0+n%E1%BB%99i&freshness=30m', /freshness must be a half-life/],
      ['/search?q=h%C3%A0+n%E1%BB%99i&freshness=30d&sort=date:desc', /freshness ranks by relevance and age together; it cannot be combined with sort=date:desc/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(400);
      expect(body.error.code, path).toBe('invalid_parameter');
      expect(body.error.message, path).toMatch(message);
    }
    const ok = await getJson('/search?q=h%C3%A0+n%E1%BB%99i&freshness=2w&sort=relevance');
    expect(ok.status).toBe(200);
  });
});
