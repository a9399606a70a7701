/**
 * HTML-safe JSON: `<`, `>` and `&` in JSON responses are written as `\u003c`, `\u003e`, `\u0026`
 * (and U+2028/U+2029 as `\u2028`/`\u2029`). The parsed values are unchanged, but no response text
 * ever contains markup an attacker typed into a query or parameter (`q=<img src=x onerror=…>` is
 * echoed in `query` and in error messages), so a JSON body that is sniffed as HTML, pasted into a
 * page or inlined in a `<script>` block cannot execute it. Fields documented as plain text (`query`,
 * `title`, `text`, error messages) are still plain text: clients must escape them before inserting
 * them as HTML; the `*_html` fields and `snippet` are escaped HTML with `<mark>` only.
 * @module
 */
import type { MiddlewareHandler } from 'hono';

const UNSAFE = /[<>&\u2028\u2029]/g;
const HAS_UNSAFE = /[<>&\u2028\u2029]/;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * Escapes HTML-significant characters of a JSON text. Valid on any JSON text: `<`, `>`, `&`,
 * U+2028 and U+2029 can only occur inside strings, where the `\u` escapes mean the same character.
 */
export function htmlSafeJson(json: string): string {
  return HAS_UNSAFE.test(json) ? json.replace(UNSAFE, (c) => ESCAPES[c]) : json;
}

/** Middleware rewriting JSON response bodies with {@link htmlSafeJson} (status and headers kept). */
export function htmlSafeJsonResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(res.headers.get('content-type') ?? '')) return;
    const text = await res.text();
    const safe = htmlSafeJson(text);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    c.res = undefined;
    c.res = new Response(safe, { status: res.status, statusText: res.statusText, headers });
  };
}
