/**
 * Speed of related-articles requests at 35k: the built baomoi index served by the real Worker on
 * wrangler's local runtime (`scripts/local-worker.ts`: workerd, one Durable Object per shard, static
 * assets), as `bench:scale` serves it, and timed end to end over local HTTP with a kept-alive
 * connection: `GET /articles/:id/related?limit=5` for sampled articles and `POST /related` with
 * sampled articles as drafts, one request at a time after a warm-up.
 * @module
 */
import http from 'node:http';
import { startLocalWorker } from '../../scripts/local-worker.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { cpuSecondsOf, loadAverage, workerdPids } from '../lib/proc.js';

/** Variables the Worker runs with: no log line, no response cache (every request does the work). */
export const SPEED_VARS = { REQUEST_LOG: 'off', RESPONSE_CACHE: 'off', RATE_LIMIT: 'off', SHARD_MODE: 'auto' } as const;

/** A draft posted to `/related`. */
export interface Draft {
  title: string;
  lead?: string;
  body: string;
}

/** What the speed step measured. */
export interface SpeedResult {
  vars: Record<string, string>;
  startMs: number;
  /** The first related request (loads the lexicon and every shard's Durable Object). */
  coldMs: number;
  warmup: number;
  get: LatencySummary;
  post: LatencySummary;
  non200: number;
  /** Mean related articles returned per GET (should be 5). */
  meanHits: number;
  /**
   * CPU the Worker's workerd processes spent per timed GET, in ms (their CPU time over the timed
   * GETs divided by their number): what a request costs whatever else runs on the machine.
   */
  workerdCpuMsPerGet: number | null;
  /** Load average (1 min) before and after the timed requests: above the CPU count, wall times are inflated. */
  loadAverage: { before: number; after: number };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request over the kept-alive connection: status, body, milliseconds until the body is read. */
function send(base: string, method: 'GET' | 'POST', path: string, json?: unknown): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const t = performance.now();
    const req = http.request(base + path, {
      method, agent, timeout: 120_000,
      headers: payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {},
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path.slice(0, 80)} within 120 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const relatedPath = (id: string) => `/articles/${encodeURIComponent(id)}/related?limit=5`;

/**
 * Serves `assets` (a folder holding `index/`) and times related requests.
 * @param o the ids to GET (the first `warmup` warm up), the drafts to POST, a progress log
 */
export async function runSpeed(o: { assets: string; ids: readonly string[]; drafts: readonly Draft[]; warmup: number; log: (s: string) => void }): Promise<SpeedResult> {
  const t0 = performance.now();
  const server = await startLocalWorker({ assets: o.assets, vars: { ...SPEED_VARS }, readyWhen: 'started' });
  const startMs = performance.now() - t0;
  o.log(`speed: local Worker ready at ${server.url} in ${(startMs / 1000).toFixed(1)} s`);
  try {
    let non200 = 0;
    const check = (r: { status: number; body: string }, what: string) => {
      if (r.status !== 200) {
        non200++;
        if (non200 <= 3) o.log(`speed: ${what} → ${r.status} ${r.body.slice(0, 200)}`);
      }
    };
    const cold = await send(server.url, 'GET', relatedPath(o.ids[0]));
    check(cold, `GET ${relatedPath(o.ids[0])}`);
    o.log(`speed: cold first request ${cold.ms.toFixed(0)} ms`);
    for (const id of o.ids.slice(1, o.warmup)) check(await send(server.url, 'GET', relatedPath(id)), 'warm-up');
    const getMs: number[] = [];
    let hits = 0;
    const pids = workerdPids();
    const cpu = () => pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
    const loadBefore = loadAverage()[0] ?? NaN;
    const cpuBefore = cpu();
    for (const id of o.ids.slice(o.warmup)) {
      const r = await send(server.url, 'GET', relatedPath(id));
      check(r, `GET ${relatedPath(id)}`);
      getMs.push(r.ms);
      if (r.status === 200) hits += (JSON.parse(r.body) as { hits: unknown[] }).hits.length;
    }
    const cpuPerGet = pids.length && getMs.length ? ((cpu() - cpuBefore) * 1000) / getMs.length : null;
    const postMs: number[] = [];
    for (const d of o.drafts) {
      const r = await send(server.url, 'POST', '/related', { ...d, limit: 5 });
      check(r, 'POST /related');
      postMs.push(r.ms);
    }
    return {
      vars: { ...SPEED_VARS }, startMs, coldMs: cold.ms, warmup: o.warmup,
      get: summarizeLatency(getMs), post: summarizeLatency(postMs), non200, meanHits: getMs.length ? hits / getMs.length : 0,
      workerdCpuMsPerGet: cpuPerGet, loadAverage: { before: loadBefore, after: loadAverage()[0] ?? NaN },
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
