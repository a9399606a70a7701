import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from './build-index.js';
import { openIndex } from './open-index.js';

const QUERIES = ['ha noi', 'Đảng', 'giá vàng', 'thuế', 'UBND', 'bóng đá', 'u23 viet nam', 'thanh pho ho chi minh', 'bao so 3', 'y te', 'giáo dục', 'chứng khoán', '"hà nội"', 'dang uy', 'thủy điện xả lũ', 'xe buyt dien', 'Vinamilk', 'kinh te', 'tai nan giao thong', 'covid'];
const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });

async function topTens(input: string, shards: number, queries: string[]) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'vn-shards-'));
  dirs.push(out);
  await buildIndex({ input, outDir: out, shards });
  const svc = await openIndex(path.join(out, 'index'));
  const result: Array<{ ids: string[]; total: number; scores: number[] }> = [];
  for (const q of queries) {
    const r = await svc.search({ q, limit: 10, offset: 0, sort: 'relevance', facets: ['category', 'year'], prefixLast: false });
    result.push({ ids: r.hits.map((h) => h.id), total: r.total, scores: r.hits.map((h) => h.score) });
  }
  return result;
}

/** Average share of the single index's top-10 that the sharded top-10 also contains. */
function overlap(a: Array<{ ids: string[] }>, b: Array<{ ids: string[] }>): number {
  let sum = 0;
  a.forEach((x, i) => {
    const set = new Set(b[i].ids);
    sum += x.ids.length ? x.ids.filter((id) => set.has(id)).length / x.ids.length : 1;
  });
  return sum / a.length;
}

describe('sharded scoring equals single-index scoring', () => {
  it('sample corpus: 1 shard vs 3 shards give the same top-10, scores and totals', async () => {
    const single = await topTens('data', 1, QUERIES);
    const sharded = await topTens('data', 3, QUERIES);
    const o = overlap(single, sharded);
    console.log(`sample corpus top-10 overlap, 1 vs 3 shards: ${o.toFixed(3)}`);
    expect(o).toBeGreaterThanOrEqual(0.95);
    expect(sharded.map((r) => r.ids)).toEqual(single.map((r) => r.ids));
    expect(sharded.map((r) => r.total)).toEqual(single.map((r) => r.total));
    expect(sharded.map((r) => r.scores)).toEqual(single.map((r) => r.scores));
  });

  const dantri = path.resolve('../shared/corpora/dantri-200.jsonl');
  it.skipIf(!existsSync(dantri))('dantri-200: 1 shard vs 4 shards (skipped when ../shared is absent)', async () => {
    const single = await topTens(dantri, 1, QUERIES);
    const sharded = await topTens(dantri, 4, QUERIES);
    const o = overlap(single, sharded);
    console.log(`dantri-200 top-10 overlap, 1 vs 4 shards: ${o.toFixed(3)}`);
    expect(o).toBeGreaterThanOrEqual(0.95);
    expect(sharded.map((r) => r.ids)).toEqual(single.map((r) => r.ids));
  });
});
