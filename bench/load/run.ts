/**
 * `npm run bench:load [-- --duration 60 --connections 32 --warmup 60 --cache off --via api|cli]`
 *
 * Sustained load against `wrangler dev` serving the baomoi-35k index through Durable Objects (as
 * deployed): builds the index into bench/.cache/load/ (reused while the corpus and the build code are
 * unchanged), starts `wrangler dev` on a free port (`--via api`, the default: wrangler's programmatic
 * dev server without the DevTools inspector, see wrangler-dev.ts for why; `--via cli`: the CLI with
 * `--assets <dir>`), warms up, then runs autocannon with a mixed query
 * set. Reports requests/s, latency p50/p90/p99, non-2xx responses (any → exit 1) and the RSS of the
 * workerd process tree sampled before, every 10 s during and after the run, with its trend: the
 * verdict is on the process running the Worker and its Durable Objects (the other workerd is
 * wrangler's dev proxy, whose memory is reported apart). The warm-up (60 s by default) lets V8 heaps
 * reach their working size first.
 * Writes bench/results/load.json. Skips (exit 0) when ../shared/corpora/baomoi-35k is absent.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath } from '../lib/baomoi.js';
import { hashCodeTrees, pruneStale, shortHash } from '../lib/cache.js';
import { slope, workerdRssMb } from './proc-memory.js';
import { queryMix } from './queries.js';
import { startDevWorkerProcess, startWranglerDev } from './wrangler-dev.js';

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '60' },
    cache: { type: 'string', default: 'off' },
    rebuild: { type: 'boolean', default: false },
    via: { type: 'string', default: 'api' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const warmup = Number(args.warmup);
const SAMPLE_EVERY_S = 10;

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
const mix = queryMix(loadBaomoi(corpusDir, files).map((a) => a.title), 4000);
const paths = mix.map((m) => `/search?q=${encodeURIComponent(m.q)}`);
let next = 0;
const requests = [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
console.log(`query mix: ${mix.length} queries (${mix.filter((m) => m.kind !== 'headline').length} short, half unaccented; ${mix.filter((m) => m.kind === 'headline').length} headlines), e.g. ${mix.slice(0, 4).map((m) => JSON.stringify(m.q)).join(', ')}`);

// 3. wrangler dev, warm-up, measured run with memory samples.
const vars = { REQUEST_LOG: 'off', RESPONSE_CACHE: args.cache === 'on' ? 'on' : 'off', RATE_LIMIT: 'off', SHARD_MODE: 'auto' };
mkdirSync(path.join(cacheRoot, 'state'), { recursive: true });
const devOptions = { assets, vars, persistTo: path.join(cacheRoot, 'state'), logFile: path.join(cacheRoot, 'server.log') };
const server = args.via === 'cli' ? await startWranglerDev(devOptions) : await startDevWorkerProcess(devOptions);
// wrangler's dev proxy is the workerd listening on the public port; the other one runs the Worker and its DOs.
const publicPort = Number(new URL(server.url).port);
const samples: Array<{ label: string; t: number; rssMb: number; workerMb: number; proxyMb: number; workerPids: number[] }> = [];
const sample = (label: string, t: number) => {
  const { mb, processes } = workerdRssMb(server.pid);
  const worker = processes.filter((p) => p.entryPort !== publicPort);
  const workerMb = Math.round(worker.reduce((a, p) => a + p.mb, 0) * 10) / 10;
  const proxyMb = Math.round((mb - workerMb) * 10) / 10;
  samples.push({ label, t, rssMb: mb, workerMb, proxyMb, workerPids: worker.map((p) => p.pid) });
  console.log(`  RSS ${label.padEnd(8)} ${String(mb).padStart(8)} MB = Worker runtime ${workerMb} (pid ${worker.map((p) => p.pid).join(',') || 'none'}) + wrangler dev proxy ${proxyMb}`);
};
let exitCode = 0;
let loadAverageBefore: number[] = [];
try {
  console.log(`wrangler dev ready at ${server.url} (${manifest.documentCount} documents, ${manifest.shards.length} shards)`);
  sample('started', 0);
  const warm = await autocannon({ url: server.url, connections, duration: warmup, requests });
  console.log(`warm-up: ${warm['2xx']} responses in ${warmup}s (${warm.non2xx} non-2xx)`);
  sample('before', 0);
  loadAverageBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const started = Date.now();
  const timer = setInterval(() => sample('during', Math.round((Date.now() - started) / 1000)), SAMPLE_EVERY_S * 1000);
  // Per-window throughput, failures and slowest response: shows stalls that averages hide.
  const windows: Array<{ fromS: number; responses: number; non2xx: number; errors: number; maxMs: number }> = [];
  const windowAt = () => {
    const i = Math.floor((Date.now() - started) / 1000 / SAMPLE_EVERY_S);
    while (windows.length <= i) windows.push({ fromS: windows.length * SAMPLE_EVERY_S, responses: 0, non2xx: 0, errors: 0, maxMs: 0 });
    return windows[i];
  };
  const run = autocannon({ url: server.url, connections, duration, requests, timeout: 30 });
  run.on('response', (_c, status, _b, ms) => { const w = windowAt(); w.responses++; if (status < 200 || status > 299) w.non2xx++; w.maxMs = Math.max(w.maxMs, Math.round(ms)); });
  run.on('reqError', () => { windowAt().errors++; });
  const result = await run;
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 2000));
  sample('after', Math.round((Date.now() - started) / 1000));

  const trend = samples.filter((s) => s.label !== 'started');
  const mbPerMin = slope(trend.map((s) => ({ x: s.t / 60, y: s.rssMb })));
  const workerMbPerMin = slope(trend.map((s) => ({ x: s.t / 60, y: s.workerMb })));
  const meanMb = trend.reduce((a, s) => a + s.rssMb, 0) / trend.length;
  // A new Worker-runtime pid means workerd was restarted under the load (a crash), which hides memory.
  const runtimeRestarts = trend.slice(1).filter((s, i) => s.workerPids.join() !== trend[i].workerPids.join()).length;
  // The verdict is about the Worker (its runtime process); wrangler's dev proxy is reported apart.
  const workerMeanMb = trend.reduce((a, s) => a + s.workerMb, 0) / trend.length;
  const growthOverRun = workerMbPerMin * (duration / 60);
  const verdict = Math.abs(growthOverRun) <= Math.max(10, 0.05 * workerMeanMb) ? 'no growth trend' : growthOverRun > 0 ? 'GROWING' : 'shrinking';
  // A leak raises the floor; a V8 heap that grows until its next major GC does not.
  const before = trend[0].workerMb;
  const secondHalf = trend.slice(Math.floor(trend.length / 2));
  const floorAfterRunVsBeforeMb = Math.round((Math.min(...secondHalf.map((s) => s.workerMb)) - before) * 10) / 10;
  const out = {
    date: new Date().toISOString(),
    corpus: 'baomoi-35k', documents: manifest.documentCount, shards: manifest.shards.length,
    server: args.via === 'cli' ? 'wrangler dev CLI' : 'wrangler unstable_startWorker (wrangler dev without the DevTools inspector)', mode: 'durable-objects, local workerd',
    config: { connections, durationS: duration, warmupS: warmup, vars, queries: mix.length, mix: '70% short (1–4 words, half unaccented), 30% headlines' },
    requests: { total: result['2xx'] + result.non2xx, perSecond: Math.round(result.requests.average * 10) / 10 },
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: Math.round(result.latency.average * 10) / 10 },
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodes: result.statusCodeStats ?? {},
    timeline: windows,
    memory: { samples, slopeMbPerMin: Math.round(mbPerMin * 100) / 100, workerRuntimeSlopeMbPerMin: Math.round(workerMbPerMin * 100) / 100, meanMb: Math.round(meanMb), verdict, floorAfterRunVsBeforeMb, runtimeRestarts },
    machine: { node: process.version, cpus: os.cpus().length, loadAverageBefore, loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/load.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\n${out.requests.total} requests in ${duration}s at concurrency ${connections}: ${out.requests.perSecond} req/s`);
  console.log(`latency p50 ${out.latencyMs.p50} ms, p90 ${out.latencyMs.p90} ms, p99 ${out.latencyMs.p99} ms (max ${out.latencyMs.max} ms)`);
  console.log(`non-2xx ${out.non2xx}, errors ${out.errors}, timeouts ${out.timeouts}`);
  console.log(`machine: ${out.machine.cpus} CPUs, load average ${loadAverageBefore.join(' ')} before / ${out.machine.loadAverageAfter.join(' ')} after (other processes compete for the CPUs)`);
  console.log(`Worker runtime RSS: ${samples.map((s) => `${s.label}@${s.t}s ${s.workerMb}`).join(', ')} MB → slope ${out.memory.workerRuntimeSlopeMbPerMin} MB/min: ${verdict}`);
  console.log(`all workerd (incl. wrangler dev proxy): ${samples.map((s) => `${s.t}s ${s.rssMb}`).join(', ')} MB → slope ${out.memory.slopeMbPerMin} MB/min`);
  console.log(`per ${SAMPLE_EVERY_S}s: ${windows.map((w) => `${w.fromS}s ${w.responses} resp (${w.non2xx} non-2xx, ${w.errors} err, max ${w.maxMs} ms)`).join('; ')}`);
  console.log(`Worker runtime: lowest RSS in the second half of the run minus RSS before it ${floorAfterRunVsBeforeMb} MB; restarts seen ${runtimeRestarts}`);
  console.log('written bench/results/load.json');
  if (runtimeRestarts > 0) console.error(`WARNING: the Worker runtime process changed ${runtimeRestarts} time(s) during the run (restarted after a crash?); see ${devOptions.logFile}`);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || warm.non2xx > 0) {
    console.error('FAIL: some requests did not get a 2xx answer');
    exitCode = 1;
  }
} finally {
  await server.stop();
}
process.exitCode = exitCode;
