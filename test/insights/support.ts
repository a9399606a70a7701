/**
 * Helpers of the search-insights request tests (test/insights/, project `worker-insights`).
 * @module
 */
import { env } from 'cloudflare:workers';
import { reset } from 'cloudflare:test';
import { getJson, request } from '../support/helpers.js';
import { EVENT_BUFFER_DEFAULTS } from '../../src/insights/event-buffer.js';
import type { InsightsReport } from '../../src/insights/store.js';

/** Longer than the event buffer's flush delay: after it, every event of earlier requests is stored. */
export const FLUSH_WAIT_MS = EVENT_BUFFER_DEFAULTS.delayMs + 250;

/** The operator token the project configures (vitest.config.mts). */
export const TOKEN = (env as unknown as { INSIGHTS_TOKEN: string }).INSIGHTS_TOKEN;
/** Authorization header with the token. */
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

/** GET /insights as JSON with the token. */
export async function report(params: Record<string, string> = {}): Promise<InsightsReport & { recording: boolean }> {
  const qs = new URLSearchParams(params);
  const { status, body } = await getJson(`/insights${qs.size ? `?${qs}` : ''}`, { headers: AUTH });
  if (status !== 200) throw new Error(`/insights → ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Polls the report until `ready` holds (events are stored after the response), or fails after 20 s:
 * the events reach the insights object 500 ms after the response, but on a loaded 2-core machine
 * running the whole suite the first report of a file (cold objects) has taken over 5 s.
 */
export async function reportWhen(ready: (r: InsightsReport) => boolean, params: Record<string, string> = {}): Promise<InsightsReport> {
  const deadline = Date.now() + 20_000;
  let last: InsightsReport | undefined;
  while (Date.now() < deadline) {
    last = await report(params);
    if (ready(last)) return last;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`the insights never matched; last report: ${JSON.stringify(last?.totals)} top ${JSON.stringify(last?.top_queries)}`);
}

/** Sends a click event like the widget's beacon. */
export function sendClick(event: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return request('/events', { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers }, body: typeof event === 'string' ? event : JSON.stringify(event) });
}

/** A search, asserting a 200. */
export async function searchOk(q: string, params: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<{ total: number; interpreted_as?: string; relaxed?: boolean }> {
  const qs = new URLSearchParams({ q, ...params });
  const { status, body } = await getJson(`/search?${qs}`, { headers });
  if (status !== 200) throw new Error(`search ${qs} → ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Starts a test with empty insights: waits for the flushes earlier tests scheduled (events are sent
 * 500 ms after the response), then deletes the Durable Objects' storage.
 */
export async function freshInsights(): Promise<void> {
  await new Promise((r) => setTimeout(r, FLUSH_WAIT_MS));
  await reset();
}
