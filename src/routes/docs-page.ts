/**
 * `GET /docs`: human-readable API documentation rendered on the server from the OpenAPI document
 * (self-contained HTML: no CDN, works offline and under a strict CSP).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { escapeHtml } from '../engine/html-escape.js';
import type { AppEnv } from '../http/app-env.js';
import { OPENAPI_INFO } from './openapi.js';

interface Param { name: string; in: string; description?: string; example?: unknown; required?: boolean }
interface Schema { $ref?: string; properties?: Record<string, { example?: unknown }> }
interface Media { schema?: Schema; example?: unknown }
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Param[];
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
  requestBody?: { content?: Record<string, Media> };
}
interface Doc { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }

/**
 * An example body for an operation: the first media type with an example of its own, else a JSON body
 * made of the request schema's properties that have an example. `null` when the operation takes none.
 */
function exampleBody(op: Operation, doc: Doc): { type: string; body: string } | null {
  const content = op.requestBody?.content ?? {};
  const withExample = Object.entries(content).find(([, m]) => m.example !== undefined);
  if (withExample) return { type: withExample[0], body: JSON.stringify(withExample[1].example) };
  let schema = content['application/json']?.schema;
  if (schema?.$ref) schema = doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''];
  if (!schema?.properties) return null;
  const example = Object.fromEntries(Object.entries(schema.properties).filter(([, p]) => p.example !== undefined).map(([k, p]) => [k, p.example]));
  return { type: 'application/json', body: JSON.stringify(example) };
}

const STYLE = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
main{max-width:960px;margin:0 auto;padding:32px 20px 64px}h1{font-size:28px;margin:0 0 8px}h2{margin:40px 0 8px;font-size:20px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:14px}pre{background:#1d2330;color:#e8ecf3;padding:12px 14px;border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere}
.op{background:#fff;border:1px solid #e3e6ec;border-radius:10px;padding:16px 20px;margin:18px 0}.verb{display:inline-block;background:#0b7a53;color:#fff;border-radius:6px;padding:2px 8px;font-weight:600;margin-right:8px}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-top:1px solid #eef0f4;vertical-align:top}th{color:#5b6474;font-weight:600}
a{color:#0b5cad}`;

/** Renders the docs page from an OpenAPI document. */
export function renderDocs(doc: Doc, origin: string): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const section = ({ path, method, op }: { path: string; method: string; op: Operation }) => {
    const params = op.parameters ?? [];
    const example = params.filter((p) => p.in === 'query' && p.example !== undefined && ['q', 'limit'].includes(p.name))
      .map((p) => `${p.name}=${encodeURIComponent(String(p.example))}`).join('&');
    const examplePath = path.replace(/\{(\w+)\}/g, (_m, n) => String(params.find((p) => p.name === n)?.example ?? n));
    const body = exampleBody(op, doc);
    const auth = op.security?.length ? `-H "Authorization: Bearer $TOKEN" ` : '';
    const send = body !== null ? `-X ${method.toUpperCase()} -H 'content-type: ${body.type}' -d '${body.body.replace(/'/g, "'\\''")}' ` : method === 'get' ? '' : `-X ${method.toUpperCase()} `;
    const curl = `curl ${auth}${send}'${origin}${examplePath}${example ? `?${example}` : ''}'`;
    return `<section class="op"><h2 id="${escapeHtml(method + path)}"><span class="verb">${method.toUpperCase()}</span><code>${escapeHtml(path)}</code></h2>
<p><strong>${escapeHtml(op.summary ?? '')}</strong> ${escapeHtml(op.description ?? '')}</p>
${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Description</th><th>Example</th></tr>${params.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' *' : ''}</td><td>${escapeHtml(p.in)}</td><td>${escapeHtml(p.description ?? '')}</td><td><code>${escapeHtml(p.example === undefined ? '' : String(p.example))}</code></td></tr>`).join('')}</table>` : ''}
<table><tr><th>Status</th><th>Meaning</th></tr>${Object.entries(op.responses ?? {}).map(([s, r]) => `<tr><td><code>${escapeHtml(s)}</code></td><td>${escapeHtml(r.description ?? '')}</td></tr>`).join('')}</table>
<pre>${escapeHtml(curl)}</pre></section>`;
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(OPENAPI_INFO.info.title)} — docs</title><style>${STYLE}</style></head><body><main>
<h1>${escapeHtml(OPENAPI_INFO.info.title)}</h1><p>${escapeHtml(OPENAPI_INFO.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors: <code>{ "error": { "code", "message" } }</code>.</p>
<nav><ul>${ops.map(({ path, method }) => `<li><a href="#${escapeHtml(method + path)}">${method.toUpperCase()} ${escapeHtml(path)}</a></li>`).join('')}</ul></nav>
${ops.map(section).join('\n')}</main></body></html>`;
}

/** Registers `/docs`, documenting the routes registered on `app`. */
export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/docs', (c) => {
    const doc = app.getOpenAPI31Document({ ...OPENAPI_INFO }) as unknown as Doc;
    return c.html(renderDocs(doc, new URL(c.req.url).origin));
  });
  return app;
}
