/**
 * `npm run bench:load [-- --duration 60 --connections 16 --warmup 60|mix|mix:N --rate 0 --cache off --via api|cli --control plain|durable-objects --heap]`
 * (`npm run bench:soak`: the same for 10 minutes at a fixed 10 requests/s per server after a warm-up
 * of four passes over the whole query mix at full speed and, after the forced collection below, 180 s
 * of settling at the soak rate (`--settle`), the run issue 14 asks for: RSS slope after the
 * warm-up ≤ 2 MB/min and no response over 1 s. The measured phase replays the same mix, so the shard
 * caches — bounded by bytes, and at 35k larger than the blocks a pass touches — hold the working set
 * by then: growth after it is retained state, not caches filling. The local runtime grows by itself
 * under load, so a third, control server runs alongside (`--control plain`, `control-worker/`: a
 * fixed body; `--control durable-objects`, `control-do-worker/`: the same fan-out over 10 Durable
 * Objects as a search, keeping nothing; both have static assets with `run_worker_first`, as the
 * search Worker does, so their requests pass through the same wrangler asset Workers), and the slope
 * target applies to the search Worker's growth beyond the control's. `--heap` (on in `bench:soak`) also forces a full garbage collection in every
 * runtime through its inspector before the settling and after the measured phase and reports the JavaScript heap
 * that survives it — the state the Worker keeps, which RSS cannot tell from garbage not yet collected —,
 * the RSS right after those collections as a second slope under the same target, and, through gdb,
 * the runtime's native allocator (tcmalloc: in use, kept free, outside it; bench/load/allocator-report.ts).)
 *
 * Sustained load against `wrangler dev` serving the baomoi-35k index through Durable Objects (as
 * deployed), with search insights recording on and off, measured in the same run: builds the index
 * into bench/.cache/load/ (reused while the corpus and the build code are unchanged), starts two
 * local servers (`--via api`, the default: wrangler's programmatic dev server without the DevTools
 * inspector, see scripts/local-worker.ts and patches/README.md for why; `--via cli`: the CLI with `--assets <dir>`), one with
 * INSIGHTS = "off" and one with INSIGHTS = "on", and loads both at the same time with autocannon
 * (`--connections` each, the same mixed query set): whatever else runs on the machine (other jobs
 * share its CPUs) affects both alike at every moment. After a warm-up, reports per mode requests/s
 * and latency p50/p90/p99 over every response, the change with recording on (budget: within 10%),
 * the events sent against the searches the insights stored (read back from GET /insights before and
 * after the run: none may be lost while the Worker is healthy; requests still in flight when
 * autocannon stops may be answered and recorded after it gave up on them, so "stored" must lie
 * between the searches answered and the requests written), and the RSS of each server's workerd
 * process tree every 10 s, with its trend. Exits 1 on any non-2xx response or lost event.
 * Writes bench/results/load.json. Skips (exit 0) when ../shared/corpora/baomoi-35k is absent.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath } from '../lib/baomoi.js';
import { hashCodeTrees, pruneStale, shortHash } from '../lib/cache.js';
import { markdownTable } from '../lib/table.js';
import { AllocatorLog } from './allocator-report.js';
import { isolatesTable, RuntimeIsolates, sumIsolates, type IsolatesReadings } from './isolates-report.js';
import { compareModes, summarizeMode, type Mode } from './compare.js';
import { CONTROL_WORKERS, isControlName } from './control-workers.js';
import { findRuntimeInspector, HeapProbe } from '../lib/heap-probe.js';
import { runtimeRssOf, slope } from '../lib/proc.js';
import { queryMix } from '../lib/query-mix.js';
import { startLocalWorkerProcess, startWranglerDev, type LocalWorker } from '../../scripts/local-worker.js';

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '60' },
    cache: { type: 'string', default: 'off' },
    rebuild: { type: 'boolean', default: false },
    via: { type: 'string', default: 'api' },
    rate: { type: 'string', default: '0' },
    control: { type: 'string', default: 'plain' },
    heap: { type: 'boolean', default: false },
    settle: { type: 'string', default: '0' },
  },
});
const controlName = args.control!;
if (!isControlName(controlName)) throw new Error(`--control must be ${Object.keys(CONTROL_WORKERS).join(' or ')} (got ${JSON.stringify(controlName)})`);
if (args.heap && args.via === 'cli') throw new Error('--heap needs --via api (the runtime inspector is reached through the programmatic dev server)');
const duration = Number(args.duration);
const connections = Number(args.connections);
/**
 * Warm-up seconds, or `mix` / `mix:N`: N passes (default 1) over the whole query mix at full speed —
 * the working set of the measured phase, and time for the runtime's heap to grow to its working size.
 */
const warmupPasses = /^mix(?::(\d+))?$/.exec(args.warmup ?? '');
const warmupPass = warmupPasses !== null;
const passes = warmupPasses?.[1] ? Number(warmupPasses[1]) : 1;
const warmup = warmupPass ? 0 : Number(args.warmup);
/**
 * Requests per second per server in the measured phase (0: as fast as the connections go). A fixed
 * rate below the machine's capacity measures stalls and memory, not queueing: with the connections
 * saturating 2 cores every response waits behind the others (latency = connections / throughput).
 */
const rate = Number(args.rate);
/**
 * Seconds of load at the measured phase's rate between the forced collection that opens it (`--heap`)
 * and its first sample. The collection shrinks the V8 heap far below its working size (committed
 * 34.6 MB after it, ~75 MB again ~90 s later, measured 2026-12-03), and while it grows back the
 * runtime collects often: those seconds held the soak's only responses near 1 s and would count the
 * regrowth as a slope. The settling load is the same query sequence at the same rate; it is not measured.
 */
const settle = Number(args.settle);
if (!Number.isFinite(settle) || settle < 0) throw new Error(`--settle must be a number of seconds ≥ 0 (got ${JSON.stringify(args.settle)})`);
/** Soak targets (issue 14): Worker runtime RSS slope after the warm-up, and the slowest response. */
const SOAK_SLOPE_MB_PER_MIN = 2;
const SOAK_MAX_RESPONSE_MS = 1000;
const SAMPLE_EVERY_S = 10;
/**
 * Responses slower than this are listed one by one (server, when they started and ended, ms): a pause
 * of the runtime shows as several of one server's responses ending together, a slow query as one alone,
 * and a pause of the machine as responses of every server, the control's included, ending together.
 */
const SLOW_LOG_MS = 300;
const BUDGET_PCT = 10;

const corpusDir = sharedCorpusPath(root, 'baomoi-35k');
if (!existsSync(path.resolve(root, '../shared')) || !existsSync(corpusDir)) {
  console.log(`bench:load skipped: ${corpusDir} not found (the shared corpora are not available here).`);
  process.exit(0);
}

// 1. The index, built once per corpus + build-code version.
const files = listBaomoi(corpusDir);
const key = shortHash(hashFileList(files), hashCodeTrees(root, ['src/analyzer', 'src/index-format', 'src/scoring', 'src/suggest', 'index-build']));
const cacheRoot = path.join(root, 'bench/.cache/load');
const assets = path.join(cacheRoot, `baomoi-${key}`);
if (args.rebuild || !existsSync(path.join(assets, 'index', 'manifest.json'))) {
  console.log(`building the baomoi-35k index into ${path.relative(root, assets)} …`);
  execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'index-build/cli.ts', '--input', corpusDir, '--out', assets], { stdio: 'inherit' });
  pruneStale(cacheRoot, 'baomoi', `baomoi-${key}`);
} else {
  console.log(`reusing the index in ${path.relative(root, assets)}`);
}
const manifest = JSON.parse(readFileSync(path.join(assets, 'index', 'manifest.json'), 'utf8')) as { documentCount: number; shards: unknown[] };

// 2. The query mix.
const mix = queryMix(loadBaomoi(corpusDir, files), 4000);
const paths = mix.map((m) => `/search?q=${encodeURIComponent(m.q)}`);
/** The query sequence, from its start: each server gets the same queries in the same order. */
const requestsOf = () => {
  let next = 0;
  return [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
};
console.log(`query mix: ${mix.length} queries (${mix.filter((m) => m.kind !== 'headline').length} short, half unaccented; ${mix.filter((m) => m.kind === 'headline').length} headlines), e.g. ${mix.slice(0, 4).map((m) => JSON.stringify(m.q)).join(', ')}`);

// 3. Two servers: recording off and on (a throwaway operator token to read the insights back).
const token = randomBytes(24).toString('hex');
const baseVars = { REQUEST_LOG: 'off', RESPONSE_CACHE: args.cache === 'on' ? 'on' : 'off', RATE_LIMIT: 'off', SHARD_MODE: 'auto' };
const varsOf = (mode: Mode): Record<string, string> => ({ ...baseVars, INSIGHTS: mode, ...(mode === 'on' ? { INSIGHTS_TOKEN: token } : {}) });
mkdirSync(cacheRoot, { recursive: true });
const stateDirs: string[] = [];
const servers = {} as Record<Mode, LocalWorker>;

/**
 * The control server: the same runtime and load, a Worker that keeps nothing — `plain`
 * (`control-worker/`: a fixed JSON body) or `durable-objects` (`control-do-worker/`: 10 Durable
 * Object RPC calls per request and one more, like a search over the 10-shard index).
 */
let control: LocalWorker | null = null;
const CONTROL = CONTROL_WORKERS[controlName];
/** The server of a mode, or the control. */
const serverOf = (m: Mode | 'control'): LocalWorker => (m === 'control' ? control! : servers[m]);
/** With `--heap`: per server, an inspector probe of its runtime's live heap (bench/lib/heap-probe.ts). */
const probes: Partial<Record<Mode | 'control', HeapProbe>> = {};
/**
 * With `--heap`: per server, the runtime's other isolates (wrangler's entry, asset and cache Workers),
 * whose heaps share the runtime's RSS (bench/load/isolates-report.ts), and what they keep.
 */
const others: Partial<Record<Mode | 'control', RuntimeIsolates>> = {};
const othersRead: Partial<Record<Mode | 'control', IsolatesReadings>> = {};
/**
 * Whether the probes may poke a server (send it a request so that an isolate takes a turn): not
 * during the measured phase, whose load gives every isolate turns and must not change.
 */
let pokesAllowed = true;
/** The live heap (after a forced full collection) and RSS of each server, before and after the measured phase. */
const heap: Record<Mode | 'control', Array<{ label: string; at: number; liveHeapMb: number; backingMb: number; workerMb: number }>> = { off: [], on: [], control: [] };
/** With `--heap`: the workerd processes' tcmalloc readings before and after (bench/load/allocator-report.ts). */
const allocator = new AllocatorLog();
async function measureHeap(label: string): Promise<void> {
  for (const m of ['off', 'on', 'control'] as const) {
    const probe = probes[m];
    if (!probe) continue;
    const { usedMb, backingMb } = await probe.liveHeap();
    // The runtime's other isolates collect too, so that the RSS and allocator readings below follow
    // collections of every heap in the process.
    const otherHeaps = await others[m]?.collect();
    if (otherHeaps && others[m]) {
      const r = (othersRead[m] ??= { count: others[m].count, before: [], after: [] });
      r[label === 'before' ? 'before' : 'after'] = otherHeaps;
    }
    const { workerMb, workerPids } = runtimeRssOf(serverOf(m));
    heap[m].push({ label, at: Date.now(), liveHeapMb: usedMb, backingMb, workerMb });
    // Right after the collection: the native allocator's split of what remains (~2–3 s pause each,
    // outside the measured phase); at the end, also how much RSS its free memory was.
    const pid = workerPids[0];
    await allocator.read(m, pid, label === 'before' ? 'before' : 'after');
    if (label === 'after') await allocator.read(m, pid, 'released');
  }
}

/** Memory samples of one server's processes. */
type Sample = { label: string; t: number; rssMb: number; workerMb: number; proxyMb: number; workerPids: number[]; heapUsedMb?: number; heapTotalMb?: number; embedderMb?: number; othersTotalMb?: number };
const samples: Record<Mode | 'control', Sample[]> = { off: [], on: [], control: [] };
const sample = (mode: Mode | 'control', label: string, t: number) => {
  const { totalMb, workerMb, workerPids } = runtimeRssOf(serverOf(mode));
  const s: Sample = { label, t, rssMb: totalMb, workerMb, proxyMb: Math.round((totalMb - workerMb) * 10) / 10, workerPids };
  samples[mode].push(s);
  // With --heap, during the measured phase: the V8 heap in use at the same moment, garbage included
  // (no collection forced), to tell the RSS sawtooth of uncollected garbage from memory kept.
  if (label === 'during') void probes[mode]?.usage().then((u) => { s.heapUsedMb = u.usedMb; s.heapTotalMb = u.totalMb; s.embedderMb = u.embedderMb; }).catch(() => undefined);
  // …and the committed heaps of the runtime's other isolates (kept only when every one answered).
  const o = others[mode];
  if (label === 'during' && o) void o.usage().then((hs) => { if (hs.length === o.count) s.othersTotalMb = sumIsolates(hs).totalMb; }).catch(() => undefined);
};

/**
 * Between the warm-up and the measured phase (and after it, until the last memory reading), a server
 * gets no searches while the others finish their warm-up or the insights settle. The local runtime
 * evicts Durable Objects idle for ~10 s, dropping their caches, which the measured phase would then
 * refill: growth that says nothing about retained state (seen: ArrayBuffers 36 → 311 MB over the
 * phase on the server whose warm-up ended first). So every server gets a `/health` (one cheap call
 * to each shard object, no search, no insights event) every 2 s outside the measured phase.
 */
function keepObjectsAlive(): () => void {
  const timer = setInterval(() => {
    for (const server of [...Object.values(servers), control]) if (server) void fetch(`${server.url}/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
  }, 2000);
  return () => clearInterval(timer);
}

let stopKeepingAlive = (): void => undefined;

/** The searches the "on" server's insights hold, and the events its Worker reported lost. */
async function storedSearches(): Promise<{ searches: number; lost: number }> {
  const res = await fetch(`${servers.on.url}/insights`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /insights answered ${res.status}: ${await res.text()}`);
  const body = await res.json() as { totals: { searches: number; lost: number } };
  return { searches: body.totals.searches, lost: body.totals.lost };
}

/** Memory verdict of one server's samples (the Worker runtime process; the dev proxy is apart). */
function memoryOf(list: Sample[]) {
  const trend = list.filter((s) => s.label !== 'started');
  const minutes = (s: Sample) => s.t / 60;
  const workerMbPerMin = slope(trend.map((s) => ({ x: minutes(s), y: s.workerMb })));
  const workerMeanMb = trend.reduce((a, s) => a + s.workerMb, 0) / trend.length;
  const span = (trend.at(-1)!.t - trend[0].t) / 60;
  const growthOverRun = workerMbPerMin * span;
  const verdict = Math.abs(growthOverRun) <= Math.max(10, 0.05 * workerMeanMb) ? 'no growth trend' : growthOverRun > 0 ? 'GROWING' : 'shrinking';
  const runtimeRestarts = trend.slice(1).filter((s, i) => s.workerPids.join() !== trend[i].workerPids.join()).length;
  const withHeap = trend.filter((s) => s.heapUsedMb !== undefined);
  /** MB per minute of `y` over the samples with a heap reading (null with fewer than two). */
  const heapSlope = (y: (s: Sample) => number) => (withHeap.length >= 2 ? Math.round(slope(withHeap.map((s) => ({ x: minutes(s), y: y(s) }))) * 100) / 100 : null);
  const heapUsedMbPerMin = heapSlope((s) => s.heapUsedMb!);
  const outsideHeapMbPerMin = heapSlope((s) => s.workerMb - s.heapUsedMb!);
  const heapTotalMbPerMin = heapSlope((s) => s.heapTotalMb!);
  const embedderMbPerMin = heapSlope((s) => s.embedderMb ?? 0);
  const withOthers = trend.filter((s) => s.othersTotalMb !== undefined);
  /** The committed heaps of the runtime's other isolates, MB per minute (null with fewer than two readings). */
  const othersTotalMbPerMin = withOthers.length >= 2 ? Math.round(slope(withOthers.map((s) => ({ x: minutes(s), y: s.othersTotalMb! }))) * 100) / 100 : null;
  const secondHalf = trend.slice(Math.floor(trend.length / 2));
  const floorAfterRunVsBeforeMb = Math.round((Math.min(...secondHalf.map((s) => s.workerMb)) - trend[0].workerMb) * 10) / 10;
  return {
    samples: list,
    workerRuntimeSlopeMbPerMin: Math.round(workerMbPerMin * 100) / 100,
    slopeMbPerMin: Math.round(slope(trend.map((s) => ({ x: minutes(s), y: s.rssMb }))) * 100) / 100,
    workerMeanMb: Math.round(workerMeanMb),
    verdict,
    floorAfterRunVsBeforeMb,
    /** Slopes over the measured phase's samples (with --heap): the V8 heap in use, garbage included, and RSS minus it. */
    heapUsedMbPerMin,
    outsideHeapMbPerMin,
    /** …and the V8 heap's committed size (pages V8 holds, used or not). */
    heapTotalMbPerMin,
    /** …and the embedder's garbage-collected heap (cppgc: the runtime's API objects; 0 when not reported). */
    embedderMbPerMin,
    /** …and the committed heaps of the runtime's other isolates (wrangler's Workers), over the samples where all answered. */
    othersTotalMbPerMin,
    othersSamples: withOthers.length,
    runtimeRestarts,
  };
}

let exitCode = 0;
try {
  for (const mode of ['off', 'on'] as const) {
    const state = mkdtempSync(path.join(cacheRoot, `state-${mode}-`));
    stateDirs.push(state);
    const opts = { assets, vars: varsOf(mode), persistTo: state, logFile: path.join(cacheRoot, `server-${mode}.log`), inspector: args.heap };
    servers[mode] = args.via === 'cli' ? await startWranglerDev(opts) : await startLocalWorkerProcess(opts);
    console.log(`recording ${mode}: wrangler dev ready at ${servers[mode].url} (${manifest.documentCount} documents, ${manifest.shards.length} shards)`);
    sample(mode, 'started', 0);
  }
  control = await startLocalWorkerProcess({ config: CONTROL.config, readyWhen: 'started', logFile: path.join(cacheRoot, 'server-control.log'), inspector: args.heap });
  console.log(`control (${controlName}): ${CONTROL.what}, at ${control.url}`);
  if (args.heap) {
    for (const m of ['off', 'on', 'control'] as const) {
      const server = serverOf(m);
      probes[m] = new HeapProbe(await findRuntimeInspector(server.pid), () => fetch(`${server.url}/health`).then((r) => r.arrayBuffer()));
      // Their other isolates answer at their own next turn: a search reaches the entry, router and
      // (on a block-cache miss) the asset Workers; the control's own path reaches its entry.
      let next = 0;
      const poke = () => (pokesAllowed ? fetch(`${server.url}${m === 'control' ? '/' : paths[next++ % paths.length]}`).then((r) => r.arrayBuffer()) : Promise.resolve());
      // A runtime starts some of wrangler's Workers on its first requests (the control, ready once it
      // answered one, listed 3 of its 9 before any other): requests first, so that all are listed.
      for (let i = 0; i < 5; i++) await poke();
      others[m] = await RuntimeIsolates.open(server.pid, poke);
    }
    console.log(`other isolates in each runtime: ${(['off', 'on', 'control'] as const).map((m) => `${m} ${others[m]?.count ?? 0}`).join(', ')}`);
  }
  sample('control', 'started', 0);
  // 4. Both servers under the same load at the same time: whatever else runs on the machine affects
  // both alike at every moment (they share its CPUs, as they would share a deployment's).
  stopKeepingAlive = keepObjectsAlive();
  const warmControl = autocannon({ url: control.url, connections, ...(warmupPass ? { amount: passes * paths.length } : { duration: warmup }), requests: requestsOf(), timeout: 30 });
  const warm = await Promise.all((['off', 'on'] as const).map((mode) => autocannon({ url: servers[mode].url, connections, ...(warmupPass ? { amount: passes * paths.length } : { duration: warmup }), requests: requestsOf(), timeout: 30 })));
  await warmControl;
  (['off', 'on'] as const).forEach((mode, i) => {
    console.log(`warm-up (recording ${mode}): ${warm[i]['2xx']} responses in ${Math.round(warm[i].duration)}s (${warm[i].non2xx} non-2xx)`);
    if (warm[i].non2xx > 0) exitCode = 1;
  });
  // What the runtimes keep after a forced collection, before the measured phase; then the settling
  // load (see `settle`), the same sequence at the same rate, unmeasured and without the keep-alive.
  await measureHeap('before');
  if (settle > 0) {
    stopKeepingAlive();
    const settleStarted = Date.now();
    const settling = await Promise.all([control, servers.off, servers.on].map((server) => autocannon({ url: server!.url, connections, duration: settle, requests: requestsOf(), timeout: 30, ...(rate > 0 ? { overallRate: rate } : {}) })));
    stopKeepingAlive = keepObjectsAlive();
    const slowest = Math.max(...settling.map((r) => r.latency.max));
    console.log(`settling: ${settle} s at ${rate > 0 ? `${rate} requests/s` : 'full speed'} after the forced collection, ${settling.map((r) => r['2xx']).join(' / ')} responses (control / off / on), slowest ${slowest} ms, not measured (${Math.round((Date.now() - settleStarted) / 1000)} s)`);
    if (settling.some((r) => r.non2xx > 0 || r.errors > 0)) exitCode = 1;
  }
  // The last requests before (and their events) may still be in the servers: wait until the count holds.
  let storedBefore = await storedSearches();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const again = await storedSearches();
    if (again.searches === storedBefore.searches) break;
    storedBefore = again;
  }
  const loadAverageBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);

  const latencies: Record<Mode, number[]> = { off: [], on: [] };
  const counts: Record<Mode, { ok: number; non2xx: number; errors: number; timeouts: number; written: number; overOneSecond: number }> = { off: { ok: 0, non2xx: 0, errors: 0, timeouts: 0, written: 0, overOneSecond: 0 }, on: { ok: 0, non2xx: 0, errors: 0, timeouts: 0, written: 0, overOneSecond: 0 } };
  const timeline: Array<{ mode: Mode; fromS: number; responses: number; non2xx: number; errors: number; maxMs: number }> = [];
  const slow: Array<{ server: Mode | 'control'; startS: number; endS: number; ms: number }> = [];
  const noteSlow = (server: Mode | 'control', ms: number) => {
    if (ms <= SLOW_LOG_MS) return;
    const endS = (Date.now() - started) / 1000;
    slow.push({ server, startS: Math.round((endS - ms / 1000) * 10) / 10, endS: Math.round(endS * 10) / 10, ms: Math.round(ms) });
  };
  const started = Date.now();
  const windowOf = (mode: Mode) => {
    const fromS = Math.floor((Date.now() - started) / 1000 / SAMPLE_EVERY_S) * SAMPLE_EVERY_S;
    let w = timeline.find((x) => x.mode === mode && x.fromS === fromS);
    if (!w) timeline.push(w = { mode, fromS, responses: 0, non2xx: 0, errors: 0, maxMs: 0 });
    return w;
  };
  for (const mode of ['off', 'on', 'control'] as const) sample(mode, 'before', 0);
  stopKeepingAlive();
  pokesAllowed = false;
  const timer = setInterval(() => { for (const m of ['off', 'on', 'control'] as const) sample(m, 'during', Math.round((Date.now() - started) / 1000)); }, SAMPLE_EVERY_S * 1000);
  const controlRun = autocannon({ url: control.url, connections, duration, requests: requestsOf(), timeout: 30, ...(rate > 0 ? { overallRate: rate } : {}) });
  controlRun.on('response', (_c, _status, _b, ms) => noteSlow('control', ms));
  const results = await Promise.all((['off', 'on'] as const).map((mode) => {
    const run = autocannon({ url: servers[mode].url, connections, duration, requests: requestsOf(), timeout: 30, ...(rate > 0 ? { overallRate: rate } : {}) });
    run.on('response', (_c, status, _b, ms) => {
      const w = windowOf(mode);
      w.responses++;
      if (status >= 200 && status <= 299) { counts[mode].ok++; latencies[mode].push(ms); }
      else { counts[mode].non2xx++; w.non2xx++; }
      w.maxMs = Math.max(w.maxMs, Math.round(ms));
      if (ms > SOAK_MAX_RESPONSE_MS) counts[mode].overOneSecond++;
      noteSlow(mode, ms);
    });
    run.on('reqError', () => { counts[mode].errors++; windowOf(mode).errors++; });
    return run;
  }));
  const controlResult = await controlRun;
  stopKeepingAlive = keepObjectsAlive();
  clearInterval(timer);
  pokesAllowed = true;
  const seconds: Record<Mode, number> = { off: 0, on: 0 };
  (['off', 'on'] as const).forEach((mode, i) => {
    counts[mode].timeouts += results[i].timeouts;
    counts[mode].written += results[i].requests.sent;
    seconds[mode] = results[i].duration;
  });
  timeline.sort((a, b) => a.fromS - b.fromS || a.mode.localeCompare(b.mode));
  for (const w of timeline) console.log(`  ${String(w.fromS).padStart(4)}s recording ${w.mode.padEnd(3)}: ${w.responses} responses (${w.non2xx} non-2xx, ${w.errors} errors, max ${w.maxMs} ms)`);
  slow.sort((a, b) => a.endS - b.endS);
  console.log(`responses over ${SLOW_LOG_MS} ms (server: started → ended, s into the phase): ${slow.length ? slow.map((r) => `${r.server} ${r.startS} → ${r.endS} (${r.ms} ms)`).join('; ') : 'none'}`);
  const loadAverageAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);

  // 5. Events sent (2xx searches on the "on" server) against searches stored, once the flushes land.
  // autocannon stops with requests in flight: the Worker may still answer (and record) them,
  // so the stored count must lie between the searches answered and the requests written.
  let storedAfter = await storedSearches();
  const sent = counts.on.ok;
  const inFlight = counts.on.written - sent - counts.on.non2xx;
  for (let i = 0; i < 30 && storedAfter.searches - storedBefore.searches < sent; i++) {
    // Flushes run 100 ms after a search; give a backlog in the Durable Object time to drain.
    await new Promise((r) => setTimeout(r, 500));
    storedAfter = await storedSearches();
  }
  await new Promise((r) => setTimeout(r, 2000));
  storedAfter = await storedSearches();
  const stored = storedAfter.searches - storedBefore.searches;
  const lostReported = storedAfter.lost - storedBefore.lost;
  for (const mode of ['off', 'on', 'control'] as const) sample(mode, 'after', Math.round((Date.now() - started) / 1000));
  await measureHeap('after');
  stopKeepingAlive();

  // 6. Report.
  const summary = { off: summarizeMode(latencies.off, seconds.off), on: summarizeMode(latencies.on, seconds.on) };
  const cmp = compareModes(summary.off, summary.on, BUDGET_PCT);
  const memory = { off: memoryOf(samples.off), on: memoryOf(samples.on) };
  const controlMemory = memoryOf(samples.control);
  const controlSlope = controlMemory.workerRuntimeSlopeMbPerMin;
  const sign = (x: number) => `${x > 0 ? '+' : ''}${x}%`;
  const table = markdownTable(
    ['recording', 'responses', 'seconds', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'Worker RSS MB'],
    [
      ...(['off', 'on'] as const).map((m) => [m, String(summary[m].responses), String(seconds[m]), String(summary[m].perSecond), String(summary[m].p50), String(summary[m].p90), String(summary[m].p99), String(summary[m].max), String(counts[m].non2xx + counts[m].errors + counts[m].timeouts), String(memory[m].workerMeanMb)]),
      ['on vs off', '', '', sign(cmp.throughputPct), sign(cmp.p50Pct), '', sign(cmp.p99Pct), '', '', ''],
    ],
  );
  // The soak verdict: memory after the warm-up, and stalls (meaningful at a rate the machine can serve).
  const soak = Object.fromEntries((['off', 'on'] as const).map((m) => [m, {
    slopeMbPerMin: memory[m].workerRuntimeSlopeMbPerMin,
    controlSlopeMbPerMin: controlSlope,
    excessSlopeMbPerMin: Math.round((memory[m].workerRuntimeSlopeMbPerMin - controlSlope) * 100) / 100,
    slopeOk: memory[m].workerRuntimeSlopeMbPerMin - controlSlope <= SOAK_SLOPE_MB_PER_MIN,
    responsesOverOneSecond: counts[m].overOneSecond,
    maxMs: summary[m].max,
    stallsOk: counts[m].overOneSecond === 0,
  }])) as Record<Mode, { slopeMbPerMin: number; controlSlopeMbPerMin: number; excessSlopeMbPerMin: number; slopeOk: boolean; responsesOverOneSecond: number; maxMs: number; stallsOk: boolean }>;
  const soakTable = markdownTable(
    ['recording', 'measure', 'value', 'target', 'result'],
    (['off', 'on'] as const).flatMap((m) => [
      [m, `Worker runtime RSS slope over ${duration} s after ${warmupPass ? `${passes} warm-up pass${passes > 1 ? 'es' : ''} over the ${paths.length} queries` : `a ${warmup} s warm-up`}${settle > 0 ? ` and ${settle} s settling` : ''}, beyond the control's ${controlSlope} MB/min (own: ${soak[m].slopeMbPerMin} MB/min)`, `${soak[m].excessSlopeMbPerMin} MB/min`, `≤ ${SOAK_SLOPE_MB_PER_MIN} MB/min`, soak[m].slopeOk ? 'PASS' : 'FAIL'],
      [m, `responses over ${SOAK_MAX_RESPONSE_MS} ms (of ${summary[m].responses}; slowest ${summary[m].max} ms)`, String(soak[m].responsesOverOneSecond), '0', soak[m].stallsOk ? 'PASS' : 'FAIL'],
    ]),
  );
  // What survives a full collection, before and after the measured phase: state the Worker keeps.
  const answered: Record<Mode | 'control', number> = { off: counts.off.ok, on: counts.on.ok, control: controlResult['2xx'] };
  const retained = args.heap ? Object.fromEntries((['off', 'on', 'control'] as const).map((m) => {
    const [before, after] = [heap[m].find((h) => h.label === 'before')!, heap[m].find((h) => h.label === 'after')!];
    const deltaMb = Math.round((after.liveHeapMb - before.liveHeapMb) * 10) / 10;
    return [m, {
      liveHeapBeforeMb: before.liveHeapMb, liveHeapAfterMb: after.liveHeapMb, deltaMb,
      mbPerMin: Math.round((deltaMb / ((after.at - before.at) / 60_000)) * 100) / 100,
      bytesPerRequest: Math.round((deltaMb * 1048576) / Math.max(1, answered[m])),
      backingBeforeMb: before.backingMb, backingAfterMb: after.backingMb,
      rssAfterCollectionBeforeMb: before.workerMb, rssAfterCollectionAfterMb: after.workerMb,
      rssAfterCollectionMbPerMin: Math.round(((after.workerMb - before.workerMb) / ((after.at - before.at) / 60_000)) * 100) / 100,
    }];
  })) as Record<Mode | 'control', { liveHeapBeforeMb: number; liveHeapAfterMb: number; deltaMb: number; mbPerMin: number; bytesPerRequest: number; backingBeforeMb: number; backingAfterMb: number; rssAfterCollectionBeforeMb: number; rssAfterCollectionAfterMb: number; rssAfterCollectionMbPerMin: number }> : null;
  // The RSS slope above also counts memory the runtime gives back only when it collects (and, without
  // `--settle`, the V8 heap growing back after the forced collection before the phase: ~45 MB in the
  // first ~90 s, measured 2026-12-03); RSS right after a forced full collection, before the settling
  // and after the phase, is the memory the runtime keeps: its change per minute, under the same target.
  const keptSlope = retained ? { off: retained.off.rssAfterCollectionMbPerMin, on: retained.on.rssAfterCollectionMbPerMin, control: retained.control.rssAfterCollectionMbPerMin } : null;
  const keptTable = keptSlope ? markdownTable(
    ['server', 'measure', 'value', 'target', 'result'],
    (['off', 'on'] as const).map((m) => [`recording ${m}`, `Worker runtime RSS right after a forced full collection, before → after ${settle > 0 ? `the ${settle} s settling and ` : ''}the ${duration} s (${retained![m].rssAfterCollectionBeforeMb} → ${retained![m].rssAfterCollectionAfterMb} MB; control: ${keptSlope.control} MB/min)`, `${keptSlope[m]} MB/min`, `≤ ${SOAK_SLOPE_MB_PER_MIN} MB/min`, keptSlope[m] <= SOAK_SLOPE_MB_PER_MIN ? 'PASS' : 'FAIL']),
  ) : null;
  const heapTable = retained ? markdownTable(
    ['server', 'responses', 'live JS heap after full GC, before → after', 'change', 'per minute', 'per request', 'ArrayBuffers etc. (outside the heap)', 'runtime RSS after that GC'],
    (['off', 'on', 'control'] as const).map((m) => [m === 'control' ? `control (${controlName})` : `recording ${m}`, String(answered[m]), `${retained[m].liveHeapBeforeMb} → ${retained[m].liveHeapAfterMb} MB`, `${retained[m].deltaMb > 0 ? '+' : ''}${retained[m].deltaMb} MB`, `${retained[m].mbPerMin} MB/min`, `${retained[m].bytesPerRequest} B`, `${retained[m].backingBeforeMb} → ${retained[m].backingAfterMb} MB`, `${retained[m].rssAfterCollectionBeforeMb} → ${retained[m].rssAfterCollectionAfterMb} MB`]),
  ) : null;
  const eventsOk = stored >= sent && stored <= sent + inFlight && lostReported === 0;
  const out = {
    date: new Date().toISOString(),
    corpus: 'baomoi-35k', documents: manifest.documentCount, shards: manifest.shards.length,
    server: args.via === 'cli' ? 'wrangler dev CLI' : 'wrangler unstable_startWorker (wrangler dev without the DevTools inspector)', mode: 'durable-objects, local workerd',
    config: { connectionsPerServer: connections, ratePerServer: rate > 0 ? rate : 'unbounded', durationS: duration, warmup: warmupPass ? `${passes} pass(es) over the ${paths.length} queries` : `${warmup} s`, settleS: settle, vars: baseVars, queries: mix.length, mix: '70% short (1–4 words, half unaccented), 30% headlines' },
    recording: {
      off: { ...summary.off, seconds: seconds.off, ...counts.off },
      on: { ...summary.on, seconds: seconds.on, ...counts.on },
      change: cmp,
      budgetPct: BUDGET_PCT,
    },
    events: { sent, inFlightWhenRunStopped: inFlight, stored, lostReported, storedBefore: storedBefore.searches, storedAfter: storedAfter.searches, noLoss: eventsOk },
    timeline,
    slowResponses: { overMs: SLOW_LOG_MS, responses: slow },
    memory,
    control: { kind: controlName, what: CONTROL.what, memory: controlMemory },
    ...(args.heap ? { allocator: allocator.unavailable !== null && Object.keys(allocator.summaries()).length === 0 ? { unavailable: allocator.unavailable } : { what: "tcmalloc's own figures for each workerd process (gdb, MallocExtension), right after the forced collections; 'released': RSS once tcmalloc released its free memory at the end", ...allocator.summaries() } } : {}),
    ...(Object.keys(othersRead).length ? { otherIsolates: { what: "the local runtime's isolates besides the user Worker (wrangler's entry, asset and cache Workers; their heaps share the runtime's RSS): heaps right after forced collections before the settling and after the measured phase, and their committed heaps' slope over the phase", readings: othersRead, committedMbPerMin: { off: memory.off.othersTotalMbPerMin, on: memory.on.othersTotalMbPerMin, control: controlMemory.othersTotalMbPerMin } } } : {}),
    ...(retained ? { liveHeap: { what: 'V8 heap used after a full collection forced through the runtime inspector, before the settling and after the measured phase (front Worker and every Durable Object share the local isolate)', ...retained } } : {}),
    soak,
    ...(keptSlope ? { keptAfterCollection: { what: 'Worker runtime RSS right after a forced full collection, change per minute of the measured phase', mbPerMin: keptSlope, targetMbPerMin: SOAK_SLOPE_MB_PER_MIN } } : {}),
    machine: { node: process.version, cpus: os.cpus().length, loadAverageBefore, loadAverageAfter },
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const resultFile = `bench/results/${rate > 0 ? 'soak' : 'load'}.json`;
  writeFileSync(path.join(root, resultFile), JSON.stringify(out, null, 2) + '\n');

  console.log(`\n${duration}s, both servers at once, ${connections} connections each${rate > 0 ? `, ${rate} requests/s each` : ''}:\n`);
  console.log(table);
  console.log(`\nsoak (memory after the warm-up, stalls${rate > 0 ? '' : '; at unbounded rate latency includes queueing behind the other connections — use --rate'}):\n`);
  console.log(soakTable);
  if (keptTable) console.log(`\nmemory kept (RSS right after a forced full collection):\n\n${keptTable}`);
  if (heapTable) console.log(`\nstate kept (the JavaScript heap that survives a full garbage collection, forced through the runtime's inspector before and after the measured phase):\n\n${heapTable}`);
  if (args.heap) {
    const t = allocator.table();
    console.log(t ? `\nthe runtime's native allocator (tcmalloc, read through gdb right after each collection; MB, before → after the measured phase):\n\n${t}` : `\nthe runtime's native allocator: not read (${allocator.unavailable ?? 'no readings'})`);
    const windows = allocator.windowLines();
    if (windows.length) console.log(`\nanonymous memory by 4 GiB window of the address space (smaps, at the same moments; the runtime's V8 isolates share one window, their pointer-compression cage), largest changes:\n${windows.join('\n')}`);
    const iso = isolatesTable(othersRead);
    if (iso) {
      console.log(`\nthe runtime's other isolates (wrangler's entry, asset and cache Workers, in the same process; heaps right after a forced collection of each that had a turn to run it, before the settling and after the measured phase):\n\n${iso}`);
      const slopes = (['off', 'on', 'control'] as const).map((m) => { const mm = m === 'control' ? controlMemory : memory[m]; return `${m} ${mm.othersTotalMbPerMin ?? 'n/a'} MB/min (${mm.othersSamples} samples)`; });
      console.log(`their committed heaps during the measured phase, slope: ${slopes.join(', ')}`);
      // What a deployed Worker's process would carry: none of these isolates run beside it there.
      const without = (['off', 'on'] as const).map((m) => `${m} ${memory[m].othersTotalMbPerMin === null ? 'n/a' : `${Math.round((memory[m].workerRuntimeSlopeMbPerMin - memory[m].othersTotalMbPerMin) * 100) / 100} MB/min`}`);
      console.log(`Worker runtime RSS slope (own) minus theirs: ${without.join(', ')} (not the verdict above, which counts them)`);
    }
  }
  console.log(`\nrecording on vs off: p50 ${sign(cmp.p50Pct)}, p99 ${sign(cmp.p99Pct)}, throughput ${sign(cmp.throughputPct)} → ${cmp.within.all ? `within ${BUDGET_PCT}%` : `OVER the ${BUDGET_PCT}% budget (${Object.entries(cmp.within).filter(([k, v]) => k !== 'all' && !v).map(([k]) => k).join(', ')})`}`);
  console.log(`events: ${sent} searches answered 2xx with recording on (+${inFlight} in flight when the run stopped), ${stored} stored by the insights (GET /insights before/after: ${storedBefore.searches} → ${storedAfter.searches}), ${lostReported} reported lost → ${eventsOk ? 'no loss' : 'LOSS'}`);
  console.log(`machine: ${out.machine.cpus} CPUs, load average ${loadAverageBefore.join(' ')} before / ${loadAverageAfter.join(' ')} after (other processes compete for the CPUs)`);
  for (const m of ['off', 'on'] as const) {
    console.log(`Worker runtime RSS (recording ${m}): ${samples[m].map((s) => `${s.t}s ${s.workerMb}`).join(', ')} MB → slope ${memory[m].workerRuntimeSlopeMbPerMin} MB/min: ${memory[m].verdict}; restarts ${memory[m].runtimeRestarts}`);
    if (memory[m].heapUsedMbPerMin !== null) console.log(`  V8 heap in use / committed at those moments, garbage included (recording ${m}): ${samples[m].filter((s) => s.heapUsedMb !== undefined).map((s) => `${s.t}s ${s.heapUsedMb}/${s.heapTotalMb}/${s.embedderMb}`).join(', ')} MB (in use / committed / embedder's cppgc heap) → slopes ${memory[m].heapUsedMbPerMin} / ${memory[m].heapTotalMbPerMin} / ${memory[m].embedderMbPerMin} MB/min; RSS minus the heap in use: ${memory[m].outsideHeapMbPerMin} MB/min`);
    if (memory[m].runtimeRestarts > 0) console.error(`WARNING: the Worker runtime (recording ${m}) changed ${memory[m].runtimeRestarts} time(s) during the run (restarted after a crash?); see bench/.cache/load/server-${m}.log`);
  }
  console.log(`Worker runtime RSS (control): ${samples.control.map((s) => `${s.t}s ${s.workerMb}`).join(', ')} MB → slope ${controlSlope} MB/min: ${controlMemory.verdict}`);
  console.log(`written ${resultFile}`);
  const failures = (['off', 'on'] as const).reduce((a, m) => a + counts[m].non2xx + counts[m].errors + counts[m].timeouts, 0);
  if (failures > 0) {
    console.error('FAIL: some requests did not get a 2xx answer');
    exitCode = 1;
  }
  if (!eventsOk) {
    console.error(`FAIL: stored ${stored} search events for ${sent} answered searches (+${inFlight} in flight), ${lostReported} reported lost`);
    exitCode = 1;
  }
} finally {
  stopKeepingAlive();
  for (const probe of Object.values(probes)) probe.close();
  for (const o of Object.values(others)) o.close();
  for (const server of Object.values(servers)) await server.stop();
  await control?.stop();
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
