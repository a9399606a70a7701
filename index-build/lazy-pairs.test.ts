/**
 * The lexicon's pair parts fetched per query (as the Worker does) give the same plans, suggestions
 * and related-article keys as the whole lexicon, over the sharded fixture index that `npm test`
 * builds with many small pair parts (scripts/prepare-test-index.mjs).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchService } from '../src/engine/search-service.js';
import { SuggestService } from '../src/suggest/suggest-service.js';
import { openIndex } from './open-index.js';

const DIR = path.resolve('dist/test-assets/sharded/index');

/** Queries that reach every use of pairs: restoration, triples, collocations, Telex, synonyms, typos. */
const QUERIES = [
  'ha noi', 'Hà Nội', 'chinh phu', 'gia vang hom nay', 'dang bo', 'Đảng bộ', 'UBND', 'HN', 'ủy ban nhân dân',
  'u23 viet nam thang dam', 'bao so 3', 'quang ninh hai phong', 'tiem vac xin soi', 'nguowif ddi booj',
  'hoaf binhf', 'ha noi xay dung', 'diem chuan lop 10', 'de thi toan', 'gia vnag', 'thành phố hồ', 'ma doc',
  '"hà nội" -vàng', 'bộ y tế', 'website bi chen ma doc xss', 'công ty', 'cong ty co phan',
];

let complete: SearchService;
let lazy: SearchService;
beforeAll(async () => {
  if (!existsSync(path.join(DIR, 'manifest.json'))) throw new Error(`No fixture index at ${DIR}: run \`npm test\` (or \`node scripts/prepare-test-index.mjs\`) first.`);
  complete = await openIndex(DIR);
  lazy = await openIndex(DIR, { lazyPairs: true });
});

describe('pair parts fetched per query', () => {
  it('the fixture keeps its pairs in many parts, and the lazy service holds none before a query', () => {
    expect(lazy.lexicon.pairPartCount).toBeGreaterThan(5);
    expect(lazy.pairParts).not.toBeNull();
    expect(lazy.pairParts!.stats().entries).toBe(0);
    expect(complete.pairParts).toBeNull();
  });

  it('plan every query exactly as the whole lexicon does', async () => {
    for (const q of QUERIES) {
      for (const prefixLast of [false, true]) {
        const a = (await complete.planWithTail(q, prefixLast)).planned;
        const b = (await lazy.planWithTail(q, prefixLast)).planned;
        expect(b, q).toEqual(a);
      }
    }
  });

  it('fetch only the parts a query needs', async () => {
    const fresh = await openIndex(DIR, { lazyPairs: true });
    await fresh.planWithTail('ha noi', false);
    const held = fresh.pairParts!.stats().entries;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(fresh.lexicon.pairPartCount);
  });

  it('suggest the same phrases and titles', async () => {
    const a = new SuggestService(complete);
    const b = new SuggestService(lazy);
    for (const q of ['ha n', 'ha noi ', 'chinh ph', 'gia vang ', 'u23 viet ', 'đảng b']) {
      expect((await b.suggest(q, 8)).suggestions, q).toEqual((await a.suggest(q, 8)).suggestions);
    }
  });

  it('search with the same answers', async () => {
    for (const q of QUERIES.slice(0, 12)) {
      const req = { q, limit: 10, offset: 0, sort: 'relevance' as const, facets: [], prefixLast: false };
      const a = await complete.search(req);
      const b = await lazy.search(req);
      expect(b.hits.map((h) => h.id), q).toEqual(a.hits.map((h) => h.id));
      expect(b.total, q).toBe(a.total);
    }
  });
});
