import { describe, expect, it } from 'vitest';
import { getJson, request } from '../support/helpers.js';

describe('OpenAPI 3.1 document', () => {
  it('is valid OpenAPI 3.1 and documents every route and error', async () => {
    const { status, body } = await getJson('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.info.title).toBeTruthy();
    for (const [path, item] of Object.entries<any>(body.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        expect(['get', 'put', 'delete', 'post'], `${method} ${path}`).toContain(method);
        expect(op.responses['200'] ?? op.responses['204'], `${path} 200/204`).toBeDefined();
        // Reads are public, and so are widget click reports (POST /events) and POST /related (it only
        // reads); everything else is an operator route with the bearer scheme and its 401/403.
        if ((method !== 'get' || path === '/changes' || path === '/insights') && path !== '/events' && path !== '/related') {
          expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
          expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
        } else {
          expect(op.security, `${method} ${path} is public`).toEqual([]);
        }
        expect(op.responses['503'], `${path} 503`).toBeDefined();
        for (const p of op.parameters ?? []) expect(['query', 'path']).toContain(p.in);
      }
    }
    expect(body.components.schemas.Error).toBeDefined();
    expect(Object.keys(body.paths['/search'].get.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '429', '503']));
  });

  it('matches the routes the Worker serves, parameter for parameter', async () => {
    const { body } = await getJson('/openapi.json');
    const params = body.paths['/search'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params).toEqual(['category', 'facets', 'fields', 'freshness', 'from', 'highlight', 'limit', 'offset', 'page', 'prefix', 'q', 'sort', 'to', 'track_total_hits']);
    for (const [path, item] of Object.entries<any>(body.paths)) {
      const concrete = path.replace('{id}', 'kd-01');
      if (path === '/events') {
        const res = await request(concrete, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"type":"click","q":"hà","rank":1}' });
        expect(res.status, `POST ${concrete} is served`).toBe(204);
        continue;
      }
      if (!item.get) continue;
      const q = path === '/search' || path === '/suggest' ? '?q=h%C3%A0' : '';
      const res = await request(concrete + q);
      // This project sets no INGEST_TOKEN or INSIGHTS_TOKEN: operator reads are served, switched off.
      expect(res.status, `${concrete} is served`).toBe(item.get.security?.length ? 403 : 200);
    }
    const draft = await request('/related', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Hà Nội' }) });
    expect(draft.status, 'POST /related is served').toBe(200);
    // And an unknown path is not.
    expect((await request('/undocumented')).status).toBe(404);
  });

  it('has a human docs page', async () => {
    const res = await request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/search');
    expect(html).toContain('curl');
  });
});
