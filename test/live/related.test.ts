/**
 * Related articles with the live index (the 3-shard sample index plus articles written through the
 * write API): live articles are related like built ones, as sources and as results; taken-down
 * articles never show; the ETag follows the live sequence number the answer reflects.
 */
import { describe, expect, it } from 'vitest';
import { getJson, request } from '../support/helpers.js';
import { deleteArticle, putArticle } from '../support/live.js';

const SOURCE = 'sample-01-ha-noi-xay-dung-dang';

/** A new story on the same subject as SOURCE (party building in Hà Nội), not a copy of it. */
const PARTY_LIVE = {
  title: 'Thành ủy Hà Nội sơ kết công tác phát triển đảng viên trong doanh nghiệp ngoài nhà nước',
  lead: 'Thành ủy Hà Nội đánh giá việc kết nạp đảng viên mới và sinh hoạt chi bộ trong doanh nghiệp ngoài nhà nước.',
  body: 'Ban Tổ chức Thành ủy Hà Nội cho biết nhiều tổ chức cơ sở đảng trong doanh nghiệp ngoài nhà nước đã đổi mới sinh hoạt chi bộ, kết nạp đảng viên trẻ và đảng viên là đoàn viên thanh niên. Thành ủy yêu cầu các cấp ủy tiếp tục thực hiện Nghị quyết Trung ương 4 về xây dựng Đảng, tăng cường kiểm tra, giám sát đảng viên.',
  date: '2024-05-10T08:00',
};

interface Related { duplicates: string[]; hits: Array<{ id: string; duplicates?: string[] }> }

async function related(id: string): Promise<{ body: Related; etag: string | null }> {
  const { status, body, res } = await getJson<Related>(`/articles/${encodeURIComponent(id)}/related?limit=10`);
  expect(status, JSON.stringify(body)).toBe(200);
  return { body, etag: res.headers.get('etag') };
}

describe('related articles with the live index', () => {
  it('a live article is related to built ones, and built ones to it', async () => {
    const before = await related(SOURCE);
    expect(before.body.hits.map((h) => h.id)).not.toContain('live-party');
    expect((await putArticle('live-party', PARTY_LIVE)).status).toBe(201);

    const after = await related(SOURCE);
    expect(after.body.hits.map((h) => h.id)).toContain('live-party');
    expect(after.etag).toBeTruthy();
    expect(after.etag).not.toBe(before.etag);

    const fromLive = await related('live-party');
    const ids = fromLive.body.hits.map((h) => h.id);
    expect(ids).not.toContain('live-party');
    expect(ids.slice(0, 4)).toContain(SOURCE);
  });

  it('a live reprint of an article is collapsed as its copy', async () => {
    const built = await getJson<{ title: string; lead?: string; body: string }>(`/articles/${SOURCE}`);
    const reprint = { title: 'Hà Nội: nâng chất lượng sinh hoạt chi bộ', body: `${built.body.body}\nBài viết được đăng lại.` };
    expect((await putArticle('live-reprint', reprint)).status).toBe(201);
    const r = await related(SOURCE);
    expect(r.body.duplicates).toContain('live-reprint');
    expect(r.body.hits.map((h) => h.id)).not.toContain('live-reprint');
  });

  it('a taken-down article is never related', async () => {
    const party = 'sample-36-dang-bo-quang-ninh-ket-nap-dang-vien';
    expect((await related(SOURCE)).body.hits.map((h) => h.id)).toContain(party);
    expect((await deleteArticle(party)).status).toBeLessThan(300);
    expect((await related(SOURCE)).body.hits.map((h) => h.id)).not.toContain(party);
    expect((await getJson(`/articles/${party}/related`)).status).toBe(404);
  });

  it('a draft finds live articles too', async () => {
    const res = await request('/related', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: PARTY_LIVE.title, body: PARTY_LIVE.body }) });
    const body = (await res.json()) as Related;
    expect(res.status).toBe(200);
    expect([...body.duplicates, ...body.hits.map((h) => h.id)]).toContain('live-party');
  });
});
