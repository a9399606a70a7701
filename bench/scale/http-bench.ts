/**
 * The scale benchmark's HTTP step: serves the built index with the real Worker on wrangler's local
 * runtime (scripts/local-worker.ts: workerd, local Durable Objects, static assets, no inspector) and
 * measures end to end over HTTP: the cold first query, warm sequential latency over the query mix,
 * throughput under concurrency (autocannon), workerd memory, and whether Durable Objects share an
 * isolate locally (a probe Worker in bench/scale/isolate-probe/).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
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

/** The figures of one sequential pass over a query mix. */
export type SequentialPass = Omit<HttpResult['sequential'], 'warmup'>;

/** Each query of the mix once, one after another, with `params` (`&name=value…`) added to each search. */
async function sequentialPass(url: string, mix: MixQuery[], params: string, log: (s: string) => void): Promise<SequentialPass> {
  const lat: number[] = [];
  const took: number[] = [];
  const kindLat: Record<QueryKind, number[]> = { 'short-accented': [], 'short-unaccented': [], headline: [] };
  let non200 = 0;
  for (const m of mix) {
    const r = await get(url, searchPath(m.q) + params);
    if (r.status !== 200) { non200++; if (non200 <= 3) log(`  non-200: ${r.status} for ${JSON.stringify(m.q)}: ${r.body.slice(0, 200)}`); }
    lat.push(r.ms);
    kindLat[m.kind].push(r.ms);
    const t = tookMs(r.body);
    if (t !== null) took.push(t);
  }
  log(`  sequential${params ? ` (${params})` : ''}: ${lat.length} queries, non-200 ${non200}`);
  return {
    n: lat.length, non200, latency: summarizeLatency(lat), serverTook: summarizeLatency(took),
    byKind: { 'short-accented': summarizeLatency(kindLat['short-accented']), 'short-unaccented': summarizeLatency(kindLat['short-unaccented']), headline: summarizeLatency(kindLat.headline) },
  };
}

/**
 * The sequential HTTP pass alone, in a local runtime of its own (fresh storage, so its shards read the
 * mix's blocks for the first time, as the main pass's do), with `params` added to every search: the
 * same measure as {@link runHttpBench}'s sequential line for another kind of search (`&freshness=30d`).
 */
export async function runHttpSequential(o: { assets: string; mix: MixQuery[]; warmup: number; params: string; log: (s: string) => void }): Promise<SequentialPass & { warmup: number; params: string }> {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'vn-http-'));
  const server = await startLocalWorker({ assets: o.assets, vars: { ...HTTP_VARS }, persistTo, readyWhen: 'started' });
  try {
    for (const m of o.mix.slice(0, o.warmup)) await get(server.url, searchPath(m.q) + o.params);
    const copied = await copiesComplete(server.url, o.log).catch((e: Error) => { o.log(`  (no wait for shard copies: ${e.message})`); return null; });
    if (copied) o.log(`  shard copies complete (${copied.files} stored entries) before measuring`);
    return { warmup: o.warmup, params: o.params, ...(await sequentialPass(server.url, o.mix, o.params, o.log)) };
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

/**
 * Runs the HTTP measurements.
 * @param o assets folder (holding `index/`), the query mix, warm-up count, autocannon settings
 */
export async function runHttpBench(o: { assets: string; mix: MixQuery[]; warmup: number; connections: number; durationS: number; log: (s: string) => void }): Promise<HttpResult> {
  const t0 = performance.now();
  const persistTo = mkdtempSync(path.join(tmpdir(), 'vn-http-'));
  const vars = { ...HTTP_VARS };
  const server = await startLocalWorker({ assets: o.assets, vars, persistTo, readyWhen: 'started' });
  const startMs = performance.now() - t0;
  o.log(`  local Worker ready at ${server.url} in ${(startMs / 1000).toFixed(1)}s (vars ${JSON.stringify(vars)})`);
  try {
    const coldQ = o.mix.find((m) => m.kind === 'headline')!.q;
    const cold = await get(server.url, searchPath(coldQ), 120_000);
    const health = await get(server.url, '/health');
    o.log(`  cold first query ${cold.ms.toFixed(0)} ms (status ${cold.status}), then /health ${health.ms.toFixed(1)} ms (status ${health.status})`);

    for (const m of o.mix.slice(0, o.warmup)) await get(server.url, searchPath(m.q));
    // Measure the steady state: once the shard objects have copied their files into their storage
    // (src/worker/shard-copy.ts; once per build, in the background, starting 10 s after a shard loads).
    const tc = performance.now();
    const copied = await copiesComplete(server.url, o.log).catch((e: Error) => { o.log(`  (no wait for shard copies: ${e.message})`); return null; });
    if (copied) o.log(`  waited ${((performance.now() - tc) / 1000).toFixed(0)} s for the shard objects' copies of their files (${copied.files} stored entries: heads, title indexes and blocks; ${(copied.bytes / 1e6).toFixed(1)} MB) before measuring`);
    const sequential = await sequentialPass(server.url, o.mix, '', o.log);
    const afterSequential = workerdRssMb(process.pid);
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
      sequential: { warmup: o.warmup, ...sequential },
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
    rmSync(persistTo, { recursive: true, force: true });
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

/** Cold first queries, each in a freshly started local runtime. */
export interface ColdRestarts {
  /** `empty`: each runtime starts with empty Durable Object storage (the first search after a deploy); `copied`: the shard objects' copies of their files are complete (a search after an eviction). */
  storage: 'empty' | 'copied';
  runs: Array<{ q: string; ms: number; status: number; serverMs: number | null; shards: string | null; startMs: number; runtimeMs: number }>;
  /** Median of the first search's time. */
  median: number;
  /** Median time of the first request that does not touch the index (the runtime compiling and starting the Worker). */
  medianRuntime: number;
  /** `copied`: seconds the shard objects took to copy their files, and what they hold (from `/health`). */
  copy?: { seconds: number; files: number; bytes: number };
}

/** Polls `/health` until every shard object's copy of its files is complete; what they hold. */
async function copiesComplete(url: string, log: (s: string) => void, timeoutMs = 600_000): Promise<{ files: number; bytes: number }> {
  const t0 = performance.now();
  for (;;) {
    const health = await (await fetch(url + '/health')).json() as { copies?: Array<{ files: number; of: number; bytes: number }> };
    const c = health.copies;
    if (!c) throw new Error('/health reports no shard copies (shards served in process, or SHARD_COPY = "off")');
    const files = c.reduce((a, x) => a + x.files, 0);
    const of = c.reduce((a, x) => a + x.of, 0);
    const bytes = c.reduce((a, x) => a + x.bytes, 0);
    if (files >= of) return { files, bytes };
    if (performance.now() - t0 > timeoutMs) throw new Error(`the shard copies were not complete after ${timeoutMs / 1000} s (${files} of ${of} files)`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Starts the local Worker once per query and times its first `/search` (a different headline each
 * run), which loads the manifest, the lexicon and, in every shard object the query reaches, the
 * shard's head and the blocks the query needs, then stops it. `storage: 'empty'` gives every runtime
 * fresh Durable Object storage: the shards fetch every file from static assets and verify its SHA-256,
 * as the first search after a deploy does. `storage: 'copied'` first serves one search, waits until
 * every shard object has copied its files into its storage (src/worker/shard-copy.ts), and restarts on
 * that storage: what a quiet site's reader meets after the shard objects were evicted (the one search
 * before, `fillQuery`, is not one of the timed queries).
 */
export async function runColdRestarts(o: { assets: string; queries: string[]; storage: 'empty' | 'copied'; fillQuery?: string; log: (s: string) => void }): Promise<ColdRestarts> {
  const runs: ColdRestarts['runs'] = [];
  const dirs: string[] = [];
  const freshDir = () => { const d = mkdtempSync(path.join(tmpdir(), 'vn-cold-')); dirs.push(d); return d; };
  const shared = o.storage === 'copied' ? freshDir() : null;
  let copy: ColdRestarts['copy'];
  try {
    if (shared) {
      const t0 = performance.now();
      const server = await startLocalWorker({ assets: o.assets, vars: { ...HTTP_VARS }, persistTo: shared, readyWhen: 'started' });
      try {
        await (await fetch(server.url + searchPath(o.fillQuery ?? 'tin tức'))).text();
        copy = { ...await copiesComplete(server.url, o.log), seconds: (performance.now() - t0) / 1000 };
      } finally {
        await server.stop();
      }
      o.log(`  the shard objects copied ${copy.files} entries (heads, title indexes and blocks, ${(copy.bytes / 1e6).toFixed(1)} MB) into their storage in ${copy.seconds.toFixed(0)} s (after one search; copying starts 10 s after a shard loads)`);
    }
    for (const q of o.queries) {
      const t0 = performance.now();
      const server = await startLocalWorker({ assets: o.assets, vars: { ...HTTP_VARS }, persistTo: shared ?? freshDir(), readyWhen: 'started' });
      const startMs = performance.now() - t0;
      try {
        // The runtime's own first-request cost (script compile, wrangler's proxy), apart: a request the
        // Worker answers without the index (an unknown path: 404 before any index middleware).
        const t0r = performance.now();
        await (await fetch(server.url + '/no-such-path')).text();
        const runtimeMs = performance.now() - t0r;
        const t = performance.now();
        const res = await fetch(server.url + searchPath(q));
        const body = await res.text();
        const ms = performance.now() - t;
        runs.push({ q, ms, status: res.status, serverMs: tookMs(body), shards: res.headers.get('x-shards'), startMs, runtimeMs });
        o.log(`  restart ${runs.length}: first request (no index) ${runtimeMs.toFixed(0)} ms, then first /search ${ms.toFixed(0)} ms (status ${res.status}, ${res.headers.get('x-shards') ?? ''})`);
      } finally {
        await server.stop();
      }
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  return { storage: o.storage, runs, median: median(runs.map((r) => r.ms)), medianRuntime: median(runs.map((r) => r.runtimeMs)), ...(copy ? { copy } : {}) };
}
