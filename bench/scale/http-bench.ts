/**
 * The scale benchmark's HTTP step: serves the built index with the real Worker on wrangler's local
 * runtime (scripts/local-worker.ts: workerd, local Durable Objects, static assets, no inspector) and
 * measures end to end over HTTP: the cold first query, warm sequential latency over the query mix,
 * throughput under concurrency (autocannon), workerd memory, and whether Durable Objects share an
 * isolate locally (a probe Worker in bench/scale/isolate-probe/).
 * @module
 */
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { unstable_startWorker } from 'wrangler';
import { freePort, startLocalWorker } from '../../scripts/local-worker.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { workerdRssMb } from '../lib/proc.js';
import type { MixQuery, QueryKind } from '../lib/query-mix.js';

/** Variables the Worker runs with: no request log, no response cache (so cache hits never hide search cost). */
export const HTTP_VARS = { REQUEST_LOG: 'off', RESPONSE_CACHE: 'off', RATE_LIMIT: 'off', SHARD_MODE: 'auto' } as const;

/** What the HTTP step measured. */
export interface HttpResult {
  vars: Record<string, string>;
  startMs: number;
  /** First /search after start: loads manifest, lexicon and every shard's Durable Object. */
  cold: { ms: number; status: number; serverMs: number | null; q: string };
  /** `/health` right after (all shards loaded): a warm fan-out with no search work. */
  healthMs: number;
  /**
   * Local fan-out overhead: warm `/health` (one trivial RPC to every shard's object) minus a
   * request that never touches the index (`/search` without `q`, answered 400), p50 of 50 each.
   */
  overhead: { noopP50: number; healthP50: number; fanOutMs: number; shardCalls: number };
  sequential: {
    warmup: number;
    n: number;
    non200: number;
    latency: LatencySummary;
    /** `took_ms` reported by the Worker (Date.now in workerd: coarse, advances on I/O). */
    serverTook: LatencySummary;
    byKind: Record<QueryKind, LatencySummary>;
  };
  throughput: {
    connections: number;
    durationS: number;
    requests: number;
    reqPerSec: number;
    latencyP50: number;
    latencyP99: number;
    latencyMax: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  workerdRssMb: { afterSequential: number; afterThroughput: number; processes: number };
  isolates: IsolateProbe | { error: string };
}

/** Result of the isolate probe. */
export interface IsolateProbe {
  objects: number;
  /** Distinct isolate markers among the front and the objects. */
  distinctIsolates: number;
  frontSharesWithObjects: boolean;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET over a kept-alive connection: status, body and milliseconds until the body is read.
 * Rejects after `timeoutMs` (a Worker that failed to start never answers).
 */
function get(base: string, p: string, timeoutMs = 30_000): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.get(base + p, { agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${p.slice(0, 80)} within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
  });
}

const searchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;
const tookMs = (body: string): number | null => { try { return (JSON.parse(body) as { took_ms?: number }).took_ms ?? null; } catch { return null; } };

/** Starts the probe Worker and compares isolate markers of the front and `n` objects. */
async function probeIsolates(n: number): Promise<IsolateProbe> {
  const port = await freePort();
  const worker = await unstable_startWorker({
    config: path.join(import.meta.dirname, 'isolate-probe', 'wrangler.toml'),
    dev: { inspector: false, watch: false, persist: false, server: { hostname: '127.0.0.1', port }, logLevel: 'warn' },
  });
  try {
    await worker.ready;
    const url = (await worker.url).toString().replace(/\/$/, '');
    const res = await fetch(`${url}/?n=${n}`);
    const j = (await res.json()) as { front: string; objects: string[] };
    return { objects: j.objects.length, distinctIsolates: new Set([j.front, ...j.objects]).size, frontSharesWithObjects: j.objects.includes(j.front) };
  } finally {
    await worker.dispose();
  }
}

/**
 * Runs the HTTP measurements.
 * @param o assets folder (holding `index/`), the query mix, warm-up count, autocannon settings
 */
export async function runHttpBench(o: { assets: string; mix: MixQuery[]; warmup: number; connections: number; durationS: number; log: (s: string) => void }): Promise<HttpResult> {
  const t0 = performance.now();
  const server = await startLocalWorker({ assets: o.assets, vars: { ...HTTP_VARS }, readyWhen: 'started' });
  const startMs = performance.now() - t0;
  o.log(`  local Worker ready at ${server.url} in ${(startMs / 1000).toFixed(1)}s (vars ${JSON.stringify(HTTP_VARS)})`);
  try {
    const coldQ = o.mix.find((m) => m.kind === 'headline')!.q;
    const cold = await get(server.url, searchPath(coldQ), 120_000);
    const health = await get(server.url, '/health');
    o.log(`  cold first query ${cold.ms.toFixed(0)} ms (status ${cold.status}), then /health ${health.ms.toFixed(1)} ms (status ${health.status})`);

    for (const m of o.mix.slice(0, o.warmup)) await get(server.url, searchPath(m.q));
    const lat: number[] = [];
    const took: number[] = [];
    const kindLat: Record<QueryKind, number[]> = { 'short-accented': [], 'short-unaccented': [], headline: [] };
    let non200 = 0;
    for (const m of o.mix) {
      const r = await get(server.url, searchPath(m.q));
      if (r.status !== 200) { non200++; if (non200 <= 3) o.log(`  non-200: ${r.status} for ${JSON.stringify(m.q)}: ${r.body.slice(0, 200)}`); }
      lat.push(r.ms);
      kindLat[m.kind].push(r.ms);
      const t = tookMs(r.body);
      if (t !== null) took.push(t);
    }
    const afterSequential = workerdRssMb(process.pid);
    o.log(`  sequential: ${lat.length} queries, non-200 ${non200}`);
    const noop: number[] = [];
    const healthy: number[] = [];
    for (let i = 0; i < 50; i++) {
      noop.push((await get(server.url, '/search')).ms);
      healthy.push((await get(server.url, '/health')).ms);
    }
    const shardCalls = (JSON.parse(health.body) as { shards?: number }).shards ?? 0;
    const overhead = { noopP50: summarizeLatency(noop).p50, healthP50: summarizeLatency(healthy).p50, fanOutMs: 0, shardCalls };
    overhead.fanOutMs = Math.round((overhead.healthP50 - overhead.noopP50) * 100) / 100;

    const paths = o.mix.map((m) => searchPath(m.q));
    let next = 0;
    const ac = await autocannon({
      url: server.url, connections: o.connections, duration: o.durationS, timeout: 30,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    });
    const afterThroughput = workerdRssMb(process.pid);
    return {
      vars: { ...HTTP_VARS },
      startMs,
      cold: { ms: cold.ms, status: cold.status, serverMs: tookMs(cold.body), q: coldQ },
      healthMs: health.ms,
      overhead,
      sequential: {
        warmup: o.warmup, n: lat.length, non200, latency: summarizeLatency(lat), serverTook: summarizeLatency(took),
        byKind: { 'short-accented': summarizeLatency(kindLat['short-accented']), 'short-unaccented': summarizeLatency(kindLat['short-unaccented']), headline: summarizeLatency(kindLat.headline) },
      },
      throughput: {
        connections: o.connections, durationS: o.durationS, requests: ac['2xx'] + ac.non2xx, reqPerSec: ac.requests.average,
        latencyP50: ac.latency.p50, latencyP99: ac.latency.p99, latencyMax: ac.latency.max, non2xx: ac.non2xx, errors: ac.errors, timeouts: ac.timeouts,
      },
      workerdRssMb: { afterSequential: afterSequential.mb, afterThroughput: afterThroughput.mb, processes: afterThroughput.processes.length },
      isolates: { error: 'not run' },
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

/** Runs the isolate probe, returning an error record instead of throwing. */
export async function runIsolateProbe(n: number): Promise<IsolateProbe | { error: string }> {
  try {
    return await probeIsolates(n);
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] };
  }
}
