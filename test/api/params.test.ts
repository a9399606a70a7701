import { describe, expect, it } from 'vitest';
import { getJson, search } from '../support/helpers.js';

// Hand-checked facts about test/fixtures/api-corpus.jsonl (8 articles):
// "Hà Nội" appears in tt-01, tt-02, tt-03, kd-01, xh-01; categories the-thao 3, kinh-doanh 1, xa-hoi 1;
// years 2019: tt-01; 2020: tt-02, kd-01; 2021: tt-03, xh-01. xh-02 has no date.
const HA_NOI = ['kd-01', 'tt-01', 'tt-02', 'tt-03', 'xh-01'];

describe('filters, facets, sorting', () => {
  it('facets=category,year count the matching articles', async () => {
    const r = await search({ q: 'hà nội', facets: 'category,year', limit: 50 });
    expect(r.hits.map((h) => h.id).sort()).toEqual(HA_NOI);
    expect(r.total).toBe(5);
    expect(r.facets).toEqual({ category: { 'the-thao': 3, 'kinh-doanh': 1, 'xa-hoi': 1 }, year: { '2019': 1, '2020': 2, '2021': 2 } });
  });

  it('facets follow the filters', async () => {
    const r = await search({ q: 'hà nội', facets: 'category', category: 'the-thao' });
    expect(r.total).toBe(3);
    expect(r.facets).toEqual({ category: { 'the-thao': 3 } });
  });

  it('from/to are inclusive ISO dates and exclude undated articles', async () => {
    const r = await search({ q: 'hà nội', from: '2020-01-01', to: '2020-12-31', limit: 50 });
    expect(r.hits.map((h) => h.id).sort()).toEqual(['kd-01', 'tt-02']);
    const edge = await search({ q: 'hà nội', from: '2019-01-15', to: '2019-01-15' });
    expect(edge.hits.map((h) => h.id)).toEqual(['tt-01']);
  });

  it('category is repeatable and comma-separated', async () => {
    const a = await search({ q: 'hà nội', limit: 50, category: 'kinh-doanh,xa-hoi' });
    const { body } = await getJson('/search?q=h%C3%A0+n%E1%BB%99i&limit=50&category=kinh-doanh&category=xa-hoi');
    expect(a.hits.map((h) => h.id).sort()).toEqual(['kd-01', 'xh-01']);
    expect(body.hits.map((h: { id: string }) => h.id).sort()).toEqual(['kd-01', 'xh-01']);
  });

  it('browses by filter with an empty q, and sorts by date with undated last', async () => {
    const r = await search({ category: 'kinh-doanh', sort: 'date:desc' });
    expect(r.hits.map((h) => h.id)).toEqual(['kd-02', 'kd-01', 'kd-03']);
    const asc = await search({ category: 'kinh-doanh', sort: 'date:asc' });
    expect(asc.hits.map((h) => h.id)).toEqual(['kd-03', 'kd-01', 'kd-02']);
    for (const sort of ['date:desc', 'date:asc']) {
      const x = await search({ category: 'xa-hoi', sort });
      expect(x.hits.map((h) => h.id)).toEqual(['xh-01', 'xh-02']);
    }
    // Case does not matter.
    expect((await search({ category: 'kinh-doanh', sort: 'DATE:Desc' })).hits.map((h) => h.id)).toEqual(['kd-02', 'kd-01', 'kd-03']);
  });

  it('refuses the bare date and -date, whose meaning differs between APIs, naming the spellings to use', async () => {
    for (const sort of ['date', '-date', '+date', 'Date']) {
      const { status, body } = await getJson(`/search?category=kinh-doanh&sort=${encodeURIComponent(sort)}`);
      expect(status, sort).toBe(400);
      expect(body.error.code, sort).toBe('invalid_parameter');
      expect(body.error.message, sort).toMatch(/sort=date:desc for newest first or sort=date:asc for oldest first/);
    }
  });

  it('fields selects returned fields; highlight=false removes marks', async () => {
    const r = await search({ q: 'hà nội', fields: 'id,title', limit: 2 });
    for (const h of r.hits) expect(Object.keys(h).sort()).toEqual(['id', 'title']);
    const plain = await search({ q: 'hà nội', highlight: 'false', limit: 5 });
    for (const h of plain.hits) expect(h.snippet + h.title_html).not.toContain('<mark>');
    const marked = await search({ q: 'hà nội', limit: 5 });
    expect(marked.hits.some((h) => h.snippet.includes('<mark>'))).toBe(true);
    // The same passages, only without marks.
    expect(plain.hits.map((h) => h.snippet)).toEqual(marked.hits.map((h) => h.snippet.replace(/<\/?mark>/g, '')));
  });

  it('page is an alternative to offset', async () => {
    const p2 = await search({ q: 'hà nội', limit: 2, page: 2 });
    const o2 = await search({ q: 'hà nội', limit: 2, offset: 2 });
    expect(p2.hits.map((h) => h.id)).toEqual(o2.hits.map((h) => h.id));
    expect(p2.hits.length).toBe(2);
  });

  it('rejects bad filter values with actionable messages', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/search?q=x&from=2020-13-01', /from must be an ISO date/],
      ['/search?q=x&to=yesterday', /to must be an ISO date/],
      ['/search?q=x&from=2021-01-01&to=2020-01-01', /from is after to/],
      ['/search?q=x&sort=newest', /sort must be relevance, date:desc \(newest first\) or date:asc \(oldest first\)/],
      ['/search?q=x&facets=author', /facets accepts category, year/],
      ['/search?q=x&fields=password', /fields accepts/],
      ['/search?q=x&highlight=maybe', /highlight must be true or false/],
      ['/search?sort=date:desc', /Give a query in q/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(400);
      expect(body.error.message, path).toMatch(message);
    }
  });
});

describe('GET /articles/:id', () => {
  it('returns metadata and full text', async () => {
    const { status, body } = await getJson('/articles/kd-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'kd-01', category: 'kinh-doanh', date: '2020-05-05', url: 'https://example.vn/kd-01', title: 'Giá vàng tăng mạnh tại Hà Nội' });
    expect(body.body).toContain('SJC');
  });
  it('404s with JSON for an unknown id', async () => {
    const { status, body } = await getJson('/articles/nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('article_not_found');
  });
});
