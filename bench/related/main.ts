/**
 * The related-articles benchmark (started by `run.ts`): quality of `GET /articles/:id/related` beside
 * MiniSearch and SQLite FTS5 queried with the source's headline + lead, on the same articles in the
 * same run, and its speed over local HTTP at 35k. See `bench/README.md` ("Related articles").
 * @module
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RELATED_LIMITS } from '../../src/engine/related/related-plan.js';
import { baomoiBody, hashFileList, listBaomoi, loadBaomoi, sharedCorpusPath, type BaomoiArticle } from '../lib/baomoi.js';
import { shortHash } from '../lib/cache.js';
import { summarizeLatency } from '../lib/latency-summary.js';
import { mulberry32 } from '../lib/prng.js';
import { fmt } from '../lib/table.js';
import { BASELINE_NAMES } from '../relevance/baselines/index.js';
import type { BenchDoc } from '../relevance/baselines/types.js';
import { ourCodeHash, prepareOurIndex } from '../relevance/ours.js';
import { Lanes } from '../relevance/scheduler.js';
import { RELATED_BASELINES, runBaseline, type BaselineRun } from './baselines.js';
import { dantriLead, judgedSample, loadDantri, repeatedHeadlineGroups, JUDGED_SEED } from './corpora.js';
import { CopyOracle } from './duplicates.js';
import { importGrades, readJudgments, ungradedPool, writePool } from './judgments.js';
import { copiesCollapsed, judgedQuality, listsWithCopies, repeatedHeadlineFound, sameCategoryShare, TOP, type RelatedList } from './metrics.js';
import { openOurs, runOurs, type OurRun } from './ours.js';
import { oursBeatsAll, qualityTable, ratioLine, speedTable, type QualityLine } from './report.js';
import { runSpeed, type Draft, type SpeedResult } from './speed.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheRoot = path.join(projectRoot, 'bench/.cache/related');
const judgmentsFile = path.join(projectRoot, 'bench/related/judgments.json');
const poolFile = path.join(cacheRoot, 'pool.json');
/** The code that determines the bytes of a built index (query-time code such as src/engine/ does not). */
const BUILD_CODE = ['index-build', 'src/analyzer', 'src/index-format', 'src/scoring', 'src/suggest'];

const USAGE = `Usage: npm run bench:related -- [--only=ours] [--no-speed] [--speed-requests=N] [--export-pool] [--import-grades=FILE] [--rebuild]

  --only=ours            our engine only (no baselines): the tuning loop
  --no-speed             skip the HTTP speed step
  --speed-requests=N     GET requests timed (default 600, after 50 warm-up) and N/3 drafts POSTed
  --export-pool          write the judged sample's ungraded (source, article) pairs, engine-blind, to
                         bench/.cache/related/pool.json
  --import-grades=FILE   merge the grades filled into such a file into bench/related/judgments.json, then exit
  --rebuild              rebuild our indexes even when bench/.cache has them

Full runs (all engines, speed, every shown pair graded) write bench/results/related.{json,md}; other runs
write bench/.cache/related/partial/.`;

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);

function options() {
  let values;
  try {
    values = parseArgs({
      options: {
        only: { type: 'string' },
        'no-speed': { type: 'boolean', default: false },
        'speed-requests': { type: 'string', default: '600' },
        'export-pool': { type: 'boolean', default: false },
        'import-grades': { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) { console.log(USAGE); process.exit(0); }
  if (values.only !== undefined && values.only !== 'ours') { console.error(`--only accepts only "ours"\n\n${USAGE}`); process.exit(2); }
  const requests = Number(values['speed-requests']);
  if (!Number.isInteger(requests) || requests < 10) { console.error(`--speed-requests must be a whole number ≥ 10\n\n${USAGE}`); process.exit(2); }
  return { oursOnly: values.only === 'ours', speed: !values['no-speed'], requests, exportPool: values['export-pool'], importGrades: values['import-grades'], rebuild: values.rebuild };
}

/** A seeded sample of `n` distinct items. */
function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const rand = mulberry32(seed);
  const idx = new Set<number>();
  while (idx.size < Math.min(n, items.length)) idx.add(Math.floor(rand() * items.length));
  return [...idx].map((i) => items[i]);
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.importGrades) {
    const n = importGrades(path.resolve(opts.importGrades), judgmentsFile);
    console.log(`merged ${n} grades into ${path.relative(projectRoot, judgmentsFile)}`);
    return 0;
  }
  const dantriFile = sharedCorpusPath(projectRoot, 'dantri-200.jsonl');
  const baomoiDir = sharedCorpusPath(projectRoot, 'baomoi-35k');
  if (!existsSync(dantriFile) || !existsSync(baomoiDir)) {
    console.log(`bench:related skipped: ${existsSync(dantriFile) ? baomoiDir : dantriFile} not found (the shared corpora are not available here). Nothing measured.`);
    return 0;
  }
  const baselines = opts.oursOnly ? [] : [...RELATED_BASELINES];
  const engines = ['ours', ...baselines.map((k) => BASELINE_NAMES[k])];
  const lanes = new Lanes(Math.max(1, Math.min(2, os.availableParallelism())));

  // ── Corpora ──
  const dantri = loadDantri(dantriFile);
  const files = listBaomoi(baomoiDir);
  const baomoi = loadBaomoi(baomoiDir, files);
  const byId = new Map<string, BaomoiArticle>(baomoi.map((a) => [a.id, a]));
  const groups = repeatedHeadlineGroups(baomoi);
  const judged = judgedSample(baomoi);
  const baomoiSources = [...new Set([...groups.flat(), ...judged])];
  log(`dantri-200: ${dantri.length} articles; baomoi: ${baomoi.length.toLocaleString('en-US')} articles, ${groups.length} repeated headlines (${groups.flat().length} articles), judged sample of ${judged.length} (seed ${JUDGED_SEED})`);

  // ── Our engine ──
  const dantriIndex = prepareOurIndex({
    projectRoot, cacheRoot, name: 'dantri', inputHash: shortHash(JSON.stringify(dantri)), rebuild: opts.rebuild, log: (l) => log(l.trim()), codeDirs: BUILD_CODE,
    input: async () => ({ path: dantriFile }),
  });
  const baomoiIndex = prepareOurIndex({
    projectRoot, cacheRoot, name: 'baomoi', inputHash: hashFileList(files), rebuild: opts.rebuild, log: (l) => log(l.trim()), codeDirs: BUILD_CODE,
    input: async () => ({ path: baomoiDir }),
  });
  const ours: { dantri?: OurRun; baomoi?: OurRun } = {};
  const jobs: Array<Promise<unknown>> = [];
  jobs.push(lanes.run(async () => {
    const d = await openOurs((await dantriIndex).indexDir);
    ours.dantri = await runOurs(d, dantri.map((a) => a.id));
    log(`ours dantri: ${dantri.length} related queries`);
    const b = await openOurs((await baomoiIndex).indexDir);
    await runOurs(b, baomoiSources.slice(0, 3)); // loads every shard
    ours.baomoi = await runOurs(b, baomoiSources);
    log(`ours baomoi: ${baomoiSources.length} related queries, p50 ${fmt(summarizeLatency(ours.baomoi.latenciesMs).p50, 2)} ms in-process`);
  }));

  // ── Baselines (worker threads) ──
  const base: { dantri: Map<string, BaselineRun & { cached: boolean }>; baomoi: Map<string, BaselineRun & { cached: boolean }> } = { dantri: new Map(), baomoi: new Map() };
  const dantriDocs: BenchDoc[] = dantri.map((a) => ({ id: a.id, title: a.title, body: a.body }));
  const baomoiDocs: BenchDoc[] = baomoi.map((a) => ({ id: a.id, title: a.title, body: baomoiBody(a) }));
  for (const key of baselines) {
    jobs.push(lanes.run(async () => {
      const where = { projectRoot, cacheDir: cacheRoot };
      base.dantri.set(key, await runBaseline(key, 'dantri', dantriDocs, dantri.map((a) => ({ id: a.id, query: `${a.title}\n${dantriLead(a)}` })), where));
      log(`${key} dantri: done`);
      const run = await runBaseline(key, 'baomoi', baomoiDocs, baomoiSources.map((id) => ({ id, query: `${byId.get(id)!.title}\n${byId.get(id)!.lead}` })), where);
      base.baomoi.set(key, run);
      log(`${key} baomoi: ${run.cached ? 'answers from the cache (bench/.cache/related), measured' : 'indexed'} in ${(run.indexMs / 1000).toFixed(1)} s, ${baomoiSources.length} queries, p50 ${fmt(summarizeLatency(run.latenciesMs).p50, 2)} ms`);
    }));
  }
  const settled = await Promise.allSettled(jobs);
  const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed.length) {
    for (const f of failed) console.error(f.reason);
    return 1;
  }

  // ── Quality ──
  const oracle = new CopyOracle((id) => { const a = byId.get(id)!; return `${a.title}\n${a.lead}\n${a.body}`; });
  const dantriCategory = new Map(dantri.map((a) => [a.id, a.category]));
  const engineLists = (corpus: 'dantri' | 'baomoi'): Array<Map<string, RelatedList>> => [ours[corpus]!.lists, ...baselines.map((k) => base[corpus].get(k)!.lists)];
  const dLists = engineLists('dantri');
  const bLists = engineLists('baomoi');
  const judgments = readJudgments(judgmentsFile);
  const judgedQ = bLists.map((l) => judgedQuality(judged, l, judgments.grades));
  const unjudged = judgedQ.reduce((a, q) => a + q.unjudged.length, 0);
  const lines: QualityLine[] = [
    ratioLine('dantri-200: related articles in the source\'s category, top 5', dLists.map((l) => sameCategoryShare(l, (id) => dantriCategory.get(id))), 'higher'),
    ratioLine('baomoi, repeated headline: the other article found (top 5, or reported as a copy)', bLists.map((l) => repeatedHeadlineFound(groups, l)), 'higher'),
    ratioLine('… of those, copies of one story: found and collapsed (reported as a copy, not listed)', bLists.map((l) => copiesCollapsed(groups, l, (a, b) => oracle.copies(a, b))), 'higher'),
    ratioLine('baomoi lists showing a copy of the source or two copies of one story', bLists.map((l) => listsWithCopies(l, (a, b) => oracle.copies(a, b))), 'lower'),
    ratioLine(`judged sample (${judged.length} baomoi articles): top-5 slots graded related (grade ≥ 1)`, judgedQ.map((q) => q.related), 'higher'),
    { label: 'judged sample: mean grade of the top-5 slots (0–2)', values: judgedQ.map((q) => q.meanGrade), better: 'higher', n: judged.length * TOP },
  ];
  const corpusRows: Array<[string, number[]]> = [
    ['dantri-200 articles indexed', [dantri.length, ...baselines.map((k) => base.dantri.get(k)!.corpusSize)]],
    ['baomoi articles indexed', [baomoi.length, ...baselines.map((k) => base.baomoi.get(k)!.corpusSize)]],
  ];
  const quality = qualityTable(engines, corpusRows, lines);
  console.log(`\n## Quality\n\n${quality}\n`);
  const latencyRows = [
    ['ours (in-process, plan + fan-out + collapse)', summarizeLatency(ours.baomoi!.latenciesMs)],
    ...baselines.map((k) => [`${BASELINE_NAMES[k]}${base.baomoi.get(k)!.cached ? ' (timed in the run that cached its answers)' : ''}`, summarizeLatency(base.baomoi.get(k)!.latenciesMs)] as const),
  ] as const;
  const latency = latencyRows.map(([name, l]) => `${name}: p50 ${fmt(l.p50, 2)} ms, p95 ${fmt(l.p95, 2)} ms`).join('; ');
  console.log(`baomoi per-query time (${baomoiSources.length} queries): ${latency}`);
  if (unjudged) console.log(`\n${unjudged} shown (source, article) pairs of the judged sample have no grade yet: the judged lines are incomplete. Run with --export-pool and grade them.`);
  for (const [i, q] of judgedQ.entries()) if (q.unjudged.length) console.log(`  ${engines[i]}: ${q.unjudged.length} ungraded`);

  if (opts.exportPool) {
    mkdirSync(cacheRoot, { recursive: true });
    const article = (id: string) => { const a = byId.get(id)!; return { id, title: a.title, lead: (a.lead || a.body).slice(0, 400) }; };
    const pool = ungradedPool(judged, bLists, judgments.grades, article, TOP);
    writePool(poolFile, pool);
    console.log(`wrote ${pool.reduce((a, e) => a + e.candidates.length, 0)} ungraded pairs of ${pool.length} sources to ${path.relative(projectRoot, poolFile)}`);
  }

  // ── Speed ──
  let speed: SpeedResult | null = null;
  let speedTab: ReturnType<typeof speedTable> | null = null;
  const maxPlanTerms = Math.max(ours.dantri!.maxPlanTerms, ours.baomoi!.maxPlanTerms);
  if (opts.speed) {
    const ids = sample(baomoi.map((a) => a.id), opts.requests + 50, 20261201);
    const drafts: Draft[] = sample(baomoi.filter((a) => a.body), Math.ceil(opts.requests / 3), 20261202).map((a) => ({ title: a.title, ...(a.lead ? { lead: a.lead } : {}), body: a.body }));
    speed = await runSpeed({ assets: path.dirname((await baomoiIndex).indexDir), ids, drafts, warmup: 50, log });
    speedTab = speedTable(speed, baomoi.length, maxPlanTerms, RELATED_LIMITS.maxTerms);
    console.log(`\n## Speed (local HTTP, one request at a time)\n\n${speedTab.table}\n`);
  }

  const beats = lines.filter((l) => oursBeatsAll(l) === true).length;
  const summary = [
    baselines.length ? `Quality: ours best on ${beats} of ${lines.length} lines${unjudged ? ' (judged lines incomplete)' : ''}.` : 'Quality: ours only (no baselines run).',
    speedTab ? `Speed: ${speedTab.passed} of ${speedTab.total} targets met.` : 'Speed: not measured (--no-speed).',
  ].join(' ');
  console.log(summary);

  const full = !opts.oursOnly && opts.speed && unjudged === 0 && opts.requests === 600;
  const outDir = full ? path.join(projectRoot, 'bench/results') : path.join(cacheRoot, 'partial');
  mkdirSync(outDir, { recursive: true });
  const md = [
    '# Related articles (`npm run bench:related`)', '',
    `Machine: ${os.cpus().length} CPUs, Node ${process.version}; code ${ourCodeHash(projectRoot)}; judged sample seed ${JUDGED_SEED}.`, '',
    '## Quality', '', quality, '', `Per-query time on baomoi: ${latency}.`, '',
    ...(speedTab ? ['## Speed (local HTTP, one request at a time)', '', speedTab.table, ''] : []),
    summary, '',
  ].join('\n');
  writeFileSync(path.join(outDir, 'related.md'), md);
  writeFileSync(path.join(outDir, 'related.json'), `${JSON.stringify({ engines, lines, corpusRows, unjudged, speed, maxPlanTerms, codeHash: ourCodeHash(projectRoot) }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(projectRoot, path.join(outDir, 'related.md'))} and related.json${full ? '' : ' (partial run: bench/results/ left untouched)'}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

process.exit(await main());
