/**
 * Helpers for request-level tests of the write API (workerd projects with an INGEST_TOKEN).
 * @module
 */
import { env } from 'cloudflare:workers';
import { getJson, request } from './helpers.js';

/** The token the test project configures. */
export const TOKEN = (env as unknown as { INGEST_TOKEN?: string }).INGEST_TOKEN ?? '';

/** Authorization header of the operator. */
export const auth = (token = TOKEN): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** PUTs an article as JSON. */
export function putArticle(id: string, article: unknown, headers: Record<string, string> = auth()) {
  return getJson(`/articles/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(article) });
}

/** DELETEs an article. */
export function deleteArticle(id: string, headers: Record<string, string> = auth()) {
  return getJson(`/articles/${encodeURIComponent(id)}`, { method: 'DELETE', headers });
}

/** POSTs a batch of JSON Lines; returns the parsed result lines. */
export async function postBatch(lines: string[], headers: Record<string, string> = auth()) {
  const res = await request('/articles', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson', ...headers }, body: lines.join('\n') });
  const text = await res.text();
  let results: any[] = [];
  let body: any = null;
  if ((res.headers.get('content-type') ?? '').includes('ndjson')) results = text.trim().split('\n').map((l) => JSON.parse(l));
  else body = JSON.parse(text);
  return { status: res.status, results, body };
}
