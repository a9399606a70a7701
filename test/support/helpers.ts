/**
 * Helpers for request-level tests running inside workerd.
 * @module
 */
import { env, exports } from 'cloudflare:workers';

/** Sends a request to the Worker under test. */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return (exports as unknown as { default: { fetch(r: Request): Promise<Response> } }).default.fetch(new Request(`http://localhost${path}`, init));
}

/** GETs a path and parses JSON, asserting nothing. */
export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; res: Response }> {
  const res = await request(path, init);
  const text = await res.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: res.status, body, res };
}

/** Searches and returns the parsed body. */
export async function search(params: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
  const { status, body } = await getJson(`/search?${qs}`);
  if (status !== 200) throw new Error(`search ${qs} → ${status} ${JSON.stringify(body)}`);
  return body as { query: string; total: number; took_ms: number; interpreted_as?: string; hits: Array<{ id: string; title: string; title_html: string; snippet: string; score: number; date?: string; url?: string; category?: string }>; facets?: Record<string, Record<string, number>> };
}

/** Number of shards the fixture index of this test project has. */
export const expectedShards = Number((env as unknown as { EXPECTED_SHARDS?: string }).EXPECTED_SHARDS ?? '1');
