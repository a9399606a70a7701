import { describe, expect, it } from 'vitest';
import { getJson, request, search } from '../support/helpers.js';
import { auth, deleteArticle, postBatch, putArticle } from '../support/live.js';

const METRO = { title: 'Hà Nội khai trương tuyến tàu điện ngầm Nhổn', body: 'Tuyến tàu điện ngầm Nhổn – ga Hà Nội chính thức chở khách.\nHành khách xếp hàng từ sáng sớm.', lead: 'Sáng nay, tuyến metro mới vận hành.', date: '2024-08-08T09:30', category: 'giao-thong', url: 'https://example.vn/metro.html' };

describe('write API: authorization', () => {
  it('answers 401 JSON without a token or with a wrong one, and stores nothing', async () => {
    for (const headers of [{}, auth('wrong-token'), { Authorization: 'Basic dGVzdA==' }]) {
      const r = await putArticle('auth-probe', METRO, headers);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
      expect(r.res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await deleteArticle('sample-01-ha-noi-xay-dung-dang', {})).status).toBe(401);
    expect((await postBatch([JSON.stringify({ id: 'x', ...METRO })], {})).status).toBe(401);
    expect((await getJson('/changes')).status).toBe(401);
    expect((await getJson('/articles/auth-probe')).status).toBe(404);
  });
});

describe('write API: validation', () => {
  it('names the wrong field in a 400', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ body: 'x' }, /^title is required$/],
      [{}, /^title is required$/],
      [{ title: 'Tin' }, /^body is required$/],
      [{ title: 5, body: 'x' }, /^title must be a string$/],
      [{ title: '   ', body: 'x' }, /title.*empty/],
      [{ title: 'Tin', body: 5 }, /body/],
      [{ title: 'Tin', body: 'x', date: '31/12/2024' }, /date.*ISO/],
      [{ title: 'Tin', body: 'x', titel: 'typo' }, /unknown field "titel"/],
      [{ title: 'Tin', body: 'x', category: ['a'] }, /category/],
      [['not', 'an', 'object'], /^the article must be a JSON object with at least title and body$/],
    ];
    for (const [article, message] of cases) {
      const r = await putArticle('bad-input', article);
      expect(r.status, JSON.stringify(article)).toBe(400);
      expect(r.body.error.message, JSON.stringify(article)).toMatch(message);
      expect(r.body.error.code, JSON.stringify(article)).toBe(Array.isArray(article) ? 'invalid_request' : 'invalid_field');
    }
    const notJson = await request('/articles/bad-input', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...auth() }, body: '{"title": ' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: { code: 'invalid_json', message: 'The body of PUT /articles/bad-input is not valid JSON: send one JSON object (its fields are listed at /docs).' } });
    const plain = await request('/articles/bad-input', { method: 'PUT', headers: { 'Content-Type': 'text/plain', ...auth() }, body: JSON.stringify(METRO) });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({ error: { code: 'unsupported_media_type', message: 'PUT /articles/bad-input takes a JSON body: send it with Content-Type: application/json, not "text/plain".' } });
    const huge = await putArticle('bad-input', { title: 'Dài', body: 'chữ '.repeat(200_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/limit is 512 KiB\. Split it into several articles\.$/);
    const tooBig = await request('/articles/bad-input', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...auth() }, body: JSON.stringify({ title: 'x', body: 'a'.repeat(6 * 1024 * 1024) }) });
    expect(tooBig.status).toBe(413);
    expect((await getJson('/articles/bad-input')).status).toBe(404);
  });
});

describe('write API: searchable at once', () => {
  it('a published article is found by search, suggest, /articles and facets as soon as the PUT answers', async () => {
    const before = await search({ q: 'Hà Nội', facets: 'category' });
    expect((await search({ q: 'tàu điện ngầm' })).hits.map((h) => h.id)).not.toContain('metro-nhon');
    const put = await putArticle('metro-nhon', METRO);
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ id: 'metro-nhon', status: 'created' });
    expect(put.body.seq).toBeGreaterThan(0);
    const after = await search({ q: 'Hà Nội', facets: 'category', limit: 50 });
    expect(after.total).toBe(before.total + 1);
    expect(after.hits.map((h) => h.id)).toContain('metro-nhon');
    expect(after.facets?.category?.['giao-thong']).toBe((before.facets?.category?.['giao-thong'] ?? 0) + 1);
    const metro = await search({ q: 'tàu điện ngầm' });
    expect(metro.total).toBe(1);
    expect(metro.hits[0].id).toBe('metro-nhon');
    expect(metro.hits[0].title_html).toContain('<mark>tàu điện ngầm</mark>');
    expect((await search({ q: 'tau dien ngam nhon' })).hits[0].id).toBe('metro-nhon');
    const article = await getJson('/articles/metro-nhon');
    expect(article.status).toBe(200);
    expect(article.body).toMatchObject({ id: 'metro-nhon', title: METRO.title, category: 'giao-thong', date: '2024-08-08T09:30' });
    const suggest = await getJson('/suggest?q=khai+truong+tau');
    expect(suggest.body.suggestions.map((s: { id?: string }) => s.id)).toContain('metro-nhon');
    // The same article again: idempotent, same sequence number.
    const again = await putArticle('metro-nhon', METRO);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: 'metro-nhon', status: 'unchanged', seq: put.body.seq });
  });

  it('with freshness, an article published today ranks above the archive as soon as the PUT answers', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const NEWS = { title: 'Hội nghị du lịch mùa đông', body: 'Các đại biểu về Hà Nội dự hội nghị.', date: today, category: 'du-lich' };
    const before = await search({ q: 'hà nội', freshness: '30d' });
    expect(before.hits.map((h) => h.id)).not.toContain('fresh-news');
    expect((await putArticle('fresh-news', NEWS)).status).toBe(201);
    // One mention in its body: by relevance alone it is not first …
    expect((await search({ q: 'hà nội' })).hits[0].id).not.toBe('fresh-news');
    // … with a 30-day half-life it is, against articles years old, and the total is unchanged by the ranking.
    const after = await search({ q: 'hà nội', freshness: '30d' });
    expect(after.hits[0].id).toBe('fresh-news');
    expect(after.total).toBe((await search({ q: 'hà nội' })).total);
    expect((await deleteArticle('fresh-news')).status).toBe(200);
  });

  it('a corrected built article appears only in its new version', async () => {
    const id = 'sample-22-vietlott-jackpot-can-tho';
    const old = await getJson(`/articles/${id}`);
    expect(old.status).toBe(200);
    const r = await putArticle(id, { ...old.body, id: undefined, title: 'Vietlott: giải độc đắc 300 tỷ đồng đã có chủ ở Cần Thơ (đính chính)', body: 'Bản đã sửa: giải Jackpot trị giá 300 tỷ đồng.' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('replaced');
    const hits = (await search({ q: 'vietlott', limit: 50 })).hits.filter((h) => h.id === id);
    expect(hits).toHaveLength(1);
    expect(hits[0].title).toContain('đính chính');
    expect((await getJson(`/articles/${id}`)).body.body).toBe('Bản đã sửa: giải Jackpot trị giá 300 tỷ đồng.');
  });

  it('a deleted built article is gone everywhere at once, and deleting again is unchanged', async () => {
    const id = 'sample-24-ao-dau-messi-ronaldo-gia';
    const before = await search({ q: 'Messi', limit: 50 });
    expect(before.hits.map((h) => h.id)).toContain(id);
    const del = await deleteArticle(id);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id, status: 'deleted' });
    const after = await search({ q: 'Messi', limit: 50 });
    expect(after.hits.map((h) => h.id)).not.toContain(id);
    expect(after.total).toBe(before.total - 1);
    expect((await getJson(`/articles/${id}`)).status).toBe(404);
    const suggest = await getJson('/suggest?q=ao+dau+messi');
    expect(suggest.body.suggestions.map((s: { id?: string }) => s.id)).not.toContain(id);
    expect((await deleteArticle(id)).body).toEqual({ id, status: 'unchanged', seq: del.body.seq });
    const unknown = await deleteArticle('no-such-article');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('article_not_found');
  });

  it('changes the ETag with every write, so a cached response never hides one', async () => {
    const url = '/search?q=ha+noi+bao+moi';
    const first = await request(url);
    const etag = first.headers.get('etag')!;
    expect((await request(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await putArticle('etag-probe', { title: 'Báo mới ở Hà Nội', body: 'Tin tức.' });
    const after = await request(url, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const body = await after.json() as { hits: Array<{ id: string }> };
    expect(body.hits.map((h) => h.id)).toContain('etag-probe');
  });

  it('lets the last acknowledged of concurrent writes to one id win', async () => {
    const writes = await Promise.all([1, 2, 3, 4, 5].map((i) => putArticle('race', { title: `Phiên bản ${i} của bài đua`, body: `Nội dung ${i}.` })));
    for (const w of writes) expect([200, 201]).toContain(w.status);
    const last = writes.reduce((a, b) => (b.body.seq > a.body.seq ? b : a));
    const stored = await getJson('/articles/race');
    expect(stored.body.title).toBe(`Phiên bản ${writes.indexOf(last) + 1} của bài đua`);
    expect((await search({ q: 'bài đua', limit: 20 })).hits.filter((h) => h.id === 'race')).toHaveLength(1);
  });
});

describe('write API: batches', () => {
  it('stores valid lines, rejects the others saying which field is wrong, one result per line', async () => {
    const lines = [
      JSON.stringify({ id: 'batch-1', title: 'Lũ quét ở Lào Cai', body: 'Mưa lớn gây lũ quét.', category: 'thoi-su' }),
      '',
      JSON.stringify({ id: 'batch-2', body: 'Không có tiêu đề' }),
      '{"id": "batch-3", "title": ',
      JSON.stringify({ id: 'batch-4', title: 'Giá cà phê tăng kỷ lục', body: 'Cà phê Robusta tăng giá.', date: '2024-13-01' }),
      JSON.stringify({ title: 'Thiếu id', body: 'x' }),
      JSON.stringify({ id: 'batch-5', title: 'Đường sắt cao tốc Bắc Nam', body: 'Quốc hội thông qua chủ trương.' }),
      JSON.stringify({ op: 'delete', id: 'batch-1' }),
      JSON.stringify({ op: 'delete', id: 'never-existed' }),
    ];
    const { status, results } = await postBatch(lines);
    expect(status).toBe(200);
    expect(results.map((r) => [r.line, r.status])).toEqual([[1, 'created'], [3, 'rejected'], [4, 'rejected'], [5, 'rejected'], [6, 'rejected'], [7, 'created'], [8, 'deleted'], [9, 'not_found']]);
    expect(results[1].error).toMatchObject({ code: 'invalid_field', field: 'title' });
    expect(results[2].error.code).toBe('invalid_json');
    expect(results[3].error).toMatchObject({ field: 'date' });
    expect(results[4].error).toMatchObject({ field: 'id' });
    expect((await search({ q: 'đường sắt cao tốc' })).hits[0].id).toBe('batch-5');
    expect((await getJson('/articles/batch-1')).status).toBe(404);
    expect(results[5].seq).toBeGreaterThan(results[0].seq);
  });

  it('refuses a batch over the limits or of the wrong type, storing nothing', async () => {
    const many = Array.from({ length: 1001 }, (_v, i) => JSON.stringify({ id: `many-${i}`, title: 'x', body: 'y' }));
    const over = await postBatch(many);
    expect(over.status).toBe(413);
    expect(over.body.error.message).toMatch(/1001 lines; the limit is 1000/);
    expect((await getJson('/articles/many-0')).status).toBe(404);
    const wrongType = await request('/articles', { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth() }, body: '[]' });
    expect(wrongType.status).toBe(415);
    expect((await postBatch(['', '  '])).status).toBe(400);
  });
});

describe('change feed', () => {
  it('lists changes after since, oldest first, one per id, paginated', async () => {
    const all = await getJson('/changes?limit=1000', { headers: auth() });
    expect(all.status).toBe(200);
    const seqs = all.body.changes.map((c: { seq: number }) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(all.body.changes.map((c: { id: string }) => c.id)).size).toBe(seqs.length);
    expect(all.body.more).toBe(false);
    const metro = all.body.changes.find((c: { id: string }) => c.id === 'metro-nhon');
    expect(metro).toMatchObject({ op: 'put', article: { title: METRO.title } });
    const page = await getJson('/changes?limit=2&since=0', { headers: auth() });
    expect(page.body.changes).toHaveLength(2);
    expect(page.body.more).toBe(true);
    const next = await getJson(`/changes?limit=2&since=${page.body.next_since}`, { headers: auth() });
    expect(next.body.changes[0].seq).toBeGreaterThan(page.body.next_since);
    expect((await getJson('/changes?since=-1', { headers: auth() })).status).toBe(400);
  });
});
