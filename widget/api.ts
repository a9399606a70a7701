/**
 * The widget's API client: debounced as-you-type searches against `/search`. Each new keystroke
 * cancels the pending timer and aborts the request in flight (AbortController); a response that is
 * not the latest (by sequence number) is discarded, so results never go back in time.
 * @module
 */
import { parseHalfLife } from '../src/scoring/half-life.js';

/** One hit of `/search` (fields as requested). */
export interface Hit {
  id: string;
  title?: string;
  /** HTML-escaped title with `<mark>` around matches. */
  title_html?: string;
  /** HTML-escaped passage with `<mark>` around matches. */
  snippet?: string;
  date?: string;
  url?: string;
  category?: string;
  author?: string;
}

/** The part of a `/search` response the widget uses. */
export interface SearchResponse {
  query: string;
  total: number;
  /** `gte` when `total` is a lower bound (large archives count exactly up to `track_total_hits`). */
  total_relation?: 'eq' | 'gte';
  interpreted_as?: string;
  relaxed?: boolean;
  hits: Hit[];
}

/** What a search ended with. */
export type Outcome =
  | { ok: true; query: string; data: SearchResponse }
  | { ok: false; query: string; status: number; code: string; message: string };

/** Hit fields the widget asks for. */
export const FIELDS = 'id,title,title_html,snippet,date,url,category';

/** Resolves an endpoint (absolute, or relative to the page) to a base URL without trailing slash. */
export function resolveEndpoint(endpoint: string, base: string): string {
  return new URL(endpoint || '/', base).href.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/**
 * The `/search` URL for an as-you-type query; with `freshness` (a half-life such as `30d`), ranked to
 * prefer recent news. A `freshness` the API would refuse is left out rather than failing every search.
 */
export function searchUrl(endpoint: string, q: string, limit: number, freshness?: string | null): string {
  const p = new URLSearchParams({ q, limit: String(limit), prefix: 'true', fields: FIELDS });
  const f = freshness?.trim();
  if (f && parseHalfLife(f) !== null) p.set('freshness', f);
  return `${endpoint}/search?${p}`;
}

/** Longest query the API accepts (`/search` answers 400 beyond it, so there is nothing to report). */
const MAX_QUERY_LENGTH = 512;

/**
 * Reports a click on a result for the operator's search insights: one small `POST <endpoint>/events`
 * with `navigator.sendBeacon` (survives the navigation the click starts; a text/plain string, so no
 * CORS preflight). Returns whether the browser queued it.
 * @param q the query the results were shown for
 * @param rank 1-based position of the clicked result
 */
export function reportClick(endpoint: string, q: string, rank: number, beacon?: (url: string, data: string) => boolean): boolean {
  if (!q.trim() || q.length > MAX_QUERY_LENGTH) return false;
  const send = beacon ?? (typeof navigator !== 'undefined' && navigator.sendBeacon ? (u: string, d: string) => navigator.sendBeacon(u, d) : null);
  if (!send) return false;
  try {
    return send(`${endpoint}/events`, JSON.stringify({ type: 'click', q, rank }));
  } catch {
    return false;
  }
}

/** Debounced, cancellable, in-order searches. */
export class SearchClient {
  /** Sequence number of the latest search asked for; older responses are dropped. */
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  /**
   * @param url builds the request URL of a query (read at request time, so attributes can change)
   * @param report receives the outcome of the latest search only
   * @param delay debounce delay in milliseconds
   * @param fetcher `fetch` (injectable for tests)
   */
  constructor(
    private readonly url: (q: string) => string,
    private readonly report: (outcome: Outcome) => void,
    private readonly delay = 150,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Schedules a search for `q` after the debounce delay (at once with `immediate`). */
  search(q: string, immediate = false): void {
    const seq = ++this.seq;
    clearTimeout(this.timer);
    if (immediate) void this.run(q, seq);
    else this.timer = setTimeout(() => void this.run(q, seq), this.delay);
  }

  /** Drops the pending search and aborts the one in flight. */
  cancel(): void {
    this.seq++;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Whether `seq` is still the latest search. */
  private current(seq: number): boolean {
    return seq === this.seq;
  }

  private async run(q: string, seq: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let outcome: Outcome;
    try {
      const res = await this.fetcher(this.url(q), { signal: controller.signal, headers: { Accept: 'application/json' } });
      const body = await res.json().catch(() => null);
      if (res.ok && body && Array.isArray(body.hits)) outcome = { ok: true, query: q, data: body as SearchResponse };
      else outcome = { ok: false, query: q, status: res.status, code: body?.error?.code ?? 'bad_response', message: body?.error?.message ?? `HTTP ${res.status}` };
    } catch (e) {
      if (controller.signal.aborted) return;
      outcome = { ok: false, query: q, status: 0, code: 'network_error', message: e instanceof Error ? e.message : String(e) };
    }
    if (this.controller === controller) this.controller = undefined;
    if (this.current(seq)) this.report(outcome);
  }
}
