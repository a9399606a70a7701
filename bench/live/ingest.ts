/**
 * Writing articles through the API the way a newsroom's CMS would (`PUT /articles/:id`, a few at a
 * time), and checking how soon each acknowledged article can be found by a search for its headline.
 * @module
 */
import { cleanLine, cleanText } from '../../src/analyzer/clean-text.js';
import type { BaomoiArticle } from '../lib/baomoi.js';
import { pool, searchUrl, timed } from './http.js';

/** Options of {@link ingest}. */
export interface IngestOptions {
  url: string;
  token: string;
  concurrency: number;
  /**
   * After every `probeEvery`-th acknowledgement (0: none), search for the headline until the
   * article is found (up to 5 s).
   */
  probeEvery: number;
  /** Called after every acknowledgement with the number acknowledged so far. */
  onAck?: (acked: number) => void;
}

/** What an ingest saw. */
export interface IngestResult {
  /** Acknowledged ids with their sequence numbers. */
  acked: Map<string, number>;
  /** Ids whose write was sent but got no acknowledgement (error or non-2xx), with why. */
  unacked: Map<string, string>;
  /** Ids never sent (the ingest was cut short). */
  unsent: string[];
  /** Milliseconds from sending to acknowledgement. */
  ackMs: number[];
  /** Milliseconds from acknowledgement to the answer of the first search that found the article (probe). */
  visibleMs: number[];
  /** Acknowledged ids no search found within 5 s (probe). */
  notVisible: string[];
  wallMs: number;
}

/** The headline as the index stores it (the write API cleans text as the build does). */
export const storedTitle = (a: BaomoiArticle) => cleanLine(cleanText(a.title));

/** The JSON body of an article's write. */
export const articleBody = (a: BaomoiArticle) => JSON.stringify({ title: a.title, ...(a.lead ? { lead: a.lead } : {}), body: a.body });

/** Writes `articles`; stops sending when `shouldStop()` says so (the fault test). */
export async function ingest(articles: readonly BaomoiArticle[], o: IngestOptions, shouldStop: () => boolean = () => false): Promise<IngestResult> {
  const r: IngestResult = { acked: new Map(), unacked: new Map(), unsent: [], ackMs: [], visibleMs: [], notVisible: [], wallMs: 0 };
  const t0 = performance.now();
  await pool(articles, o.concurrency, async (a, index) => {
    if (shouldStop()) { r.unsent.push(a.id); return; }
    let put;
    try {
      put = await timed(`${o.url}/articles/${encodeURIComponent(a.id)}`, {
        method: 'PUT', headers: { Authorization: `Bearer ${o.token}`, 'Content-Type': 'application/json' }, body: articleBody(a),
      });
    } catch (e) {
      r.unacked.set(a.id, (e as Error).message);
      return;
    }
    if (put.status !== 200 && put.status !== 201) { r.unacked.set(a.id, `HTTP ${put.status} ${JSON.stringify(put.body).slice(0, 200)}`); return; }
    r.acked.set(a.id, put.body.seq);
    r.ackMs.push(put.ms);
    o.onAck?.(r.acked.size);
    if (!o.probeEvery || index % o.probeEvery !== 0) return;
    const deadline = put.at + 5000;
    for (;;) {
      const s = await timed(searchUrl(o.url, a.title, 50));
      if (s.status === 200 && s.body.hits.some((h: { id: string }) => h.id === a.id)) { r.visibleMs.push(s.at - put.at); return; }
      if (s.at > deadline) { r.notVisible.push(a.id); return; }
      await new Promise((res) => setTimeout(res, 20));
    }
  });
  r.wallMs = performance.now() - t0;
  return r;
}
