import { describe, expect, it } from 'vitest';
import { getJson, search } from '../support/helpers.js';
import { deleteArticle, postBatch, putArticle } from '../support/live.js';

// This project's live index holds at most 5 changes (LIVE_MAX_CHANGES = 5).
describe('live index at capacity', () => {
  it('refuses further writes with 507 saying how to fold in, keeps every acknowledged one, and keeps serving', async () => {
    for (let i = 0; i < 4; i++) expect((await putArticle(`cap-${i}`, { title: `Bài giới hạn số ${i}`, body: 'Nội dung.' })).status).toBe(201);
    const { results } = await postBatch([
      JSON.stringify({ id: 'cap-4', title: 'Bài giới hạn số 4', body: 'Nội dung.' }),
      JSON.stringify({ id: 'cap-5', title: 'Bài giới hạn số 5', body: 'Nội dung.' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected']);
    expect(results[1].error.code).toBe('live_index_full');
    const full = await putArticle('cap-6', { title: 'Thêm nữa', body: 'x' });
    expect(full.status).toBe(507);
    expect(full.body.error.code).toBe('live_index_full');
    expect(full.body.error.message).toMatch(/npm run build:index -- .*--live/);
    expect((await deleteArticle('sample-05-ha-noi-diem-chuan-lop-10-thpt')).status).toBe(507);
    // Changing an article already live still works: it takes no more room.
    expect((await putArticle('cap-0', { title: 'Bài giới hạn số 0 (sửa)', body: 'Nội dung.' })).body.status).toBe('replaced');
    expect((await deleteArticle('cap-1')).body.status).toBe('deleted');
    expect((await search({ q: 'bài giới hạn', limit: 20 })).hits.map((h) => h.id).sort()).toEqual(['cap-0', 'cap-2', 'cap-3', 'cap-4']);
    expect((await getJson('/health')).body.live).toMatchObject({ changes: 5, capacity: { changes: 5 } });
  });
});
