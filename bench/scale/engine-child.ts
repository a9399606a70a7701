/**
 * Child process of the scale benchmark's comparison step (started with a large heap and
 * `--expose-gc`): loads one engine over the baomoi-35k corpus, then times queries one by one.
 *
 * Engines (`--engine`):
 * - `ours`: `openIndex` (the Worker's code path, every shard in this process) over the built index;
 *   load = open + load every shard; each query is a full `SearchService.search` (plan, shard
 *   evaluation, merge, stored fields, highlighted title and snippet of 10 hits).
 * - `phases`: the same engine driven step by step to time each phase of every query of the mix
 *   (planning in the front, each shard's evaluation, merging, hits/snippets), as
 *   `SearchService.search` runs them.
 * - `minisearch`: MiniSearch 7 with default options over `title` and `body` (lead + body).
 * - `flexsearch`: FlexSearch 0.8 `Document` over `title` and `body` with a folding `encode`
 *   (NFD, strip marks, đ→d, lower-case, split on non-letters/digits).
 *
 * Baselines index documents in batches and stop when `--budget-s` is exceeded (the report then
 * gives the subset size). Heap = heapUsed + arrayBuffers after a full GC, minus the same measure
 * before the engine was built, with the corpus text released. One `@@RESULT` JSON line.
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { LoadedShard } from '../../src/engine/loaded-shard.js';
import { planQuery } from '../../src/engine/planner.js';
import type { SearchOptions, ShardHit, ShardResult } from '../../src/engine/query-plan.js';
import type { SearchRequest } from '../../src/engine/search-service.js';
import { SynonymTable } from '../../src/engine/synonym-table.js';
import { MANIFEST_FILE, type IndexManifest } from '../../src/index-format/manifest.js';
import { completeLexicon, openIndex, readArrayBuffer } from '../../index-build/open-index.js';
import { baomoiBody, loadBaomoi } from '../lib/baomoi.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { emitResult } from '../lib/node-child.js';
import type { MixQuery, QueryKind } from '../lib/query-mix.js';

/** Result of the `ours`, `minisearch` and `flexsearch` engines. */
export interface EngineResult {
  engine: string;
  documentsIndexed: number;
  documentsTotal: number;
  /** Stopped early because indexing exceeded the time budget. */
  truncated: boolean;
  loadMs: number;
  /** Index memory: heapUsed + arrayBuffers after GC, minus the same before building it. */
  heapBytes: number;
  queries: number;
  latency: LatencySummary;
  /** Process CPU time per query (user + system): robust to other processes competing for the CPUs. */
  cpu: LatencySummary;
  /** Share of headline queries whose article (any article with that exact title) is in the top 10. */
  successAt10: number;
  /** Mean number of results returned (≤ 10). */
  meanResults: number;
}

/** Per-phase timings of the `phases` engine, by query kind and over all queries (milliseconds). */
export interface PhaseResult {
  engine: 'phases';
  shards: number;
  loadMs: number;
  byKind: Record<QueryKind | 'all', {
    n: number;
    total: LatencySummary;
    plan: LatencySummary;
    /** Sum over shards of `ShardSearcher.search` time (CPU the shards spend; also the serial fan-out time). */
    shardSum: LatencySummary;
    /** Slowest shard per query (the fan-out time when every shard runs in parallel). */
    shardMax: LatencySummary;
    merge: LatencySummary;
    /** Stored fields, highlighting and snippets of the page (sum over the shards holding hits). */
    hits: LatencySummary;
    /** Mean number of shards holding a hit of the first page (= `hits` RPCs per search). */
    meanHitShards: number;
    /** Share of queries that needed the relaxed second pass (a second fan-out). */
    relaxedShare: number;
    /** Mean number of posting lists (plan terms) per query. */
    meanTerms: number;
  }>;
  /** One shard's evaluation time over all (query, shard) pairs. */
  perShardEval: LatencySummary;
  /**
   * For each shard count S of `--fanout`: the median time of the slowest of S shards, taking
   * per-shard times as independent draws from the measured distribution (the 0.5^(1/S) quantile).
   * An extrapolation: it ignores that a heavy query is heavy on every shard.
   */
  slowestOfS: Array<{ shards: number; quantile: number; ms: number }>;
}

const { values } = parseArgs({
  options: {
    engine: { type: 'string' }, corpus: { type: 'string' }, index: { type: 'string' }, queries: { type: 'string' },
    'budget-s': { type: 'string', default: '150' }, warmup: { type: 'string', default: '50' }, fanout: { type: 'string', default: '' },
  },
});
const engine = values.engine!;
const budgetMs = Number(values['budget-s']) * 1000;
const warmupCount = Number(values.warmup);
const mix = JSON.parse(await readFile(values.queries!, 'utf8')) as MixQuery[];
const headlines = mix.filter((m) => m.kind === 'headline');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapNow = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const request = (q: string): SearchRequest => ({ q, limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: !/\s$/.test(q) });
const progress = (s: string) => process.stderr.write(`${s}\n`);

/** Times `run` over the headline queries after `warmupCount` unmeasured warm-up calls. */
async function timeHeadlines(run: (q: string) => Promise<string[]> | string[]): Promise<Pick<EngineResult, 'queries' | 'latency' | 'cpu' | 'successAt10' | 'meanResults'>> {
  for (const m of mix.slice(0, warmupCount)) await run(m.q);
  const ms: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  let results = 0;
  for (const h of headlines) {
    const c = process.cpuUsage();
    const t = performance.now();
    const ids = await run(h.q);
    ms.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
    results += ids.length;
    if (ids.some((id) => h.relevant?.includes(id))) found++;
  }
  return { queries: ms.length, latency: summarizeLatency(ms), cpu: summarizeLatency(cpu), successAt10: found / headlines.length, meanResults: results / headlines.length };
}

async function runOurs(): Promise<EngineResult> {
  const before = heapNow();
  const t0 = performance.now();
  const service = await openIndex(values.index!);
  await Promise.all(service.shards.map((s) => s.article(''))); // loads (and verifies) every shard
  const loadMs = performance.now() - t0;
  const heapBytes = heapNow() - before;
  const timed = await timeHeadlines(async (q) => (await service.search(request(q))).hits.map((h) => h.id));
  return { engine: 'ours', documentsIndexed: service.manifest.documentCount, documentsTotal: service.manifest.documentCount, truncated: false, loadMs, heapBytes, ...timed };
}

/** Loads the corpus as the baselines index it, in file order. */
function corpusDocs() {
  return loadBaomoi(values.corpus!).map((a) => ({ id: a.id, title: a.title, body: baomoiBody(a) }));
}

async function runBaseline(name: 'minisearch' | 'flexsearch'): Promise<EngineResult> {
  const before = heapNow();
  let docs: Array<{ id: string; title: string; body: string }> | null = corpusDocs();
  const total = docs.length;
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const mini = name === 'minisearch' ? new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] }) : null;
  const flex = name === 'flexsearch' ? new FlexSearch.Document({ document: { id: 'id', index: ['title', 'body'] }, encode: fold } as never) : null;
  const t0 = performance.now();
  let indexed = 0;
  const BATCH = 500;
  while (indexed < total && performance.now() - t0 < budgetMs) {
    const batch = docs.slice(indexed, indexed + BATCH);
    if (mini) mini.addAll(batch);
    else for (const d of batch) flex!.add(d);
    indexed += batch.length;
    if (indexed % 5000 === 0) progress(`${name}: ${indexed}/${total} documents in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  }
  const loadMs = performance.now() - t0;
  docs = null; // release the corpus text before measuring the index
  const heapBytes = heapNow() - before;
  const run = mini
    ? (q: string) => mini.search(q).slice(0, 10).map((r) => String(r.id))
    : (q: string) => (flex!.search(q, { limit: 10, merge: true } as never) as unknown as Array<{ id: string }>).slice(0, 10).map((r) => String(r.id));
  const timed = await timeHeadlines(run);
  return { engine: name, documentsIndexed: indexed, documentsTotal: total, truncated: indexed < total, loadMs, heapBytes, ...timed };
}

async function runPhases(): Promise<PhaseResult> {
  const dir = values.index!;
  const t0 = performance.now();
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  const fetchArtifact = (file: string) => readArrayBuffer(path.join(dir, file));
  const lexicon = await completeLexicon(manifest, fetchArtifact);
  const shards = await Promise.all(manifest.shards.map((s) => LoadedShard.load(manifest, s.shard, fetchArtifact)));
  const ctx = { lexicon, synonyms: new SynonymTable(manifest.synonyms) };
  const loadMs = performance.now() - t0;
  type Row = { kind: QueryKind; total: number; plan: number; shardSum: number; shardMax: number; merge: number; hits: number; hitShards: number; relaxed: boolean; terms: number };
  const rows: Row[] = [];
  const perShard: number[] = [];
  const opts: SearchOptions = { topK: 10, sort: 'relevance', facets: [] };
  // Shards one after another (each timed alone); a shard's time includes finding its blocks in its cache.
  const fanOut = async (plan: Parameters<LoadedShard['search']>[0], record: boolean) => {
    let sum = 0, max = 0;
    const results: ShardResult[] = [];
    for (const s of shards) {
      const t = performance.now();
      results.push(await s.search(plan, opts));
      const d = performance.now() - t;
      sum += d; max = Math.max(max, d);
      if (record) perShard.push(d);
    }
    return { results, sum, max };
  };
  const one = async (m: MixQuery, record: boolean): Promise<Row> => {
    const tStart = performance.now();
    const planned = planQuery(m.q, ctx, { prefixLast: !/\s$/.test(m.q) });
    const plan = performance.now() - tStart;
    let f = await fanOut(planned.plan, record);
    let shardSum = f.sum, shardMax = f.max, relaxed = false;
    if (f.results.reduce((a, r) => a + r.total, 0) === 0 && planned.plan.minShouldMatch > 1 && planned.plan.required.length === 0) {
      relaxed = true;
      f = await fanOut({ ...planned.plan, minShouldMatch: 1 }, record);
      shardSum += f.sum; shardMax += f.max;
    }
    const tMerge = performance.now();
    const merged = f.results.flatMap((r) => r.hits).sort((a, b) => b.score - a.score || a.shard - b.shard || a.doc - b.doc).slice(0, 10);
    const byShard = new Map<number, ShardHit[]>();
    for (const h of merged) byShard.set(h.shard, [...(byShard.get(h.shard) ?? []), h]);
    const merge = performance.now() - tMerge;
    const tHits = performance.now();
    for (const [s, hs] of byShard) await shards[s].hits(hs.map((h) => h.doc), planned.plan.highlight);
    const hits = performance.now() - tHits;
    return { kind: m.kind, total: performance.now() - tStart, plan, shardSum, shardMax, merge, hits, hitShards: byShard.size, relaxed, terms: planned.plan.terms.length };
  };
  for (const m of mix.slice(0, warmupCount)) await one(m, false);
  for (const m of mix) rows.push(await one(m, true));
  const summarize = (rs: Row[]) => ({
    n: rs.length,
    total: summarizeLatency(rs.map((r) => r.total)),
    plan: summarizeLatency(rs.map((r) => r.plan)),
    shardSum: summarizeLatency(rs.map((r) => r.shardSum)),
    shardMax: summarizeLatency(rs.map((r) => r.shardMax)),
    merge: summarizeLatency(rs.map((r) => r.merge)),
    hits: summarizeLatency(rs.map((r) => r.hits)),
    meanHitShards: rs.reduce((a, r) => a + r.hitShards, 0) / Math.max(1, rs.length),
    relaxedShare: rs.filter((r) => r.relaxed).length / Math.max(1, rs.length),
    meanTerms: rs.reduce((a, r) => a + r.terms, 0) / Math.max(1, rs.length),
  });
  const kinds: QueryKind[] = ['short-accented', 'short-unaccented', 'headline'];
  const byKind = Object.fromEntries([...kinds.map((k) => [k, summarize(rows.filter((r) => r.kind === k))]), ['all', summarize(rows)]]) as PhaseResult['byKind'];
  const sorted = [...perShard].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const slowestOfS = (values.fanout ? values.fanout.split(',').map(Number) : []).map((S) => {
    const q = 0.5 ** (1 / S);
    return { shards: S, quantile: q, ms: Math.round(quantile(q) * 100) / 100 };
  });
  return { engine: 'phases', shards: shards.length, loadMs, byKind, perShardEval: summarizeLatency(perShard), slowestOfS };
}

if (engine === 'ours') emitResult(await runOurs());
else if (engine === 'phases') emitResult(await runPhases());
else if (engine === 'minisearch' || engine === 'flexsearch') emitResult(await runBaseline(engine));
else throw new Error(`unknown engine ${engine}`);
