import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { encodeComponent } from '../support/fuzz-http.js';

type WorkerEnv = Parameters<ReturnType<typeof createApp>['fetch']>[1];

/** Fetches through a fresh app with some bindings overridden (e.g. CORS_ORIGINS). */
async function fetchWith(app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}, vars: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://localhost${path}`, init), { ...(env as object), REQUEST_LOG: 'off', ...vars } as WorkerEnv, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, text };
}

const app = createApp();
const ATTACKS = ['<img src=x onerror=alert(1)> hà nội', '<script>alert(1)</script>', '"><svg onload=alert(1)> đà nẵng', "'';!--\"<XSS>=&{()}", '</mark><b>x</b>'];

describe('HTML in queries and parameters is never echoed as markup', () => {
  for (const q of ATTACKS) {
    for (const [name, value] of [['', ''], ['highlight', 'false'], ['limit', '<script>'], ['sort', '<img src=x>'], ['fields', '<b>']]) {
      const extra = name ? `&${name}=${encodeComponent(value)}` : '';
      it(`q=${q.slice(0, 30)}${extra}`, async () => {
        const { res, text } = await fetchWith(app, `/search?q=${encodeComponent(q)}${extra}`);
        expect(res.status).toBeLessThan(500);
        // Byte level: no raw angle brackets or ampersands anywhere in the JSON text.
        expect(text).not.toMatch(/[<>&]/);
        const body = JSON.parse(text);
        if (res.status !== 200) {
          expect(body.error.message.length).toBeGreaterThan(10);
          return;
        }
        expect(body.query).toBe(q.trim()); // plain text, unchanged once parsed
        for (const h of body.hits as Array<{ title_html?: string; snippet?: string }>) {
          for (const html of [h.title_html ?? '', h.snippet ?? '']) {
            // Parsed HTML fields: only <mark>…</mark> is markup; everything else is escaped.
            expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
          }
        }
      });
    }
  }

  it('a query about the article that quotes <script>alert(1)</script> gets it escaped in the snippet', async () => {
    const { text } = await fetchWith(app, '/search?q=script+alert&limit=3');
    const body = JSON.parse(text);
    const hit = body.hits.find((h: { id: string }) => h.id === 'sample-08-website-bi-chen-ma-doc-xss');
    expect(hit.snippet).toContain('&lt;<mark>script</mark>&gt;');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('suggestions (when mounted) escape HTML too', async () => {
    const { res, text } = await fetchWith(app, `/suggest?q=${encodeComponent('<img src=x onerror=alert(1)> ha')}`);
    if (res.status === 404) return;
    expect(res.status).toBe(200);
    expect(text).not.toMatch(/[<>&]/);
    for (const s of JSON.parse(text).suggestions as Array<{ html: string }>) expect(s.html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('no stack traces or internal paths in responses', () => {
  const leaky = createApp();
  leaky.get('/__boom', () => { throw new TypeError('secret at /work/main/src/engine/x.ts:12:34'); });

  it('an unexpected exception is a generic 500 JSON error without its message or stack', async () => {
    const { res, text } = await fetchWith(leaky, '/__boom');
    expect(res.status).toBe(500);
    const body = JSON.parse(text);
    expect(body.error.code).toBe('internal_error');
    expect(text).not.toMatch(/secret|\/work\/|\.ts:\d+|TypeError|\n\s+at /);
  });

  for (const path of ['/nope', '/search', '/search?q=x&limit=abc', '/search?q=%FF%FE&offset=-1', '/articles/%E0%A4%A', '/search?q=' + 'a'.repeat(600), '/health', '/openapi.json', '/search?q=x&from=2024-02-30']) {
    it(`${path.slice(0, 50)} reveals no internals`, async () => {
      const { res, text } = await fetchWith(app, path);
      expect(res.status).toBeLessThan(500);
      expect(text).not.toMatch(/\n\s+at |\bat \S+ \(|\.(ts|js|mjs):\d+|\/work\/|node_modules|file:\/\/|Error:/);
    });
  }
});

describe('CORS with an allow-list (CORS_ORIGINS binding)', () => {
  const vars = { CORS_ORIGINS: 'https://a.example, https://b.example' };

  it('allows a listed origin, and says the answer varies by Origin', async () => {
    const { res } = await fetchWith(app, '/search?q=ha+noi', { headers: { Origin: 'https://b.example' } }, vars);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(res.headers.get('vary') ?? '').toMatch(/origin/i);
  });

  for (const origin of ['https://evil.example', 'https://a.example.evil.com', 'http://a.example', 'null', 'https://A.EXAMPLE', 'https://a.example/', '*']) {
    it(`does not reflect ${origin}`, async () => {
      const { res } = await fetchWith(app, '/search?q=ha+noi', { headers: { Origin: origin } }, vars);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetchWith(app, '/search?q=x', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } }, vars);
      expect(pre.res.headers.get('access-control-allow-origin')).toBeNull();
    });
  }

  it('never allows credentials, even for a listed origin', async () => {
    const { res } = await fetchWith(app, '/search?q=ha+noi', { headers: { Origin: 'https://a.example' } }, vars);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
