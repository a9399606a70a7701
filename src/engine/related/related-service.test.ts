import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../index-build/build-index.js';
import { openIndex } from '../../../index-build/open-index.js';
import { RelatedService } from './related-service.js';

// A source about the metro; 20 reprints of one other metro story (dated one day apart), five other
// metro stories, and 300 unrelated articles. Built with the real build step, 1 and 3 shards.
const FILLER = 'giá vàng bão lũ bóng đá học sinh bệnh viện nông dân xuất khẩu du lịch chứng khoán điện ảnh âm nhạc thời tiết giao thông'.split(' ');
const METRO = 'Tuyến đường sắt đô thị Nhổn - ga Hà Nội chạy thử đoạn trên cao từ Nhổn đến Cầu Giấy với mười đoàn tàu';
const REPRINT = 'Ban Quản lý đường sắt đô thị Hà Nội cho biết tuyến metro Nhổn - ga Hà Nội sẽ vận hành thương mại đoạn trên cao từ Nhổn đến Cầu Giấy vào tháng tám, hành khách được đi tàu miễn phí trong mười lăm ngày đầu';
const ARTICLES = [
  { id: 'source', title: 'Metro Nhổn - ga Hà Nội chạy thử', body: `${METRO}. Đoàn tàu metro Nhổn chạy thử trên cao.` },
  ...Array.from({ length: 20 }, (_, i) => ({ id: `copy-${String(i).padStart(2, '0')}`, title: 'Metro Nhổn - ga Hà Nội chạy thử xong, sắp vận hành thương mại', date: `2024-07-${String(i + 1).padStart(2, '0')}`, body: `${REPRINT}. ${METRO}.` })),
  ...['an toàn', 'nhà ga', 'bán vé', 'tuyển dụng', 'giải phóng mặt bằng'].map((w, i) => ({ id: `other-${i}`, title: `Metro Nhổn - ga Hà Nội: chuyện ${w}`, body: `Đoàn tàu metro Nhổn chạy thử trên cao từ Nhổn đến Cầu Giấy. Bài viết số ${i + 1} kể chuyện ${w} của tuyến đường sắt đô thị.` })),
  ...Array.from({ length: 300 }, (_, i) => ({ id: `filler-${i}`, title: `${FILLER[i % 23]} ${FILLER[(i * 7) % 23]} ${FILLER[(i * 11) % 23]}`, body: Array.from({ length: 30 }, (_, j) => FILLER[(i * 13 + j * j) % 23]).join(' ') })),
];

let dir = '';
let services: RelatedService[] = [];
let search: Awaited<ReturnType<typeof openIndex>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vn-related-'));
  const input = path.join(dir, 'corpus.jsonl');
  await writeFile(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  await buildIndex({ input, outDir: path.join(dir, 'one'), shards: 1 });
  await buildIndex({ input, outDir: path.join(dir, 'three'), shards: 3 });
  search = await openIndex(path.join(dir, 'one', 'index'));
  services = [RelatedService.of(search), RelatedService.of(await openIndex(path.join(dir, 'three', 'index')))];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RelatedService', () => {
  it('digs deeper when copies of one story fill the first pool, and shows its newest copy', async () => {
    const source = (await search.article('source')).article!;
    for (const svc of services) {
      const r = await svc.related(source, { limit: 5, recent: false, sourceIndexed: true });
      const ids = r.hits.map((h) => h.id);
      expect(ids).toHaveLength(5);
      expect(ids).not.toContain('source');
      const copies = r.hits.filter((h) => h.id.startsWith('copy-'));
      expect(copies.map((h) => h.id)).toEqual(['copy-19']); // 2024-07-20: the newest
      expect(copies[0].duplicates).toHaveLength(19);
      expect(ids.filter((id) => id.startsWith('other-'))).toHaveLength(4);
      expect(r.keys).toBeGreaterThan(0);
    }
  });

  it('gives the same answer over 1 and 3 shards', async () => {
    const source = (await search.article('other-2')).article!;
    const [a, b] = await Promise.all(services.map((s) => s.related(source, { limit: 10, recent: false, sourceIndexed: true })));
    expect(b).toEqual(a);
  });

  it('the same text as a draft finds the article and the copies of it', async () => {
    const source = (await search.article('copy-03')).article!;
    const r = await services[1].related({ title: source.title, body: source.body }, { limit: 5, recent: false, sourceIndexed: false });
    expect(r.duplicates).toHaveLength(20);
    expect(r.hits.every((h) => !h.id.startsWith('copy-'))).toBe(true);
  });

  it('an article with nothing distinctive to relate by gets an empty list', async () => {
    const r = await services[0].related({ title: '!!!', body: '2024 123' }, { limit: 5, recent: false, sourceIndexed: false });
    expect(r).toEqual({ hits: [], duplicates: [], keys: 0, liveSeq: 0 });
  });

  it('filters apply to related articles', async () => {
    const source = (await search.article('source')).article!;
    const r = await services[0].related(source, { limit: 5, recent: false, sourceIndexed: true, fromMinutes: 0 });
    expect(r.hits.every((h) => h.id.startsWith('copy-'))).toBe(true); // only the copies are dated
    const none = await services[0].related(source, { limit: 5, recent: false, sourceIndexed: true, categories: ['nope'] });
    expect(none.hits).toEqual([]);
  });
});
