/**
 * Related articles against test/fixtures/related-corpus.jsonl (15 hand-written articles, 2 shards
 * served by Durable Objects): three stories (metro, gold price, U23 football) and unrelated others;
 * f-01-copy is an exact copy of f-01, m-03-reprint a newer reprint of m-03 (extra sentence, new
 * headline and lead); g-01 and g-02 share the headline "Giá vàng tăng trở lại" but are different
 * stories.
 */
import { describe, expect, it } from 'vitest';
import { ArticleRelatedResponseSchema, DraftRelatedResponseSchema, MAX_DRAFT_BYTES } from '../../src/routes/related.js';
import { getJson, request } from '../support/helpers.js';

interface Hit { id: string; title: string; title_html: string; snippet: string; score: number; date?: string; category?: string; duplicates?: string[] }
interface Related { article?: { id: string; title: string }; took_ms: number; limit: number; duplicates: string[]; hits: Hit[] }

async function related(id: string, params: Record<string, string> = {}): Promise<Related> {
  const qs = new URLSearchParams(params).toString();
  const { status, body } = await getJson<Related>(`/articles/${encodeURIComponent(id)}/related${qs ? `?${qs}` : ''}`);
  if (status !== 200) throw new Error(`related ${id} ${qs} → ${status} ${JSON.stringify(body)}`);
  expect(ArticleRelatedResponseSchema.safeParse(body).success).toBe(true);
  return body;
}

function post(draft: unknown, init: RequestInit = {}) {
  return request('/related', { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof draft === 'string' ? draft : JSON.stringify(draft), ...init });
}

const ids = (r: Related) => r.hits.map((h) => h.id);

describe('GET /articles/:id/related', () => {
  it('lists the other articles of the story first and never the article itself', async () => {
    const r = await related('f-02');
    expect(r.article).toEqual({ id: 'f-02', title: 'Huấn luyện viên U23 Việt Nam chốt danh sách dự vòng loại U23 châu Á' });
    expect(r.limit).toBe(5);
    expect(ids(r).slice(0, 2).sort()).toEqual(['f-01', 'f-03']);
    expect(ids(r)).not.toContain('f-02');
    for (const h of r.hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.title_html).not.toContain('<mark>');
    }
    expect(r.hits[0].score).toBeGreaterThanOrEqual(r.hits[1].score);
  });

  it('leaves out copies of the article and names them in duplicates', async () => {
    const r = await related('f-01');
    expect(r.duplicates).toEqual(['f-01-copy']);
    expect(ids(r)).not.toContain('f-01');
    expect(ids(r)).not.toContain('f-01-copy');
    expect(ids(r).slice(0, 2).sort()).toEqual(['f-02', 'f-03']);
    const copy = await related('f-01-copy');
    expect(copy.duplicates).toEqual(['f-01']);
    expect(ids(copy)).toEqual(ids(r));
  });

  it('collapses copies of one story to the newest, listing the other copies', async () => {
    const r = await related('m-01');
    expect(ids(r)).toContain('m-02');
    expect(ids(r)).toContain('m-03-reprint'); // 2024-08-09, a day newer than m-03
    expect(ids(r)).not.toContain('m-03');
    expect(r.hits.find((h) => h.id === 'm-03-reprint')!.duplicates).toEqual(['m-03']);
    // Of an exact copy, one is shown (equal dates: the better-scoring one) and the other named.
    const f = await related('f-02');
    const copies = f.hits.filter((h) => h.id === 'f-01' || h.id === 'f-01-copy');
    expect(copies).toHaveLength(1);
    expect(copies[0].duplicates).toEqual([copies[0].id === 'f-01' ? 'f-01-copy' : 'f-01']);
  });

  it('treats a near-duplicate reprint of the article as a copy of it', async () => {
    const r = await related('m-03');
    expect(r.duplicates).toEqual(['m-03-reprint']);
    expect(ids(r)).not.toContain('m-03-reprint');
    expect(ids(r).sort()).toEqual(expect.arrayContaining(['m-01', 'm-02']));
  });

  it('finds an article with the same headline that tells another story, without collapsing it', async () => {
    const a = await related('g-01');
    const b = await related('g-02');
    expect(ids(a)).toContain('g-02');
    expect(ids(b)).toContain('g-01');
    expect(a.duplicates).toEqual([]);
    expect(a.hits.every((h) => !h.duplicates)).toBe(true);
  });

  it('limit caps the list; it is 1–20', async () => {
    expect((await related('g-01', { limit: '1' })).hits).toHaveLength(1);
    expect((await related('g-01', { limit: '20' })).limit).toBe(20);
    for (const bad of ['0', '21', 'abc', '1.5']) {
      const { status, body } = await getJson(`/articles/g-01/related?limit=${bad}`);
      expect(status, bad).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toContain('limit');
    }
  });

  it('filters by category and date like /search', async () => {
    const sport = await related('g-01', { category: 'the-thao' });
    expect(sport.hits.every((h) => h.category === 'the-thao')).toBe(true);
    const later = await related('g-01', { from: '2024-06-01' });
    expect(ids(later).sort()).toEqual(['g-02', 'g-04']);
    const window = await related('g-01', { from: '2024-05-01', to: '2024-05-31' });
    expect(ids(window)).toEqual(['g-03']);
    const { status, body } = await getJson('/articles/g-01/related?from=2024-06-01&to=2024-01-01');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/from is after to/);
  });

  it('recent=true puts newer articles first among comparable scores', async () => {
    const plain = await related('g-01');
    expect(ids(plain).slice(0, 2)).toEqual(['g-02', 'g-04']);
    const recent = await related('g-01', { recent: 'true' });
    expect(ids(recent).slice(0, 2)).toEqual(['g-04', 'g-02']); // g-04: 2024-10-30, within 20% of g-02's score
    expect(ids(recent).sort()).toEqual(ids(plain).sort());
    // A much better match stays first however old it is.
    const m = await related('m-01', { recent: 'true' });
    expect(ids(m)[0]).toBe('m-02');
  });

  it('answers 404 JSON for an unknown id', async () => {
    const { status, body } = await getJson('/articles/khong-co/related');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'article_not_found', message: expect.stringContaining('khong-co') } });
  });

  it('supports ETag revalidation like the other query routes', async () => {
    const first = await request('/articles/g-01/related?limit=3');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.arrayBuffer();
    const again = await request('/articles/g-01/related?limit=3', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('POST /related (drafts)', () => {
  it('finds what the archive has on a draft, with copies of it in duplicates', async () => {
    const res = await post({
      title: 'Metro Nhổn - ga Hà Nội chạy thương mại',
      lead: 'Tuyến đường sắt đô thị đầu tiên của Hà Nội đón khách.',
      body: 'Sáng 8/8, tuyến đường sắt đô thị Nhổn - ga Hà Nội chính thức vận hành thương mại đoạn trên cao dài 8,5 km với 8 nhà ga từ Nhổn đến Cầu Giấy. Ban Quản lý đường sắt đô thị Hà Nội cho biết mỗi ngày tuyến metro chạy 224 chuyến từ 5 giờ 30 đến 22 giờ, giãn cách 10 phút một chuyến. Trong 15 ngày đầu, hành khách được đi tàu miễn phí để làm quen với hệ thống soát vé tự động bằng thẻ. Công ty Đường sắt Hà Nội đã tuyển dụng và đào tạo hơn 600 nhân viên lái tàu, điều độ và phục vụ nhà ga. Đoạn đi ngầm từ Kim Mã đến ga Hà Nội dự kiến hoàn thành năm 2027.',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Related;
    expect(DraftRelatedResponseSchema.safeParse(body).success).toBe(true);
    expect(body.article).toBeUndefined();
    expect(body.duplicates.sort()).toEqual(['m-03', 'm-03-reprint']);
    expect(ids(body).slice(0, 2).sort()).toEqual(['m-01', 'm-02']);
  });

  it('works from a headline alone, with filters and limit', async () => {
    const res = await post({ title: 'Giá vàng miếng SJC tăng', limit: 2, category: ['kinh-doanh'], recent: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Related;
    expect(body.hits).toHaveLength(2);
    expect(body.hits.every((h) => h.category === 'kinh-doanh')).toBe(true);
    expect(body.limit).toBe(2);
  });

  it('answers 400 with what to fix for bad drafts', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /title/],
      [{ title: '   ' }, /title is empty/],
      [{ title: 42 }, /title must be a string/],
      [{ title: 'Giá vàng', body: ['x'] }, /body must be a string/],
      [{ title: 'Giá vàng', limit: 0 }, /limit must be a whole number from 1 to 20/],
      [{ title: 'Giá vàng', limit: 'five' }, /limit/],
      [{ title: 'Giá vàng', recent: 'yes' }, /recent must be true or false/],
      [{ title: 'Giá vàng', from: 'hôm qua' }, /from must be an ISO date/],
      [{ title: 'Giá vàng', from: '2024-06-01', to: '2024-01-01' }, /from is after to/],
      [{ title: 'x'.repeat(1001) }, /title is longer than 1,000 characters/],
    ];
    for (const [draft, message] of cases) {
      const res = await post(draft);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, JSON.stringify(draft).slice(0, 60)).toBe(400);
      expect(body.error.message).toMatch(message);
    }
  });

  it('answers 400 for broken JSON, 415 for another content type and 413 over the size limit', async () => {
    const broken = await post('{"title": "Giá vàng"');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const text = await post('title=Giá vàng', { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'unsupported_media_type', message: expect.stringContaining('Content-Type: application/json') });
    const huge = await post({ title: 'Giá vàng', body: 'vàng '.repeat(MAX_DRAFT_BYTES / 4) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('is allowed cross-origin (CORS preflight for POST)', async () => {
    const res = await request('/related', { method: 'OPTIONS', headers: { Origin: 'https://cms.example.vn', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('OpenAPI', () => {
  it('documents both routes with their parameters, body and errors', async () => {
    const { body } = await getJson('/openapi.json');
    const get = body.paths['/articles/{id}/related'].get;
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['category', 'from', 'id', 'limit', 'recent', 'to']);
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '404', '429', '503']));
    const postOp = body.paths['/related'].post;
    expect(postOp.requestBody.content['application/json']).toBeDefined();
    expect(Object.keys(postOp.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415', '429', '503']));
    expect(body.components.schemas.Draft.required).toEqual(['title']);
  });
});

describe('GET /docs', () => {
  it('shows a working curl for the draft route', async () => {
    const html = await (await request('/docs')).text();
    expect(html).toContain('POST</span><code>/related</code>');
    expect(html).toMatch(/curl -X POST -H &#39;content-type: application\/json&#39; -d &#39;\{&quot;title&quot;:/);
  });
});
