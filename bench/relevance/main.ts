/**
 * The relevance benchmark (started by `run.ts`): our engine beside three baselines on the same data
 * in the same run — known-item search on baomoi-35k, Zalo Wikipedia QA, and exact-diacritics
 * precision. Prints one table per benchmark and writes `bench/results/relevance.{json,md}` (full
 * default runs only; partial runs write to `bench/.cache/relevance/partial/`). See `bench/README.md`.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baomoiBody, hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath, type BaomoiArticle } from '../lib/baomoi.js';
import { hashCodeTrees, shortHash } from '../lib/cache.js';
import { stripDiacritics } from '../lib/fold.js';
import { loadZalo, type ZaloData } from '../lib/zalo.js';
import { BASELINE_KEYS } from './baselines/index.js';
import type { BaselineKey, BenchDoc } from './baselines/types.js';
import {
  ACCENTED_QUERIES, READINGS_DEPTH, UNACCENTED_QUERIES,
} from './exact.js';
import { KNOWN_KINDS, chooseSubset, makeKnownItemQueries, titleTwins, type KnownItemQueries } from './known-item.js';
import { OurEngine, ourCodeHash, prepareOurIndex } from './ours.js';
import { buildReport, type EngineKey, type EngineRun, type ReportInput } from './report.js';
import { Lanes, runInWorker, runWorker } from './scheduler.js';
import type { QuerySet, SetOutput, TaskInput } from './task.js';
import { TYPING_ORDERS, telexSources, typedQueries } from './telex-set.js';
import { guardWords, joinedTopical, loadJoinedWords } from './joined-set.js';
import { numberQueries, numberRelevance } from './numbers-set.js';
import { readJudgments, TopicalJudge } from './topical/judgments.js';
import { loadTopicalQueries } from './topical/queries.js';
import { recordTopicalResults } from './topical/pool-cache.js';
import type { TypingOrder } from '../lib/telex.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheRoot = path.join(projectRoot, 'bench/.cache/relevance');

/** Default known-item sample size. */
const DEFAULT_SAMPLE = 1000;
/**
 * Default size of the baomoi subset the MiniSearch baselines index (the sampled targets plus seeded
 * random others). Measured on the shared 2-core dev machine (full runs): 10,000 → 8.9 min with our
 * index cached but 19 min rebuilding under heavy load from other jobs; 8,000 → 9.2 min rebuilding at
 * load ~4, 15.4 min at load ~8. 6,000 keeps a rebuilding run under 15 minutes there.
 */
const DEFAULT_MS_SUBSET = 6_000;

type BenchName = 'known' | 'zalo' | 'exact' | 'topical' | 'telex' | 'joined' | 'numbers';
const ALL_BENCHES: readonly BenchName[] = ['known', 'zalo', 'exact', 'topical', 'telex', 'joined', 'numbers'];
/** Benchmarks that run on baomoi. */
const BAOMOI_BENCHES: readonly BenchName[] = ['known', 'exact', 'topical', 'telex', 'joined', 'numbers'];

const USAGE = `Usage: npm run bench:relevance -- [--only=ours] [--bench=known,zalo,exact,topical,telex,joined,numbers] [--sample=N] [--ms-subset=N] [--rebuild]

  --only=ours      run our engine only (no baselines): fast tuning loop
  --bench=LIST     benchmarks to run, comma-separated: known, zalo, exact, topical, telex, joined, numbers (default: all)
  --sample=N       known-item sample size (default ${DEFAULT_SAMPLE})
  --ms-subset=N    baomoi articles the MiniSearch baselines index (default ${DEFAULT_MS_SUBSET}; targets always included)
  --rebuild        rebuild our indexes even when bench/.cache has them

Full default runs write bench/results/relevance.{json,md}; other runs write bench/.cache/relevance/partial/.`;

interface Options {
  oursOnly: boolean;
  benches: Set<BenchName>;
  sample: number;
  msSubset: number;
  rebuild: boolean;
}

function parseOptions(): Options | null {
  let values;
  try {
    values = parseArgs({
      options: {
        only: { type: 'string' },
        bench: { type: 'string' },
        sample: { type: 'string' },
        'ms-subset': { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) { console.log(USAGE); return null; }
  const fail = (msg: string): never => { console.error(`${msg}\n\n${USAGE}`); process.exit(2); };
  if (values.only !== undefined && values.only !== 'ours') fail(`--only accepts only "ours", got "${values.only}"`);
  const benches = new Set<BenchName>();
  for (const b of (values.bench ?? ALL_BENCHES.join(',')).split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!ALL_BENCHES.includes(b as BenchName)) fail(`unknown benchmark "${b}" (${ALL_BENCHES.join(', ')})`);
    benches.add(b as BenchName);
  }
  const int = (name: string, v: string | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number, got "${v}"`);
    return n;
  };
  return {
    oursOnly: values.only === 'ours',
    benches,
    sample: int('sample', values.sample, DEFAULT_SAMPLE),
    msSubset: int('ms-subset', values['ms-subset'], DEFAULT_MS_SUBSET),
    rebuild: values.rebuild ?? false,
  };
}

const started = performance.now();
const stamp = () => `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
const log = (line: string) => console.log(`${stamp()} ${line}`);

/** Runs query sets against our engine (sequentially, after a warm-up query that loads every shard). */
async function runOurSets(engine: OurEngine, sets: readonly QuerySet[], corpus: string): Promise<Map<string, SetOutput>> {
  await engine.search('Hà Nội', 10);
  const out = new Map<string, SetOutput>();
  for (const s of sets) {
    const start = performance.now();
    const latenciesMs: number[] = [];
    const results: string[][] = [];
    const interpretedAs: Array<string | null> = [];
    for (const q of s.queries) {
      const t = performance.now();
      const r = await engine.searchInterpreted(q, s.k);
      latenciesMs.push(performance.now() - t);
      results.push(r.ids);
      interpretedAs.push(r.interpretedAs);
    }
    const wallMs = performance.now() - start;
    out.set(s.name, { name: s.name, results, latenciesMs, wallMs, interpretedAs });
    log(`ours ${corpus}: ${s.name} — ${s.queries.length} queries in ${(wallMs / 1000).toFixed(1)} s`);
  }
  return out;
}

/** One engine's run from several tasks over the same corpus (index time: the slowest task's). */
function mergeRuns(parts: readonly EngineRun[]): EngineRun {
  const sets = new Map<string, SetOutput>();
  for (const p of parts) for (const [k, v] of p.sets) sets.set(k, v);
  return {
    key: parts[0].key,
    corpusSize: parts[0].corpusSize,
    indexMs: Math.max(...parts.map((p) => p.indexMs)),
    sets,
    queryErrors: parts.reduce((a, p) => a + p.queryErrors, 0),
  };
}

async function runBaseline(task: TaskInput): Promise<EngineRun> {
  log(`${task.key} ${task.corpus}: indexing ${task.docs.length.toLocaleString('en-US')} docs, ${task.sets.reduce((a, s) => a + s.queries.length, 0)} queries (worker thread)`);
  const out = await runInWorker(task);
  const q = out.sets.reduce((a, s) => a + s.wallMs, 0);
  log(`${task.key} ${task.corpus}: done — index ${(out.indexMs / 1000).toFixed(1)} s, queries ${(q / 1000).toFixed(1)} s, heap ${Math.round(out.heapMB)} MB${out.queryErrors ? `, ${out.queryErrors} query errors` : ''}`);
  return { key: task.key, corpusSize: out.corpusSize, indexMs: out.indexMs, sets: new Map(out.sets.map((s) => [s.name, s])), queryErrors: out.queryErrors };
}

/** Sets every engine runs on all baomoi articles (MiniSearch too), not on its subset. */
const onAllArticles = (name: string) => name === 'topical:queries' || name === 'joined:spaced' || name === 'joined:joined' || name.startsWith('numbers:');

function baomoiSets(benches: Set<BenchName>, known: KnownItemQueries, articles: readonly BaomoiArticle[]): QuerySet[] {
  const sets: QuerySet[] = [];
  if (benches.has('topical')) sets.push({ name: 'topical:queries', queries: loadTopicalQueries().map((q) => q.q), k: 10 });
  if (benches.has('joined')) {
    const joined = joinedTopical(loadTopicalQueries());
    sets.push({ name: 'joined:spaced', queries: joined.spaced, k: 10 }, { name: 'joined:joined', queries: joined.joined, k: 10 });
  }
  if (benches.has('numbers')) {
    const numbers = numberQueries(articles);
    sets.push({ name: 'numbers:dotted', queries: numbers.map((q) => `${q.dotted} ${q.next}`), k: 10 }, { name: 'numbers:bare', queries: numbers.map((q) => `${q.bare} ${q.next}`), k: 10 });
  }
  if (benches.has('known')) {
    for (const { kind } of KNOWN_KINDS) sets.push({ name: `known:${kind}`, queries: known.byKind[kind].map((q) => q.q), k: 10 });
  }
  if (benches.has('exact')) {
    sets.push({ name: 'exact:precision', queries: [...ACCENTED_QUERIES], k: 10 });
    sets.push({ name: 'exact:readings', queries: [...UNACCENTED_QUERIES], k: READINGS_DEPTH });
  }
  return sets;
}

/**
 * Containment masks of the exact benchmark, cached by corpus and analyzer code: tokenizing the
 * corpus takes ~20 s, so it runs in a worker thread (`masks-worker.ts`).
 */
async function masksFor(baomoiDir: string, corpusHash: string, articleCount: number): Promise<Uint8Array> {
  const key = shortHash(corpusHash, hashCodeTrees(projectRoot, ['src/analyzer']), readFileSync(path.join(projectRoot, 'bench/relevance/exact.ts')));
  const file = path.join(cacheRoot, `masks-${key}.bin`);
  if (existsSync(file)) {
    const cached = new Uint8Array(readFileSync(file));
    if (cached.length === articleCount) return cached;
  }
  const t = performance.now();
  const masks = await runWorker<Uint8Array>(new URL('./masks-worker.ts', import.meta.url), { dir: baomoiDir }, 'masks worker');
  mkdirSync(cacheRoot, { recursive: true });
  pruneFiles(cacheRoot, 'masks-', `masks-${key}.bin`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, masks);
  renameSync(tmp, file); // atomic: a concurrent run never reads half a file
  log(`exact: tokenized the corpus for word containment in ${((performance.now() - t) / 1000).toFixed(1)} s (cached for next runs)`);
  return masks;
}

function pruneFiles(dir: string, prefix: string, keep: string): void {
  for (const f of readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.bin') && f !== keep) rmSync(path.join(dir, f), { force: true });
}

async function main(): Promise<number> {
  const opts = parseOptions();
  if (!opts) return 0;
  const baomoiDir = sharedCorpusPath(projectRoot, 'baomoi-35k');
  const zaloFile = sharedCorpusPath(projectRoot, 'zalo-wikiqa/test.json');
  const benches = new Set(opts.benches);
  const onBaomoi = () => BAOMOI_BENCHES.some((x) => benches.has(x));
  if (onBaomoi() && !existsSync(baomoiDir)) {
    console.log('skipped: ../shared/corpora/baomoi-35k not found (known-item, exact-diacritics, topical and Telex benchmarks)');
    for (const x of BAOMOI_BENCHES) benches.delete(x);
  }
  if (benches.has('zalo') && !existsSync(zaloFile)) {
    console.log('skipped: ../shared/corpora/zalo-wikiqa/test.json not found (Zalo QA benchmark)');
    benches.delete('zalo');
  }
  if (benches.size === 0) return 0;

  const baselines: BaselineKey[] = opts.oursOnly ? [] : [...BASELINE_KEYS];
  const lanes = new Lanes(Math.max(1, Math.min(2, os.availableParallelism())));
  const jobs: Array<Promise<unknown>> = [];
  /** Run once every job has finished, before the report. */
  const afterJobs: Array<() => void> = [];
  const input: ReportInput = {
    options: { sample: opts.sample, msSubset: opts.msSubset, oursOnly: opts.oursOnly, benches: ALL_BENCHES.filter((b) => benches.has(b)) },
    engines: ['ours', ...(baselines.length && (benches.has('known') || benches.has('exact')) ? ['ours-subset' as const] : []), ...baselines],
  };

  // ---- baomoi: known-item, exact-diacritics, topical, Telex --------------------------------------
  if (onBaomoi()) {
    const files = listBaomoi(baomoiDir);
    const corpusHash = hashFileList(files);
    const articles = loadBaomoi(baomoiDir, files);
    log(`baomoi: ${articles.length.toLocaleString('en-US')} articles loaded`);
    const known = makeKnownItemQueries(articles, opts.sample);
    const subset = chooseSubset(articles.length, known.targets, opts.msSubset);
    const toDoc = (a: BaomoiArticle): BenchDoc => ({ id: a.id, title: a.title, body: baomoiBody(a) });
    const sets = baomoiSets(benches, known, articles);
    const runs = new Map<EngineKey, EngineRun>();
    const topicalQueries = loadTopicalQueries();
    const topicalRuns = new Map<EngineKey, EngineRun>();
    const telexSourceTexts = telexSources(topicalQueries.map((q) => q.topic), articles);
    const telexQueries = Object.fromEntries(TYPING_ORDERS.map((o) => [o, typedQueries(telexSourceTexts, o)])) as Record<TypingOrder, string[]>;
    const telexSets: QuerySet[] = benches.has('telex') ? TYPING_ORDERS.map((o) => ({ name: `telex:${o}`, queries: telexQueries[o], k: 10 })) : [];
    const joinedWords = loadJoinedWords();
    const guard = benches.has('joined') ? guardWords(articles) : [];
    // Ours only: how the planner reads labelled words and the archive's own words that are not one syllable.
    const joinedOurSets: QuerySet[] = benches.has('joined')
      ? [{ name: 'joined:labelled', queries: [...Object.keys(joinedWords.split), ...joinedWords.keep], k: 1 }, { name: 'joined:guard', queries: guard.map((g) => g.word), k: 1 }]
      : [];
    /** Moves the sets of a run over all articles (topical, joined) into the topical runs. */
    const takeTopical = (run: EngineRun): EngineRun => {
      if (run.corpusSize !== articles.length) return run;
      const moved = [...run.sets].filter(([name]) => onAllArticles(name) || name.startsWith('joined:'));
      if (moved.length) {
        topicalRuns.set(run.key, { ...run, sets: new Map([...(topicalRuns.get(run.key)?.sets ?? []), ...moved]) });
        for (const [name] of moved) run.sets.delete(name);
      }
      return run;
    };

    jobs.push(lanes.run(async () => {
      const prep = await prepareOurIndex({
        projectRoot, cacheRoot, name: 'baomoi', inputHash: corpusHash, rebuild: opts.rebuild, log: (l) => log(l.trim()),
        input: async () => ({ path: baomoiDir }),
      });
      const t = performance.now();
      const engine = await OurEngine.open(prep.indexDir);
      const openMs = performance.now() - t;
      const ours: EngineRun = { key: 'ours', corpusSize: engine.corpusSize, indexMs: prep.buildMs + openMs, cached: !prep.built, sets: await runOurSets(engine, [...sets, ...telexSets, ...joinedOurSets], 'baomoi'), queryErrors: 0 };
      if (telexSets.length) {
        baomoi.telex = { sources: telexSourceTexts, queries: telexQueries, run: { ...ours, sets: new Map(telexSets.map((t) => [t.name, ours.sets.get(t.name)!])) } };
        for (const t of telexSets) ours.sets.delete(t.name);
      }
      runs.set('ours', takeTopical(ours));
    }));
    // FTS5 on all 35k is the longest baseline: its queries are split over two tasks (each indexes
    // the corpus, ~10 s) so the two lanes stay balanced. Submission order = start order.
    const ftsParts = [sets.filter((s) => s.name === 'known:a' || s.name === 'known:b'), sets.filter((s) => s.name !== 'known:a' && s.name !== 'known:b')].filter((p) => p.length > 0);
    const plan: Array<{ key: BaselineKey; sets: QuerySet[]; parts: number }> = [];
    const want = (k: BaselineKey) => baselines.includes(k);
    if (want('fts5')) plan.push({ key: 'fts5', sets: ftsParts[0], parts: ftsParts.length });
    if (want('minisearch-fold')) plan.push({ key: 'minisearch-fold', sets, parts: 1 });
    if (want('fts5') && ftsParts.length > 1) plan.push({ key: 'fts5', sets: ftsParts[1], parts: ftsParts.length });
    if (want('minisearch-default')) plan.push({ key: 'minisearch-default', sets, parts: 1 });
    // The topical set runs on all articles for every engine: MiniSearch indexes all 35k for it.
    const topicalSets = sets.filter((s) => onAllArticles(s.name));
    const subsetSets = sets.filter((s) => !onAllArticles(s.name));
    for (const p of plan) if (p.key !== 'fts5') p.sets = subsetSets;
    for (const p of [...plan]) if (p.key !== 'fts5' && p.sets.length === 0) plan.splice(plan.indexOf(p), 1);
    const done = new Map<BaselineKey, EngineRun[]>();
    for (const p of plan) {
      jobs.push(lanes.run(async () => {
        const docs = p.key === 'fts5' ? articles.map(toDoc) : subset.map((i) => toDoc(articles[i]));
        const run = await runBaseline({ key: p.key, corpus: 'baomoi', docs, sets: p.sets });
        const list = [...(done.get(p.key) ?? []), run];
        done.set(p.key, list);
        if (list.length === p.parts) runs.set(p.key, takeTopical(mergeRuns(list)));
      }));
    }
    if (topicalSets.length) {
      for (const key of baselines.filter((k) => k !== 'fts5')) {
        jobs.push(lanes.run(async () => {
          const run = await runBaseline({ key, corpus: 'baomoi (all, topical)', docs: articles.map(toDoc), sets: topicalSets });
          takeTopical(run);
        }));
      }
    }
    if (input.engines.includes('ours-subset') && subsetSets.length) {
      // Our engine on exactly the MiniSearch subset: a same-corpus comparison for those baselines.
      jobs.push(lanes.run(async () => {
        const prep = await prepareOurIndex({
          projectRoot, cacheRoot, name: 'ms-subset', inputHash: shortHash(corpusHash, subset.join(',')), rebuild: opts.rebuild, log: (l) => log(l.trim()),
          input: async () => {
            const file = path.join(os.tmpdir(), `vn-search-bench-subset-${process.pid}.jsonl`);
            writeFileSync(file, subset.map((i) => {
              const a = articles[i];
              return JSON.stringify({ id: a.id, title: a.title, ...(a.lead ? { lead: a.lead } : {}), body: a.body });
            }).join('\n') + '\n');
            return { path: file, cleanup: () => rmSync(file, { force: true }) };
          },
        });
        const t = performance.now();
        const engine = await OurEngine.open(prep.indexDir);
        const openMs = performance.now() - t;
        runs.set('ours-subset', { key: 'ours-subset', corpusSize: engine.corpusSize, indexMs: prep.buildMs + openMs, cached: !prep.built, sets: await runOurSets(engine, subsetSets, 'baomoi subset'), queryErrors: 0 });
      }));
    }
    const baomoi: NonNullable<ReportInput['baomoi']> & { telex?: ReportInput['telex'] } = { articles, known, subset, runs, masks: null, relevant: titleTwins(articles) };
    if (benches.has('exact')) jobs.push(lanes.run(async () => { baomoi.masks = await masksFor(baomoiDir, corpusHash, articles.length); }));
    input.baomoi = baomoi;
    afterJobs.push(() => {
      if (benches.has('telex')) input.telex = baomoi.telex;
      if (benches.has('topical')) {
        recordTopicalResults(cacheRoot, topicalQueries, topicalRuns);
        const byId = new Map(articles.map((a) => [a.id, a.title]));
        input.topical = { queries: topicalQueries, judge: new TopicalJudge(articles, topicalQueries, readJudgments()), runs: topicalRuns, titleOf: (id) => byId.get(id) };
      }
      if (benches.has('numbers')) {
        const queries = numberQueries(articles);
        input.numbers = { queries, relevant: numberRelevance(queries, articles), runs: topicalRuns };
      }
      if (benches.has('joined')) {
        const topical = joinedTopical(topicalQueries);
        input.joined = { topical, judge: new TopicalJudge(articles, topical.queries, readJudgments()), runs: topicalRuns, labelled: joinedWords, guard };
      }
    });
  }

  // ---- Zalo QA ---------------------------------------------------------------------------------
  if (benches.has('zalo')) {
    const zalo: ZaloData = loadZalo(zaloFile);
    log(`zalo: ${zalo.questions.length} questions, ${zalo.paragraphs.length.toLocaleString('en-US')} distinct paragraphs`);
    const docs: BenchDoc[] = zalo.paragraphs.map((p) => ({ id: p.id, title: p.title, body: p.text }));
    const sets: QuerySet[] = [
      { name: 'zalo:written', queries: zalo.questions.map((q) => q.question), k: 10 },
      { name: 'zalo:unaccented', queries: zalo.questions.map((q) => stripDiacritics(q.question)), k: 10 },
    ];
    const runs = new Map<EngineKey, EngineRun>();
    jobs.push(lanes.run(async () => {
      const prep = await prepareOurIndex({
        projectRoot, cacheRoot, name: 'zalo', inputHash: zalo.hash, rebuild: opts.rebuild, log: (l) => log(l.trim()),
        input: async () => {
          const file = path.join(os.tmpdir(), `vn-search-bench-zalo-${process.pid}.jsonl`);
          writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
          return { path: file, cleanup: () => rmSync(file, { force: true }) };
        },
      });
      const t = performance.now();
      const engine = await OurEngine.open(prep.indexDir);
      const openMs = performance.now() - t;
      runs.set('ours', { key: 'ours', corpusSize: engine.corpusSize, indexMs: prep.buildMs + openMs, cached: !prep.built, sets: await runOurSets(engine, sets, 'zalo'), queryErrors: 0 });
    }));
    for (const key of baselines) {
      jobs.push(lanes.run(async () => { runs.set(key, await runBaseline({ key, corpus: 'zalo', docs, sets })); }));
    }
    input.zalo = { data: zalo, runs };
  }

  const settled = await Promise.allSettled(jobs);
  const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed.length) {
    for (const f of failed) console.error(f.reason);
    return 1;
  }
  for (const f of afterJobs) f();
  input.totalWallMs = performance.now() - started;

  input.codeHash = ourCodeHash(projectRoot);
  const report = buildReport(input);
  console.log(`\n${report.console}`);
  const full = !opts.oursOnly && benches.size === ALL_BENCHES.length && opts.sample === DEFAULT_SAMPLE && opts.msSubset === DEFAULT_MS_SUBSET;
  const outDir = full ? path.join(projectRoot, 'bench/results') : path.join(cacheRoot, 'partial');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'relevance.json'), `${JSON.stringify(report.json, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'relevance.md'), report.markdown);
  console.log(`\nWrote ${path.relative(projectRoot, path.join(outDir, 'relevance.json'))} and relevance.md${full ? '' : ' (partial run: bench/results/ left untouched)'}`);
  console.log(`Total wall time: ${(input.totalWallMs / 1000).toFixed(1)} s`);
  return 0;
}

process.exit(await main());
