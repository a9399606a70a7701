import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-build/build-index.js';
import { openIndex } from '../../index-build/open-index.js';
import type { SearchService } from './search-service.js';

// Built through the real build step, then searched through the same path the Worker uses.
const ARTICLES = [
  // Every query word, often, in the body, but the headline says them in another order.
  { id: 'scattered', title: 'Hà Nội tạm dừng lấy ý kiến trực tuyến về loa phường', body: 'Lấy ý kiến người dân Hà Nội. Việc lấy ý kiến, lấy ý kiến trực tuyến và lấy ý kiến trực tiếp tạm dừng.' },
  // The headline starts with the query; the body barely repeats it.
  { id: 'starts', title: 'Hà Nội: Lấy ý kiến cộng đồng về nạo vét hồ Gươm', body: 'Thành phố công bố phương án nạo vét.' },
  // The query run in the middle of the headline.
  { id: 'inside', title: 'Quận Hoàn Kiếm và Hà Nội lấy ý kiến về phố đi bộ', body: 'Phố đi bộ mở rộng.' },
  { id: 'other-1', title: 'Giá vàng hôm nay tăng mạnh', body: 'Giá vàng trong nước tăng theo thế giới.' },
  { id: 'other-2', title: 'Thời tiết Hà Nội mưa rào', body: 'Hà Nội có mưa rào và dông.' },
  { id: 'other-3', title: 'Ý kiến bạn đọc về giá điện', body: 'Nhiều ý kiến cho rằng giá điện tăng.' },
];

let dir = '';
let single: SearchService;
let sharded: SearchService;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-headline-'));
  const input = path.join(dir, 'corpus.jsonl');
  await writeFile(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  await buildIndex({ input, outDir: path.join(dir, 'one'), shards: 1 });
  await buildIndex({ input, outDir: path.join(dir, 'three'), shards: 3 });
  single = await openIndex(path.join(dir, 'one', 'index'));
  sharded = await openIndex(path.join(dir, 'three', 'index'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const ids = async (svc: SearchService, q: string, limit = 10) =>
  (await svc.search({ q, limit, offset: 0, sort: 'relevance', facets: [], prefixLast: false })).hits.map((h) => h.id);

describe('headline phrase match', () => {
  it('ranks the headline that starts with the pasted words first, although another repeats them more', async () => {
    for (const q of ['Hà Nội: Lấy ý kiến', 'Ha Noi: Lay y kien', 'ha noi lay y kien']) {
      const top = await ids(single, q);
      expect(top[0], q).toBe('starts');
      expect(top.slice(1, 3).sort(), q).toEqual(['inside', 'scattered']);
    }
  });

  it('gives the same order and scores on three shards as on one', async () => {
    for (const q of ['Ha Noi: Lay y kien', 'ý kiến giá điện', 'ha noi']) {
      const a = await single.search({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
      const b = await sharded.search({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false });
      expect(b.hits.map((h) => [h.id, h.score]), q).toEqual(a.hits.map((h) => [h.id, h.score]));
      expect(b.total).toBe(a.total);
    }
  });

  it('skipping hopeless documents does not change the top of the list', async () => {
    // limit 1 prunes with the boost's upper bound after the first hit; limit 10 scores everything.
    for (const q of ['ha noi lay y kien', 'y kien', 'ha noi']) {
      expect((await ids(single, q, 1))[0], q).toBe((await ids(single, q, 10))[0]);
    }
  });
});
