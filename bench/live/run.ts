/**
 * `npm run bench:live [-- --live 5000 --concurrency 8 --queries 1000 --skip-fault]`
 *
 * The live index under a newsroom's load, on the local Worker (wrangler's dev server: workerd, local
 * Durable Objects and their SQLite storage):
 * 1. builds the baomoi-35k index from all but 5,000 seeded articles (the base), and the clean index of
 *    all 35,440 (cached in bench/.cache/live/);
 * 2. measures searches (a fixed mix) with the live index empty;
 * 3. writes the 5,000 articles through `PUT /articles/:id` at concurrency 8 while searches run, and
 *    after every 5th acknowledgement searches for its headline until the article is found (ack → visible);
 * 4. measures the same searches with the 5,000 live articles against a second server on the same
 *    base with an empty live index, the mix interleaved over both (ABBA slices, so other load on the
 *    machine weighs on both alike), and the live index's memory;
 * 5. checks that no acknowledged write is lost (change feed, `/articles/:id`);
 * 6. folds the change feed into a build (`build:index --journal`), serves it on the same live storage,
 *    checks nothing is doubled, and compares known-item S@1 of the 5,000 with the clean build;
 * 7. the fault test: SIGKILL of the runtime in the middle of a 5,000-article ingest (bench/live/fault.ts).
 * Prints a table with the targets, writes bench/results/live.{md,json}; exit 1 when a target fails.
 * Skips (exit 0) when ../shared/corpora/baomoi-35k is absent.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openIndex } from '../../index-build/open-index.js';
import { fetchChanges, writeJournal } from '../../index-build/live-journal.js';
import { hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath, type BaomoiArticle } from '../lib/baomoi.js';
import { hashCodeTrees, pruneStale, shortHash } from '../lib/cache.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { fmt, fmtInt, markdownTable } from '../lib/table.js';
import { workerdRssMb } from '../lib/proc.js';
import { queryMix } from '../lib/query-mix.js';
import { startLocalWorkerProcess, type LocalWorker } from '../../scripts/local-worker.js';
import { linkFolder, splitCorpus } from './corpus-split.js';
import { faultTest, type FaultResult } from './fault.js';
import { pool, timed } from './http.js';
import { ingest, storedTitle } from './ingest.js';
import { duplicateGroups, scoreDrift, successAt1, successAt1Http } from './known-item.js';

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    live: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '8' },
    queries: { type: 'string', default: '1000' },
    'probe-every': { type: 'string', default: '5' },
    'skip-fault': { type: 'boolean', default: false },
    'skip-fold': { type: 'boolean', default: false },
  },
});
const LIVE = Number(args.live);
const CONCURRENCY = Number(args.concurrency);
const QUERIES = Number(args.queries);
const PROBE_EVERY = Number(args['probe-every']);
const TOKEN = 'bench-live-token';
const log = (s: string) => console.log(s);

const corpusDir = sharedCorpusPath(root, 'baomoi-35k');
if (!existsSync(corpusDir)) {
  console.log(`bench:live skipped: ${corpusDir} not found (the shared corpora are not available here).`);
  process.exit(0);
}

// 1. Corpus split and builds (cached by corpus listing + build code).
const cacheRoot = path.join(root, 'bench/.cache/live');
mkdirSync(cacheRoot, { recursive: true });
const files = listBaomoi(corpusDir);
const split = splitCorpus(files, LIVE);
const codeKey = hashCodeTrees(root, ['src/analyzer', 'src/index-format', 'src/scoring', 'src/suggest', 'index-build']);
const build = (name: string, input: string, extra: string[] = []) => {
  const out = path.join(cacheRoot, name);
  if (existsSync(path.join(out, 'index', 'manifest.json'))) { log(`reusing ${path.relative(root, out)}`); return out; }
  log(`building ${path.relative(root, out)} …`);
  const t0 = performance.now();
  execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'index-build/cli.ts', '--input', input, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
};
const baseKey = shortHash(hashFileList(split.base), codeKey);
const baseCorpus = linkFolder(corpusDir, split.base, path.join(cacheRoot, `base-corpus-${shortHash(hashFileList(split.base))}`));
const baseAssets = build(`base-${baseKey}`, baseCorpus);
const cleanAssets = build(`clean-${shortHash(hashFileList(files), codeKey)}`, corpusDir);
const sampleAssets = build(`sample-${codeKey}`, 'data');
pruneStale(cacheRoot, 'base', `base-${baseKey}`, 3600_000);

const all = loadBaomoi(corpusDir, files);
const byId = new Map(all.map((a) => [a.id, a]));
const liveArticles = split.live.map((f) => byId.get(f.name.slice(0, -4))!);
const copies = duplicateGroups(all);
const mix = queryMix(split.base.map((f) => byId.get(f.name.slice(0, -4))!), QUERIES, 77);
const vars = { REQUEST_LOG: 'off', RESPONSE_CACHE: 'off', RATE_LIMIT: 'off', SHARD_MODE: 'auto', INGEST_TOKEN: TOKEN };
const stateDir = path.join(cacheRoot, `state-${Date.now()}`);
const serverLog = path.join(cacheRoot, 'server.log');

/** Searches of one server: latencies (ms) and failures. */
interface SearchSample { latency: LatencySummary; failures: number }

/** Runs the query mix one at a time; returns latencies (ms) and failures. */
async function measureSearches(url: string, label: string): Promise<SearchSample> {
  return (await measureSideBySide({ [label]: url }))[label];
}

/** Slices the query mix is cut into for {@link measureSideBySide}. */
const SLICES = 10;

/**
 * Runs the query mix one query at a time on several servers, interleaved: the mix is cut into
 * {@link SLICES} slices and each slice runs on every server in turn, the order reversed from one
 * slice to the next (ABBA…). Whatever else loads the machine meanwhile weighs on every server alike,
 * so their latencies compare within one run.
 */
async function measureSideBySide(servers: Record<string, string>): Promise<Record<string, SearchSample>> {
  const labels = Object.keys(servers);
  const ms = new Map(labels.map((l) => [l, [] as number[]]));
  const failures = new Map(labels.map((l) => [l, 0]));
  const size = Math.ceil(mix.length / SLICES);
  for (let slice = 0; slice < SLICES; slice++) {
    const order = slice % 2 === 0 ? labels : [...labels].reverse();
    for (const label of order) {
      for (const m of mix.slice(slice * size, (slice + 1) * size)) {
        const r = await timed(`${servers[label]}/search?q=${encodeURIComponent(m.q)}`);
        if (r.status !== 200) failures.set(label, failures.get(label)! + 1);
        ms.get(label)!.push(r.ms);
      }
    }
  }
  const out: Record<string, SearchSample> = {};
  for (const label of labels) {
    out[label] = { latency: summarizeLatency(ms.get(label)!), failures: failures.get(label)! };
    log(`  searches ${label}: p50 ${out[label].latency.p50} ms, p99 ${out[label].latency.p99} ms (${out[label].failures} failures)`);
  }
  return out;
}

const workerMb = (server: LocalWorker) => {
  const port = Number(new URL(server.url).port);
  const { processes } = workerdRssMb(server.pid);
  return Math.round(processes.filter((p) => p.entryPort !== port).reduce((a, p) => a + p.mb, 0));
};

const results: Record<string, unknown> = { date: new Date().toISOString(), machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) } };
let exitCode = 0;
let server = await startLocalWorkerProcess({ assets: baseAssets, persistTo: stateDir, vars, logFile: serverLog });
try {
  log(`local Worker at ${server.url}: base of ${split.base.length} articles; ${liveArticles.length} to write live`);
  // 2. Searches with the live index empty (after a warm-up that loads every shard).
  await pool(mix.slice(0, 300), 4, async (m) => { await timed(`${server.url}/search?q=${encodeURIComponent(m.q)}`); });
  const beforeIngest = await measureSearches(server.url, 'before the ingest (live index empty)');
  const rssBefore = workerMb(server);

  // 3. Ingest with visibility probes while searches run.
  const during: number[] = [];
  let ingesting = true;
  const background = (async () => {
    let i = 0;
    while (ingesting) {
      const r = await timed(`${server.url}/search?q=${encodeURIComponent(mix[i++ % mix.length].q)}`);
      during.push(r.ms);
    }
  })();
  log(`  writing ${liveArticles.length} articles at concurrency ${CONCURRENCY} (every ${PROBE_EVERY}th followed by searches for its headline until found) …`);
  const ingested = await ingest(liveArticles, { url: server.url, token: TOKEN, concurrency: CONCURRENCY, probeEvery: PROBE_EVERY });
  ingesting = false;
  await background;
  const ackMs = summarizeLatency(ingested.ackMs);
  const visibleMs = summarizeLatency(ingested.visibleMs);
  const rate = ingested.acked.size / (ingested.wallMs / 1000);
  log(`  acknowledged ${ingested.acked.size} (${ingested.unacked.size} failed) in ${(ingested.wallMs / 1000).toFixed(1)} s: ${rate.toFixed(0)} articles/s; ack→visible p50 ${visibleMs.p50} ms, p99 ${visibleMs.p99} ms, not found ${ingested.notVisible.length}`);
  const duringSummary = summarizeLatency(during);

  // 4. The same searches with 5,000 live articles, once the background merges have finished (they
  // share the runtime's one thread with searches here); memory.
  const settleStarted = performance.now();
  let health = (await timed(`${server.url}/health`)).body;
  while (health.live.merging && performance.now() - settleStarted < 300_000) {
    await new Promise((res) => setTimeout(res, 1000));
    health = (await timed(`${server.url}/health`)).body;
  }
  const settleMs = performance.now() - settleStarted;
  log(`  background merges finished ${(settleMs / 1000).toFixed(1)} s after the last write: ${health.live.segments} segments${health.live.merging ? ' (still merging after 300 s)' : ''}`);
  const rssAfter = workerMb(server);
  // The same base served with an empty live index beside it, and the mix interleaved over both.
  const plainState = path.join(cacheRoot, `state-plain-${Date.now()}`);
  const plain = await startLocalWorkerProcess({ assets: baseAssets, persistTo: plainState, vars, logFile: path.join(cacheRoot, 'server-plain.log') });
  let compared: Record<string, SearchSample>;
  try {
    await pool(mix.slice(0, 300), 4, async (m) => { await timed(`${plain.url}/search?q=${encodeURIComponent(m.q)}`); });
    log(`  the mix on two servers at once, interleaved in ${SLICES} slices: the same base with the live index empty, and with ${health.live.articles} live articles`);
    compared = await measureSideBySide({ 'live index empty': plain.url, [`${health.live.articles} live articles`]: server.url });
  } finally {
    await plain.stop();
    rmSync(plainState, { recursive: true, force: true });
  }
  const [without, withLive] = Object.values(compared);

  // 5. Lost writes: every acknowledged article is in the change feed and served.
  const feed = await fetchChanges({ url: server.url, token: TOKEN }, 0);
  const inFeed = new Set(feed.changes.filter((c) => c.op === 'put').map((c) => c.id));
  let served = 0;
  await pool([...ingested.acked.keys()], CONCURRENCY, async (id) => {
    const r = await timed(`${server.url}/articles/${encodeURIComponent(id)}`);
    if (r.status === 200 && r.body.title === storedTitle(byId.get(id)!)) served++;
  });
  const lost = [...ingested.acked.keys()].filter((id) => !inFeed.has(id)).length + (ingested.acked.size - served);
  log(`  lost writes: ${lost} (feed has ${inFeed.size} puts, ${served} served by /articles/:id)`);
  const s1Live = await successAt1Http(server.url, liveArticles, copies);
  log(`  known-item S@1 of the live articles while live: ${fmt(s1Live)}`);
  const drift = await scoreDrift(server.url, await openIndex(path.join(cleanAssets, 'index')), liveArticles.slice(0, 500));
  log(`  statistics drift of live scores vs a clean build (${drift.compared} articles): mean ${(100 * drift.meanRelative).toFixed(2)}%, p95 ${(100 * drift.p95Relative).toFixed(2)}%, max ${(100 * drift.maxRelative).toFixed(2)}%`);

  results.ingest = {
    articles: ingested.acked.size, failed: ingested.unacked.size, seconds: Math.round(ingested.wallMs / 100) / 10, articlesPerSecond: Math.round(rate),
    ackMs, visibleMs, notVisible: ingested.notVisible.length, searchesDuringIngest: duringSummary,
  };
  results.search = { without: without.latency, with: withLive.latency, failures: without.failures + withLive.failures, queries: mix.length, beforeIngest: beforeIngest.latency, interleavedSlices: SLICES };
  results.memory = { liveSegmentsMb: Math.round(health.live.bytes / 1048576 * 10) / 10, segments: health.live.segments, mergesSettledSeconds: Math.round(settleMs / 100) / 10, workerRssBeforeMb: rssBefore, workerRssAfterMb: rssAfter, bytesPerArticle: Math.round(health.live.bytes / Math.max(1, health.live.articles)) };
  results.durability = { lost, inFeed: inFeed.size, served };
  results.knownItem = { live: s1Live };
  results.drift = drift;

  // 6. Fold in: the change feed into a journal, a build with it, served on the same live storage.
  if (!args['skip-fold']) {
    const journal = path.join(cacheRoot, 'journal.jsonl');
    rmSync(journal, { force: true });
    await writeJournal(journal, feed.changes);
    const foldedAssets = path.join(cacheRoot, 'folded');
    rmSync(foldedAssets, { recursive: true, force: true });
    build('folded', baseCorpus, ['--journal', journal]);
    await server.stop();
    server = await startLocalWorkerProcess({ assets: foldedAssets, persistTo: stateDir, vars, logFile: serverLog });
    const after = (await timed(`${server.url}/health`)).body;
    let doubled = 0;
    let missing = 0;
    await pool(liveArticles.slice(0, 500), CONCURRENCY, async (a) => {
      const r = await timed(`${server.url}/search?q=${encodeURIComponent(a.title)}&limit=50&prefix=false&fields=id`);
      const n = r.body.hits.filter((h: { id: string }) => h.id === a.id).length;
      if (n > 1) doubled++;
      if (n === 0) missing++;
    });
    log(`  folded build: ${after.manifest.documentCount} articles, live changes still served ${after.live.changes}; of 500 live articles searched: ${doubled} doubled, ${missing} missing`);
    await server.stop();
    log('  known-item S@1 of the 5,000 on the folded and on the clean build (in process) …');
    const s1Folded = await successAt1(await openIndex(path.join(foldedAssets, 'index')), liveArticles, copies);
    const s1Clean = await successAt1(await openIndex(path.join(cleanAssets, 'index')), liveArticles, copies);
    log(`  S@1 folded ${fmt(s1Folded)}, clean ${fmt(s1Clean)}`);
    results.fold = { documents: after.manifest.documentCount, liveChangesServedAfter: after.live.changes, doubled, missing, checked: 500 };
    Object.assign(results.knownItem as object, { folded: s1Folded, clean: s1Clean });
  }
} finally {
  await server.stop();
}

// 7. The fault test, on the small sample index (the kill and restart are what is tested).
let fault: FaultResult | null = null;
if (!args['skip-fault']) {
  log(`fault test: ${liveArticles.length} writes, SIGKILL after ${Math.floor(liveArticles.length * 0.4)} acknowledgements …`);
  fault = await faultTest({
    assets: sampleAssets, persistTo: path.join(cacheRoot, `fault-state-${Date.now()}`), vars, token: TOKEN, logFile: path.join(cacheRoot, 'fault.log'),
    articles: liveArticles, killAfter: Math.floor(liveArticles.length * 0.4), concurrency: CONCURRENCY, log,
  });
  log(`  ${JSON.stringify(fault)}`);
  results.fault = fault;
}
rmSync(stateDir, { recursive: true, force: true });

// Report.
const r = results as any;
const ratio = (a: number, b: number) => a / b;
const rows: Array<[string, string, string, boolean]> = [
  ['ingest', `${fmtInt(r.ingest.articles)} articles in ${r.ingest.seconds} s at concurrency ${CONCURRENCY}: ${r.ingest.articlesPerSecond} articles/s (write p50 ${r.ingest.ackMs.p50} ms, p99 ${r.ingest.ackMs.p99} ms)`, '', r.ingest.failed === 0],
  ['ack → visible p50 / p99', `${r.ingest.visibleMs.p50} / ${r.ingest.visibleMs.p99} ms (${r.ingest.notVisible} not found)`, 'p99 ≤ 1000 ms', r.ingest.visibleMs.p99 <= 1000 && r.ingest.notVisible === 0],
  ['search p50: live empty → 5,000 live (two servers, interleaved)', `${r.search.without.p50} → ${r.search.with.p50} ms (${fmt(ratio(r.search.with.p50, r.search.without.p50), 2)}×)`, '≤ 1.25×', ratio(r.search.with.p50, r.search.without.p50) <= 1.25],
  ['search p99: live empty → 5,000 live (two servers, interleaved)', `${r.search.without.p99} → ${r.search.with.p99} ms (${fmt(ratio(r.search.with.p99, r.search.without.p99), 2)}×)`, '≤ 1.25×', ratio(r.search.with.p99, r.search.without.p99) <= 1.25],
  ['search p50 / p99 before the ingest (same server, live index empty)', `${r.search.beforeIngest.p50} / ${r.search.beforeIngest.p99} ms`, '', true],
  ['search p50 / p99 during the ingest', `${r.ingest.searchesDuringIngest.p50} / ${r.ingest.searchesDuringIngest.p99} ms`, '', true],
  ['live index memory', `${r.memory.liveSegmentsMb} MB of segments (${fmtInt(r.memory.bytesPerArticle)} B/article, ${r.memory.segments} segments once background merges finished, ${r.memory.mergesSettledSeconds} s after the last write); Worker runtime RSS ${r.memory.workerRssBeforeMb} → ${r.memory.workerRssAfterMb} MB`, '', true],
  ['acknowledged writes lost', String(r.durability.lost), '0', r.durability.lost === 0],
  ['known-item S@1 of the 5,000 while live', fmt(r.knownItem.live), '', true],
  ['statistics drift: live score vs clean build, mean / p95 / max', `${(100 * r.drift.meanRelative).toFixed(2)}% / ${(100 * r.drift.p95Relative).toFixed(2)}% / ${(100 * r.drift.maxRelative).toFixed(2)}% (${r.drift.compared} articles)`, '', true],
];
if (r.fold) {
  rows.push(['after fold-in: live changes still served, doubled, missing', `${r.fold.liveChangesServedAfter}, ${r.fold.doubled}, ${r.fold.missing} (of ${r.fold.checked})`, '0, 0, 0', r.fold.liveChangesServedAfter === 0 && r.fold.doubled === 0 && r.fold.missing === 0]);
  rows.push(['known-item S@1 of the 5,000: folded vs clean build', `${fmt(r.knownItem.folded)} vs ${fmt(r.knownItem.clean)}`, 'equal', r.knownItem.folded === r.knownItem.clean]);
}
if (fault) {
  rows.push(['fault: SIGKILL mid-ingest, restart', `${fmtInt(fault.acked)} acked, ${fault.unacked} unacked (${fault.unackedStored} stored whole), ${fmtInt(fault.unsent)} unsent; restart ${(fault.restartMs / 1000).toFixed(1)} s`, '', true]);
  rows.push(['fault: acked lost / half-visible / phantom', `${fault.lost} / ${fault.halfVisible} / ${fault.phantom}`, '0 / 0 / 0', fault.lost === 0 && fault.halfVisible === 0 && fault.phantom === 0]);
}
const table = markdownTable(['measure', 'value', 'target', 'result'], rows.map(([m, v, t, ok]) => [m, v, t, t ? (ok ? 'PASS' : 'FAIL') : ok ? '' : 'FAIL']), ['left', 'left', 'left', 'left']);
console.log(`\n${table}`);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/live.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(path.join(root, 'bench/results/live.md'), `# npm run bench:live (${results.date as string})\n\nbaomoi-35k: base of ${split.base.length} articles, ${LIVE} written live. Machine: ${os.cpus().length} CPUs, Node ${process.version}.\n\n${table}\n`);
if (rows.some(([, , t, ok]) => !ok && t !== '')) exitCode = 1;
if (rows.some(([, , t, ok]) => !ok && t === '')) exitCode = 1;
process.exitCode = exitCode;
