import { describe, expect, it } from 'vitest';
import { DEFAULT_BM25F } from '../../scoring/bm25f.js';
import type { QueryPlan } from '../query-plan.js';
import { BACKGROUND_MERGE_MIN, LIVE_SHARD, LiveIndex, MAX_MERGED_DOCS, MERGE_FACTOR } from './live-index.js';
import { analyzeArticle, prepareArticle, type BaseStatistics } from './prepared-article.js';

const BASE: BaseStatistics = { documentCount: 1000, scoring: { ...DEFAULT_BM25F, avgTitleLength: 10, avgBodyLength: 100, impactScale: 0.001 } };
const WORDS = ['Hà Nội', 'giá vàng', 'bão số 3', 'U23 Việt Nam', 'Quảng Ninh', 'giá xăng', 'tam giác mạch', 'chứng khoán'];

const article = (i: number) => {
  const doc = { id: `d${i}`, title: `${WORDS[i % WORDS.length]} tin số ${i}`, body: `${WORDS[(i * 3) % WORDS.length]} và ${WORDS[(i * 5) % WORDS.length]} hôm nay.`, category: i % 3 ? 'thoi-su' : 'kinh-te', date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` };
  return prepareArticle(doc, analyzeArticle(doc), [], BASE);
};

const plan = (keys: string[]): QueryPlan => ({
  terms: keys.map((key, clause) => ({ key, weight: 1, clause })), clauseCount: keys.length, pairClauseCount: 0,
  minShouldMatch: 1, required: [], excluded: [], syllables: [], highlight: { folded: [], exact: [], phrases: [] },
});

const run = (index: LiveIndex, keys: string[]) => index.search(plan(keys), { topK: 500, sort: 'relevance', facets: ['category', 'year'] });

describe('LiveIndex', () => {
  it('merges segments in tiers and searches them as one set of documents', async () => {
    const index = new LiveIndex(BASE.scoring.impactScale);
    for (let i = 0; i < 200; i++) index.add(i + 1, article(i));
    await index.idle();
    expect(index.documentCount).toBe(200);
    expect(index.mergeCount).toBeGreaterThan(0);
    expect(index.segmentCount).toBeLessThan(4 * MERGE_FACTOR);
    const r = run(index, ['ha noi', 'vang']);
    expect(r.hits.every((h) => h.shard === LIVE_SHARD)).toBe(true);
    expect(r.total).toBe(r.hits.length);
    expect(r.facets.category?.['thoi-su']! + r.facets.category?.['kinh-te']!).toBe(r.total);
  });

  it('gives the same hits and scores after removals and merges as an index that only ever held the survivors', () => {
    const all = new LiveIndex(BASE.scoring.impactScale);
    const survivors = new LiveIndex(BASE.scoring.impactScale);
    const removed = new Set<number>();
    for (let i = 0; i < 150; i++) {
      all.add(i + 1, article(i));
      if (i % 7 === 3) { all.remove(i + 1 - 2); removed.add(i + 1 - 2); }
    }
    for (let i = 0; i < 150; i++) if (!removed.has(i + 1)) survivors.add(i + 1, article(i));
    expect(all.documentCount).toBe(survivors.documentCount);
    for (const keys of [['ha noi'], ['gia', 'xang'], ['bao', 'so'], ['tam', 'giac', 'mach']]) {
      const a = run(all, keys);
      const b = run(survivors, keys);
      expect(a.total, keys.join()).toBe(b.total);
      expect(a.hits, keys.join()).toEqual(b.hits);
      expect(a.facets, keys.join()).toEqual(b.facets);
    }
  });

  it('merges large segments in the background while searches and removals go on, losing nothing', async () => {
    const index = new LiveIndex(BASE.scoring.impactScale);
    const reference = new LiveIndex(BASE.scoring.impactScale);
    const n = MAX_MERGED_DOCS * BACKGROUND_MERGE_MIN + 40;
    for (let i = 0; i < n; i++) index.add(i + 1, article(i));
    const before = index.segmentCount;
    // The background merge has started; remove documents while it runs, and search.
    const removed = new Set<number>();
    for (let i = 1; i <= n; i += 97) { index.remove(i); removed.add(i); }
    expect(run(index, ['ha noi']).total).toBeGreaterThan(0);
    await index.idle();
    expect(index.segmentCount).toBeLessThan(before);
    for (let i = 0; i < n; i++) if (!removed.has(i + 1)) reference.add(i + 1, article(i));
    await reference.idle();
    expect(index.documentCount).toBe(n - removed.size);
    for (const keys of [['ha noi'], ['gia', 'xang'], ['tin']]) {
      const a = run(index, keys);
      const b = run(reference, keys);
      expect(a.total, keys.join()).toBe(b.total);
      expect(new Set(a.hits.map((h) => h.doc)), keys.join()).toEqual(new Set(b.hits.map((h) => h.doc)));
    }
  }, 60_000);

  it('filters by category name, including categories the build never had, and forgets removed titles', () => {
    const index = new LiveIndex(BASE.scoring.impactScale);
    for (let i = 0; i < 10; i++) index.add(i + 1, article(i));
    const r = index.search(plan(['tin']), { topK: 50, sort: 'relevance', facets: [], categoryNames: ['kinh-te'] });
    expect(r.total).toBe(4); // i = 0, 3, 6, 9
    expect(index.suggest('ha noi tin so', 5).map((s) => s.slot)).toContain(1);
    index.remove(1);
    expect(index.suggest('ha noi tin so', 5).map((s) => s.slot)).not.toContain(1);
    expect(index.has(1)).toBe(false);
    expect(() => index.add(2, article(1))).toThrow(/already in use/);
  });
});
