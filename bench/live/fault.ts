/**
 * The fault test of the live index: the local runtime (wrangler's dev server with workerd, which
 * holds the live index's Durable Object and its SQLite storage) is killed with SIGKILL in the middle
 * of an ingest, restarted on the same storage, and every article is checked: each acknowledged one
 * must be found (by `/articles/:id` and by a search for its headline), and each unacknowledged one
 * must be either wholly there (stored before the kill, answer lost) or wholly absent — never
 * half-visible.
 * @module
 */
import type { BaomoiArticle } from '../lib/baomoi.js';
import { startLocalWorkerProcess } from '../../scripts/local-worker.js';
import { pool, searchUrl, timed } from './http.js';
import { ingest, storedTitle } from './ingest.js';

/** Options of {@link faultTest}. */
export interface FaultOptions {
  assets: string;
  persistTo: string;
  vars: Record<string, string>;
  token: string;
  logFile: string;
  articles: readonly BaomoiArticle[];
  /** Kill after this many acknowledgements. */
  killAfter: number;
  concurrency: number;
  log: (s: string) => void;
}

/** What the fault test found. */
export interface FaultResult {
  sent: number;
  acked: number;
  killedAfterAcks: number;
  /** Sent, never acknowledged (the kill cut the answer off, or the request). */
  unacked: number;
  /** Unacknowledged but stored whole before the kill. */
  unackedStored: number;
  unsent: number;
  /** Acknowledged articles missing after the restart (must be 0). */
  lost: number;
  /** Articles visible in one place but not the other (must be 0). */
  halfVisible: number;
  /** Never-sent articles found after the restart (must be 0). */
  phantom: number;
  restartMs: number;
}

/** Where an article can be seen after the restart. */
async function visibility(url: string, a: BaomoiArticle): Promise<{ article: boolean; search: boolean }> {
  const [doc, s] = await Promise.all([timed(`${url}/articles/${encodeURIComponent(a.id)}`), timed(searchUrl(url, a.title, 50))]);
  return { article: doc.status === 200 && doc.body.title === storedTitle(a), search: s.status === 200 && s.body.hits.some((h: { id: string }) => h.id === a.id) };
}

/** Runs the fault test (see module docs). */
export async function faultTest(o: FaultOptions): Promise<FaultResult> {
  const options = { assets: o.assets, persistTo: o.persistTo, vars: o.vars, logFile: o.logFile };
  const first = await startLocalWorkerProcess(options);
  let killed = false;
  let killedAfterAcks = 0;
  const ingested = await ingest(o.articles, {
    url: first.url, token: o.token, concurrency: o.concurrency, probeEvery: 0,
    onAck: (n) => {
      if (killed || n < o.killAfter) return;
      killed = true;
      killedAfterAcks = n;
      o.log(`  SIGKILL to the local runtime (process group ${first.pid}) after ${n} acknowledged writes`);
      process.kill(-first.pid, 'SIGKILL');
    },
  }, () => killed);
  await first.stop(); // already dead: returns at once
  const t0 = performance.now();
  const second = await startLocalWorkerProcess(options);
  const restartMs = performance.now() - t0;
  o.log(`  restarted on the same storage in ${(restartMs / 1000).toFixed(1)} s; checking ${o.articles.length} articles`);
  let lost = 0;
  let halfVisible = 0;
  let phantom = 0;
  let unackedStored = 0;
  try {
    await pool(o.articles, o.concurrency, async (a) => {
      const v = await visibility(second.url, a);
      if (v.article !== v.search) halfVisible++;
      if (ingested.acked.has(a.id)) { if (!v.article || !v.search) lost++; }
      else if (ingested.unacked.has(a.id)) { if (v.article && v.search) unackedStored++; }
      else if (v.article || v.search) phantom++;
    });
  } finally {
    await second.stop();
  }
  return {
    sent: ingested.acked.size + ingested.unacked.size, acked: ingested.acked.size, killedAfterAcks,
    unacked: ingested.unacked.size, unackedStored, unsent: ingested.unsent.length, lost, halfVisible, phantom, restartMs: Math.round(restartMs),
  };
}
