/**
 * Child process of the scale benchmark's routing step: over a built index (`openIndex`, the Worker's
 * engine in this process), runs every query of the mix with each design side by side:
 *
 * - **routed** (today's `SearchService.search`): the query sent only to shards that can matter, by
 *   score bound (a one-word relevance query: one shard first, later shards returning only hits that
 *   beat the k-th best so far; several words: all at once), stored records sent with the hits;
 * - **routed without score bounds** (when the index has them): the same service without the artifact;
 * - **every shard** (the design before issue 14): the plan sent to every shard, merged, then one
 *   `hits` call per shard holding a page hit (and a second fan-out when the query had to be relaxed).
 *
 * Calls to shard objects are counted per search (each is one Durable Object request in production),
 * and the routed and every-shard designs' top-10 ids and totals are compared query by query. The designs share the
 * shards' block caches and take turns going first. Each search is also timed as if the shards of each
 * round of calls ran in parallel (`parallel-shards.ts`), as they do in production. Prints one
 * `@@RESULT` line.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { SearchOptions, ShardHit, ShardResult } from '../../src/engine/query-plan.js';
import { SearchService, type SearchRequest } from '../../src/engine/search-service.js';
import { compareHits } from '../../src/engine/shard-searcher.js';
import type { Freshness } from '../../src/scoring/freshness.js';
import { parseHalfLife } from '../../src/scoring/half-life.js';
import { openIndex } from '../../index-build/open-index.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { emitResult } from '../lib/node-child.js';
import { leastShards } from './least-shards.js';
import { ParallelShardClock } from './parallel-shards.js';
import { ASSUMED_RPC_RTT_MS } from './projection.js';
import type { MixQuery } from '../lib/query-mix.js';

/** One design's figures over the mix. */
export interface DesignFigures {
  /** Calls to shard objects per search. */
  calls: LatencySummary;
  /** Shards that received the query, per search. */
  shardsCalled: LatencySummary;
  /** In-process wall time per search (shards run one after another here). */
  latency: LatencySummary;
  /**
   * The same searches with the shards of each round run in parallel, as in production (see
   * `parallel-shards.ts`): wall time − summed shard calls + each round's slowest call. Absent for the
   * design without score bounds.
   */
  parallel?: LatencySummary;
  /** Rounds of shard calls per search (each adds a front → shard network round trip in production). */
  rounds?: LatencySummary;
  /** Time of all the search's shard calls, summed (the work billed as Durable Object duration). */
  shardTime?: LatencySummary;
  /** `parallel` plus `ASSUMED_RPC_RTT_MS` (projection.ts) per round: an assumed front → shard object round trip. */
  parallelNetworked?: LatencySummary;
}

/** What the routing child reports, per sort order. */
export interface RoutingResult {
  shards: number;
  queries: number;
  /** Passes over the mix: the figures are the last pass's (warm caches), `firstPass` the first's. */
  passes: number;
  sorts: Array<{
    sort: SearchOptions['sort'];
    /** With `sort: 'relevance'`: the freshness half-life the mix ran with (`relevance@30d` in `--sorts`), as written. */
    freshness?: string;
    routed: DesignFigures;
    /** Routed as before the score bounds (every shard that can match the filters, newest first); absent when the index has no bounds. */
    routedNoBounds?: DesignFigures;
    everyShard: DesignFigures;
    /** Queries whose top-10 ids (in order) are the same in both designs. */
    sameTop10: number;
    /** Queries whose routed total is exact (`eq`) and equals the every-shard total. */
    sameTotal: number;
    /** Queries whose routed total is a lower bound (`gte`, past `track_total_hits`). */
    totalLowerBound: number;
    /** Lower bounds that were wrong (above the true total): must be 0. */
    badLowerBound: number;
    /** Up to 5 queries whose top-10 differ. */
    mismatches: string[];
    /**
     * The fewest shards any exact router could ask, per search (see {@link leastShards}): what
     * perfect per-shard score bounds would give. Absent in results of older runs.
     */
    leastShards?: LatencySummary;
    /** With several passes: the first pass's figures, while the shards' block caches fill. */
    firstPass?: { routed: DesignFigures; everyShard: DesignFigures };
  }>;
}

const { values } = parseArgs({ options: { index: { type: 'string' }, queries: { type: 'string' }, sorts: { type: 'string', default: 'relevance,date:desc' }, warmup: { type: 'string', default: '30' }, passes: { type: 'string', default: '2' }, copies: { type: 'boolean', default: false } } });
const mix = JSON.parse(await readFile(values.queries!, 'utf8')) as MixQuery[];
// --copies: shards read their files as a Durable Object whose copy is complete does (not hashed again).
const opened: SearchService = await openIndex(values.index!, { copies: values.copies });
const S = opened.shards.length;
// The routed design's shard calls go through a clock that models them running in parallel.
const clock = new ParallelShardClock();
const svc = new SearchService(opened.manifest, opened.lexicon, opened.shards.map((s) => clock.wrap(s)), null, opened.scoreBounds, opened.tail);
// So do the every-shard design's.
const everyClock = new ParallelShardClock();
const everyShards = opened.shards.map((s) => everyClock.wrap(s));
// The same shards routed without the score-bounds artifact (the design before shard-level MaxScore).
const noBounds: SearchService | null = svc.scoreBounds ? new SearchService(opened.manifest, opened.lexicon, opened.shards, null, null, opened.tail) : null;

/** The design before issue 14: every shard, merge, then `hits` from each shard holding a page hit. */
async function everyShard(req: SearchRequest): Promise<{ ids: string[]; total: number; calls: number; least: number }> {
  const { planned } = await svc.planWithTail(req.q, req.prefixLast);
  const opts: SearchOptions = { topK: req.offset + req.limit, sort: req.sort, facets: [], ...(req.freshness ? { freshness: req.freshness } : {}) };
  let plan = planned.plan;
  let calls = S;
  let results: ShardResult[] = await Promise.all(everyShards.map((s) => s.search(plan, opts)));
  let total = results.reduce((a, r) => a + r.total, 0);
  if (total === 0 && plan.terms.length > 0 && (plan.minShouldMatch > 1 || plan.required.length > 0)) {
    plan = { ...plan, minShouldMatch: 1, required: [] };
    calls += S;
    results = await Promise.all(everyShards.map((s) => s.search(plan, opts)));
    total = results.reduce((a, r) => a + r.total, 0);
  }
  const page: ShardHit[] = results.flatMap((r) => r.hits).sort(compareHits(req.sort)).slice(req.offset, req.offset + req.limit);
  const byShard = new Map<number, ShardHit[]>();
  for (const h of page) byShard.set(h.shard, [...(byShard.get(h.shard) ?? []), h]);
  const ids = new Map<string, string>();
  await Promise.all([...byShard].map(async ([s, hs]) => {
    const docs = await everyShards[s].hits(hs.map((h) => h.doc), plan.highlight);
    hs.forEach((h, i) => ids.set(`${s}:${h.doc}`, docs[i].id));
  }));
  calls += byShard.size;
  return { ids: page.map((h) => ids.get(`${h.shard}:${h.doc}`)!), total, calls, least: leastShards(page, results) };
}

/**
 * One `--sorts` entry: a sort, or `relevance@<half-life>` for relevance with freshness, its ages counted
 * from the day after the archive's newest article (what "today" is to an archive updated daily).
 */
interface SortRun { sort: SearchOptions['sort']; label?: string; freshness?: Freshness }
const newestDate = Math.max(0, ...opened.manifest.shards.map((s) => s.dates?.max ?? 0));
function sortRun(token: string): SortRun {
  const [sort, halfLife] = token.split('@') as [SearchOptions['sort'], string | undefined];
  if (halfLife === undefined) return { sort };
  const minutes = parseHalfLife(halfLife);
  if (sort !== 'relevance' || minutes === null) throw new Error(`--sorts: ${token} is not relevance@<half-life> (e.g. relevance@30d)`);
  return { sort, label: halfLife, freshness: { halfLifeMinutes: minutes, referenceMinutes: newestDate + 24 * 60 } };
}

const request = (q: string, run: SortRun): SearchRequest => ({ q, limit: 10, offset: 0, sort: run.sort, facets: [], prefixLast: !/\s$/.test(q), ...(run.freshness ? { freshness: run.freshness } : {}) });

/** One pass of the whole mix with every design; its figures. */
async function measurePass(run: SortRun) {
  const { sort } = run;
  const r = { calls: [] as number[], shards: [] as number[], ms: [] as number[], parallel: [] as number[], rounds: [] as number[], shardMs: [] as number[] };
  const e = { calls: [] as number[], shards: [] as number[], ms: [] as number[], parallel: [] as number[], rounds: [] as number[], shardMs: [] as number[] };
  const nb = { calls: [] as number[], shards: [] as number[], ms: [] as number[] };
  const least: number[] = [];
  let sameTop10 = 0, sameTotal = 0, totalLowerBound = 0, badLowerBound = 0;
  const mismatches: string[] = [];
  for (const [i, m] of mix.entries()) {
    const req = request(m.q, run);
    const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => { const t = performance.now(); const v = await fn(); return [v, performance.now() - t]; };
    let got!: Awaited<ReturnType<SearchService['search']>>, want!: Awaited<ReturnType<typeof everyShard>>, routedMs = 0, everyMs = 0;
    // The designs share the shards' block caches: whichever runs first pays the query's block loads,
    // so they take turns going first.
    const designs: Array<() => Promise<void>> = [
      async () => {
        clock.begin();
        [got, routedMs] = await timed(() => svc.search(req));
        const p = clock.end();
        r.parallel.push(routedMs - p.serialMs + p.criticalMs);
        r.rounds.push(p.rounds);
        r.shardMs.push(p.serialMs);
      },
      async () => {
        everyClock.begin();
        [want, everyMs] = await timed(() => everyShard(req));
        const p = everyClock.end();
        e.parallel.push(everyMs - p.serialMs + p.criticalMs);
        e.rounds.push(p.rounds);
        e.shardMs.push(p.serialMs);
      },
      ...(noBounds ? [async () => {
        const [old, oldMs] = await timed(() => noBounds.search(req));
        nb.calls.push(old.routing.shardCalls); nb.shards.push(old.routing.called); nb.ms.push(oldMs);
      }] : []),
    ];
    for (let d = 0; d < designs.length; d++) await designs[(i + d) % designs.length]();
    r.calls.push(got.routing.shardCalls); r.shards.push(got.routing.called); r.ms.push(routedMs);
    least.push(want.least);
    e.calls.push(want.calls); e.shards.push(S * (want.calls > 2 * S ? 2 : 1)); e.ms.push(everyMs);
    const ids = got.hits.map((h) => h.id);
    if (ids.length === want.ids.length && ids.every((id, i) => id === want.ids[i])) sameTop10++;
    else if (mismatches.length < 5) mismatches.push(m.q);
    if (got.totalRelation === 'eq') { if (got.total === want.total) sameTotal++; }
    else { totalLowerBound++; if (got.total > want.total) badLowerBound++; }
  }
  const figures = (x: typeof nb): DesignFigures => ({ calls: summarizeLatency(x.calls), shardsCalled: summarizeLatency(x.shards), latency: summarizeLatency(x.ms) });
  const withParallel = (x: typeof r): DesignFigures => ({
    ...figures(x), parallel: summarizeLatency(x.parallel), rounds: summarizeLatency(x.rounds), shardTime: summarizeLatency(x.shardMs),
    parallelNetworked: summarizeLatency(x.parallel.map((ms, i) => ms + ASSUMED_RPC_RTT_MS * x.rounds[i])),
  });
  return { sort, ...(run.label ? { freshness: run.label } : {}), routed: withParallel(r), ...(noBounds ? { routedNoBounds: figures(nb) } : {}), everyShard: withParallel(e), sameTop10, sameTotal, totalLowerBound, badLowerBound, mismatches, leastShards: summarizeLatency(least) };
}

const out: RoutingResult = { shards: S, queries: mix.length, passes: Math.max(1, Number(values.passes)), sorts: [] };
for (const token of values.sorts!.split(',')) {
  const run = sortRun(token);
  for (const m of mix.slice(0, Number(values.warmup))) { await svc.search(request(m.q, run)); await everyShard(request(m.q, run)); }
  // The first pass fills the shards' block caches (each design reads its own blocks: the routed one
  // the stored records of every asked shard's best hits); the last pass is the warm state a busy shard
  // object stays in (its caches hold its whole shard at the default size).
  const first = await measurePass(run);
  let last = first;
  for (let p = 1; p < out.passes; p++) last = await measurePass(run);
  // Exactness is reported for the worse pass (results do not depend on the caches; this checks it).
  const exactness = {
    sameTop10: Math.min(first.sameTop10, last.sameTop10), sameTotal: Math.min(first.sameTotal, last.sameTotal),
    badLowerBound: Math.max(first.badLowerBound, last.badLowerBound), mismatches: [...new Set([...first.mismatches, ...last.mismatches])].slice(0, 5),
  };
  out.sorts.push({ ...last, ...exactness, ...(out.passes > 1 ? { firstPass: { routed: first.routed, everyShard: first.everyShard } } : {}) });
  process.stderr.write(`routing ${token}: routed calls p50 ${last.routed.calls.p50} vs every shard ${last.everyShard.calls.p50}; same top-10 ${exactness.sameTop10}/${mix.length} (worse of ${out.passes} passes)\n`);
}
emitResult(out);
