/**
 * `<vn-related>`'s API client: one `GET /articles/:id/related` per article shown; a newer request
 * aborts the one in flight, so a list never shows an older article's answer.
 * @module
 */
import type { Hit } from './api.js';

/** One related article (the fields `<vn-related>` uses). */
export interface RelatedHit extends Hit {
  /** Ids of other copies of the same story, collapsed into this one. */
  duplicates?: string[];
}

/** The part of a `/articles/:id/related` response the element uses. */
export interface RelatedResponse {
  article: { id: string; title: string };
  duplicates: string[];
  hits: RelatedHit[];
}

/** Options of a related request. */
export interface RelatedOptions {
  limit: number;
  recent: boolean;
  /** Comma-separated categories ('' for any). */
  category: string;
}

/** What a related request ended with. */
export type RelatedOutcome =
  | { ok: true; articleId: string; data: RelatedResponse }
  | { ok: false; articleId: string; status: number; code: string; message: string };

/** The `/articles/:id/related` URL. */
export function relatedUrl(endpoint: string, articleId: string, o: RelatedOptions): string {
  const p = new URLSearchParams({ limit: String(o.limit) });
  if (o.recent) p.set('recent', 'true');
  if (o.category) p.set('category', o.category);
  return `${endpoint}/articles/${encodeURIComponent(articleId)}/related?${p}`;
}

/** Fetches related lists, the latest request only. */
export class RelatedClient {
  private controller: AbortController | undefined;

  /**
   * @param report receives the outcome of the latest request only
   * @param fetcher `fetch` (injectable for tests)
   */
  constructor(private readonly report: (o: RelatedOutcome) => void, private readonly fetcher: typeof fetch = (...args) => fetch(...args)) {}

  /** Loads `url` for `articleId`, aborting any request in flight. */
  async load(url: string, articleId: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let outcome: RelatedOutcome;
    try {
      const res = await this.fetcher(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      const body = await res.json().catch(() => null);
      if (res.ok && body && Array.isArray(body.hits)) outcome = { ok: true, articleId, data: body as RelatedResponse };
      else outcome = { ok: false, articleId, status: res.status, code: body?.error?.code ?? 'bad_response', message: body?.error?.message ?? `HTTP ${res.status}` };
    } catch (e) {
      if (controller.signal.aborted) return;
      outcome = { ok: false, articleId, status: 0, code: 'network_error', message: e instanceof Error ? e.message : String(e) };
    }
    if (this.controller !== controller) return;
    this.controller = undefined;
    this.report(outcome);
  }

  /** Aborts the request in flight. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
