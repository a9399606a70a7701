/**
 * `npm run bench:wrangler-dev [-- --requests 1000 --concurrency 4 --rebuild]`
 *
 * Plain `npx wrangler dev` serving the whole baomoi-35k index, started exactly as a user types it
 * (`npx wrangler dev --port <n>` in the project folder: wrangler.toml's [build] command, the DevTools
 * inspector, local Durable Objects, static assets). The index is built once with
 * `npm run build:index -- --input ../shared/corpora/baomoi-35k` into bench/.cache/wrangler-dev/
 * (reused while the corpus and the build code are unchanged) and moved into dist/assets/index for
 * the run; the index that was there is moved back afterwards.
 *
 * Measures the time until `/health` answers 200 (every shard loaded and verified), then sends 1,000
 * mixed requests (bench/wrangler-dev/requests.ts) and reports failed requests (anything but 200,
 * network errors, timeouts: must be 0), latency, and the peak memory and open file descriptors of
 * wrangler's processes, sampled every 250 ms. Writes bench/results/wrangler-dev.{json,md}; exits 1
 * when a target is missed. Skips (exit 0) when ../shared/corpora/baomoi-35k is absent.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath } from '../lib/baomoi.js';
import { hashCodeTrees, pruneStale, shortHash } from '../lib/cache.js';
import { summarizeLatency } from '../lib/latency-summary.js';
import { markdownTable } from '../lib/table.js';
import { queryMix } from '../lib/query-mix.js';
import { freePort, startWranglerDev, type LocalWorker } from '../../scripts/local-worker.js';
import { swapInIndex } from './index-swap.js';
import { ROLES, sampleRoles, type Role, type RoleSample } from './process-roles.js';
import { benchRequests, type BenchRequest } from './requests.js';

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '4' },
    rebuild: { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const READY_TIMEOUT_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** Targets: no failed request, and wrangler's processes stay far from the limits that broke it before. */
const TARGETS = {
  failed: 0,
  /** A default macOS shell allows 256 open files per process (`ulimit -n`). */
  fdsPerRole: 256,
  /** The dev proxy and wrangler's Node process only forward requests and logs. */
  proxyRssMb: 256,
  wranglerRssMb: 512,
  /** The runtime holds the whole index (~300 MB of files) plus the Worker. */
  runtimeRssMb: 1024,
};

const corpusDir = sharedCorpusPath(root, 'baomoi-35k');
if (!existsSync(corpusDir)) {
  console.log(`bench:wrangler-dev skipped: ${corpusDir} not found (the shared corpora are not available here).`);
  process.exit(0);
}

// 1. The 35k index, built with the command a user runs (once per corpus + build code).
const files = listBaomoi(corpusDir);
const key = shortHash(hashFileList(files), hashCodeTrees(root, ['src/analyzer', 'src/index-format', 'src/scoring', 'src/suggest', 'index-build']));
const cacheRoot = path.join(root, 'bench/.cache/wrangler-dev');
const built = path.join(cacheRoot, `baomoi-${key}`);
if (args.rebuild || !existsSync(path.join(built, 'index', 'manifest.json'))) {
  const tmp = path.join(cacheRoot, `.tmp-baomoi-${key}`);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`building the baomoi-35k index: npm run build:index -- --input ${path.relative(root, corpusDir)} --out ${path.relative(root, tmp)}`);
  execFileSync('npm', ['run', '--silent', 'build:index', '--', '--input', corpusDir, '--out', tmp], { stdio: 'inherit' });
  rmSync(built, { recursive: true, force: true });
  renameSync(tmp, built);
  pruneStale(cacheRoot, 'baomoi', `baomoi-${key}`);
} else {
  console.log(`reusing the index in ${path.relative(root, built)}`);
}
const manifest = JSON.parse(readFileSync(path.join(built, 'index', 'manifest.json'), 'utf8')) as { documentCount: number; shards: unknown[]; contentHash: string };

// 2. The requests.
const requests = benchRequests(queryMix(loadBaomoi(corpusDir, files), REQUESTS));

// 3. `npx wrangler dev --port <n>`, as typed, over the 35k index.
const swap = swapInIndex(path.join(root, 'dist/assets'), path.join(built, 'index'));
const port = await freePort();
const logFile = path.join(cacheRoot, 'wrangler.log');

// Memory and file descriptors by role, every 250 ms, from the moment wrangler is spawned.
const peaks = new Map<Role, RoleSample>(ROLES.map((role) => [role, { role, pids: [], rssMb: 0, fds: 0 }]));
let last: RoleSample[] = [];
let sampler: ReturnType<typeof setInterval> | undefined;
const startSampling = (pid: number) => {
  sampler = setInterval(() => {
    last = sampleRoles(pid, port);
    for (const s of last) {
      const p = peaks.get(s.role)!;
      p.rssMb = Math.max(p.rssMb, s.rssMb);
      p.fds = Math.max(p.fds, s.fds);
      p.pids = [...new Set([...p.pids, ...s.pids])];
    }
  }, 250);
};
let server: LocalWorker | undefined;
let stopped = false;
const stop = async () => {
  if (stopped) return;
  stopped = true;
  clearInterval(sampler);
  await server?.stop();
  swap.restore();
};
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => { void stop().then(() => process.exit(130)); });

const base = `http://127.0.0.1:${port}`;
let exitCode = 0;
try {
  // 4. Ready: /health loads and verifies every shard.
  server = await startWranglerDev({ asTyped: true, port, logFile, timeoutMs: READY_TIMEOUT_MS, onSpawn: startSampling });
  const readyMs = server.readyMs;
  const afterLoad = sampleRoles(server.pid, port);
  console.log(`npx wrangler dev --port ${port}: /health 200 after ${(readyMs / 1000).toFixed(1)} s (${manifest.documentCount} documents, ${manifest.shards.length} shards loaded and verified)`);

  // 5. The requests, CONCURRENCY at a time.
  const latency: Record<BenchRequest['kind'], number[]> = { search: [], suggest: [], article: [] };
  const failures: string[] = [];
  let next = 0;
  const runStarted = Date.now();
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const t = performance.now();
      try {
        const res = await fetch(base + r.path, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const body = await res.text();
        if (res.status !== 200) failures.push(`${res.status} ${r.path} ${body.slice(0, 160)}`);
        else latency[r.kind].push(performance.now() - t);
      } catch (e) {
        failures.push(`${(e as Error).name} ${r.path}`);
      }
    }
  });
  await Promise.all(workers);
  const runS = (Date.now() - runStarted) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const end = last;
  const logErrors = (readFileSync(logFile, 'utf8').match(/Too many open files|\[ERROR\]|Uncaught/g) ?? []).length;

  // 6. Report.
  const all = Object.values(latency).flat();
  const total = summarizeLatency(all);
  const fmtMs = (x: number) => x.toFixed(1);
  const peak = (r: Role) => peaks.get(r)!;
  const at = (samples: RoleSample[], r: Role) => samples.find((s) => s.role === r)!;
  const checks: Array<[string, string, string, boolean]> = [
    ['failed requests (not 200, network errors, timeouts)', String(failures.length), `${TARGETS.failed}`, failures.length === TARGETS.failed],
    ['errors in wrangler’s output', String(logErrors), '0', logErrors === 0],
    ...ROLES.map((r): [string, string, string, boolean] => [`peak open files: ${r}`, String(peak(r).fds), `≤ ${TARGETS.fdsPerRole}`, peak(r).fds <= TARGETS.fdsPerRole]),
    ['peak RSS: dev proxy (workerd)', `${peak('dev proxy (workerd)').rssMb} MB`, `≤ ${TARGETS.proxyRssMb} MB`, peak('dev proxy (workerd)').rssMb <= TARGETS.proxyRssMb],
    ['peak RSS: wrangler (Node)', `${peak('wrangler (Node)').rssMb} MB`, `≤ ${TARGETS.wranglerRssMb} MB`, peak('wrangler (Node)').rssMb <= TARGETS.wranglerRssMb],
    ['peak RSS: Worker runtime (workerd)', `${peak('Worker runtime (workerd)').rssMb} MB`, `≤ ${TARGETS.runtimeRssMb} MB`, peak('Worker runtime (workerd)').rssMb <= TARGETS.runtimeRssMb],
  ];
  const summary = markdownTable(['measure', 'value', 'target', 'result'], checks.map(([m, v, t, ok]) => [m, v, t, ok ? 'PASS' : 'FAIL']), ['left', 'right', 'left', 'left']);
  const memory = markdownTable(['process', 'RSS after /health', 'RSS after the run', 'peak RSS', 'peak open files'],
    ROLES.map((r) => [r, `${at(afterLoad, r).rssMb} MB`, `${at(end, r).rssMb} MB`, `${peak(r).rssMb} MB`, String(peak(r).fds)]));
  const latencyTable = markdownTable(['requests', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    [...(['search', 'suggest', 'article'] as const).map((k) => ({ k, s: summarizeLatency(latency[k]) })).map(({ k, s }) => [k, String(s.n), fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max)]),
      ['all', String(total.n), fmtMs(total.p50), fmtMs(total.p95), fmtMs(total.p99), fmtMs(total.max)]]);
  const heading = `\`npx wrangler dev --port ${port}\` serving baomoi-35k (${manifest.documentCount} articles, ${manifest.shards.length} shards): /health 200 after ${(readyMs / 1000).toFixed(1)} s, then ${requests.length} mixed requests, ${CONCURRENCY} at a time, in ${runS.toFixed(1)} s. ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`;
  const md = [heading, '', summary, '', memory, '', latencyTable, ''].join('\n');
  console.log(`\n${md}`);
  if (failures.length) console.log(`failed requests (first 10):\n  ${failures.slice(0, 10).join('\n  ')}`);
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/wrangler-dev.md'), md);
  writeFileSync(path.join(root, 'bench/results/wrangler-dev.json'), JSON.stringify({
    date: new Date().toISOString(),
    command: `npx wrangler dev --port ${port}`,
    corpus: 'baomoi-35k', documents: manifest.documentCount, shards: manifest.shards.length, contentHash: manifest.contentHash,
    readyMs, requests: requests.length, concurrency: CONCURRENCY, runSeconds: runS,
    failed: failures.length, failures: failures.slice(0, 50), logErrors,
    latencyMs: Object.fromEntries((['search', 'suggest', 'article'] as const).map((k) => [k, summarizeLatency(latency[k])])),
    memory: ROLES.map((r) => ({ role: r, afterLoadMb: at(afterLoad, r).rssMb, endMb: at(end, r).rssMb, peakMb: peak(r).rssMb, peakFds: peak(r).fds })),
    targets: TARGETS,
    machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() },
  }, null, 2) + '\n');
  console.log(`written bench/results/wrangler-dev.{md,json}; wrangler's output: ${path.relative(root, logFile)}`);
  if (checks.some(([, , , ok]) => !ok)) {
    console.error('FAIL: a target was missed');
    exitCode = 1;
  }
} catch (e) {
  console.error(`FAIL: ${(e as Error).message}`);
  exitCode = 1;
} finally {
  await stop();
}
process.exitCode = exitCode;
