/**
 * Scores the runs of the relevance benchmark and renders them: console tables, PASS/FAIL lines for
 * our engine's targets, failing examples, `relevance.json` (deterministic key and row order) and
 * `relevance.md` (the headline table for the README, then the details).
 * @module
 */
import type { BaomoiArticle } from '../lib/baomoi.js';
import { stripDiacritics } from '../lib/fold.js';
import { firstRelevantRank, mrrAtK, percentile, round, successAtK } from '../lib/metrics.js';
import { fmt, fmtInt, markdownTable } from '../lib/table.js';
import type { ZaloData } from '../lib/zalo.js';
import { BASELINE_NAMES } from './baselines/index.js';
import type { BaselineKey } from './baselines/types.js';
import { ACCENTED_QUERIES, READINGS_DEPTH, UNACCENTED_QUERIES, readingsOf, scoreExact, type PrecisionScore, type ReadingsScore } from './exact.js';
import { KNOWN_KINDS, SEED, headlinePrefix, scoreKnown, type KnownItemQueries, type KnownKind, type KnownScores } from './known-item.js';
import { prefixAmbiguity, type PrefixAmbiguity } from './prefix-ambiguity.js';
import { scoreRestoration, type RestorationScore } from './restoration.js';
import type { SetOutput } from './task.js';
import { telexSection, topicalSection, type Section, type TelexData, type TopicalData } from './topical/section.js';
import { joinedSection, type JoinedData } from './joined-section.js';
import { numbersSection, type NumbersData } from './numbers-section.js';

/**
 * Our engine, our engine on the MiniSearch baselines' baomoi subset (a same-corpus comparison; no
 * targets are judged on it), or a baseline.
 */
export type EngineKey = 'ours' | 'ours-subset' | BaselineKey;

/** Display names. */
export const ENGINE_NAMES: Record<EngineKey, string> = { ours: 'ours', 'ours-subset': 'ours on MS subset', ...BASELINE_NAMES };

/** What one engine did on one corpus. */
export interface EngineRun {
  key: EngineKey;
  corpusSize: number;
  /** Build/index time, ms (ours: build + open; the build part is 0 when cached). */
  indexMs: number;
  /** Ours only: whether the index came from the cache. */
  cached?: boolean;
  sets: Map<string, SetOutput>;
  /** Queries the engine rejected (FTS5 syntax errors). */
  queryErrors: number;
}

/** Everything the report needs. */
export interface ReportInput {
  options: { sample: number; msSubset: number; oursOnly: boolean; benches: string[] };
  /** Content hash of `src/` + `index-build/` the results were produced with (also our index cache key part). */
  codeHash?: string;
  /** Engines in column order (ours first). */
  engines: EngineKey[];
  baomoi?: {
    articles: BaomoiArticle[];
    known: KnownItemQueries;
    /** Article indices the MiniSearch baselines indexed. */
    subset: number[];
    runs: Map<EngineKey, EngineRun>;
    /** Exact-benchmark containment masks per article (null when that benchmark did not run). */
    masks: Uint8Array | null;
    relevant: (target: number) => Set<string>;
  };
  zalo?: { data: ZaloData; runs: Map<EngineKey, EngineRun> };
  /** Topical queries on baomoi (every engine on all articles). */
  topical?: TopicalData;
  /** Queries typed in Telex/VNI (our engine). */
  telex?: TelexData;
  /** Words typed with their syllables joined. */
  joined?: JoinedData;
  /** Numbers typed with and without thousands dots. */
  numbers?: NumbersData;
  totalWallMs?: number;
}

/** The rendered report. */
export interface Report {
  console: string;
  markdown: string;
  json: unknown;
}

/** A target before it is judged (what sections hand to the report). */
export type TargetSpec = Omit<Target, 'pass' | 'beatsAll' | 'vsBaselines'>;

interface Target {
  id: string;
  label: string;
  metric: string;
  threshold: number | null;
  /** Our value (a number, or a boolean for "finds all readings"). */
  ours: number | boolean;
  pass: boolean;
  baselines: Partial<Record<BaselineKey, number | boolean>>;
  /**
   * Our value on the corpus each baseline searched, where that differs from `ours` (MiniSearch runs
   * on a subset: it is compared with "ours on MS subset", not with ours on all articles).
   */
  oursVs?: Partial<Record<BaselineKey, number | boolean>>;
  /** true when ours is strictly better than every baseline that ran; null without baselines. */
  beatsAll: boolean | null;
  /** 'beats' every baseline, 'ties' the best one, or is 'behind' one; null without baselines. */
  vsBaselines: 'beats' | 'ties' | 'behind' | null;
  failures?: unknown[];
}

const r4 = (x: number) => round(x, 4);
const s1 = (ms: number) => round(ms / 1000, 1);
const titleSnippet = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Scores, tables and files. */
export function buildReport(input: ReportInput): Report {
  const engines = input.engines;
  const baselines = engines.filter((e): e is BaselineKey => e !== 'ours' && e !== 'ours-subset');
  const out: string[] = [];
  const md: string[] = [];
  const json: Record<string, unknown> = {
    benchmark: 'relevance',
    command: 'npm run bench:relevance',
    seed: SEED,
    ...(input.codeHash ? { oursCodeHash: input.codeHash } : {}),
    engines: engines.map((e) => ({ key: e, name: ENGINE_NAMES[e] })),
  };
  const targets: Target[] = [];
  const header = () => engines.map((e) => ENGINE_NAMES[e]);
  const sizeRow = (runs: Map<EngineKey, EngineRun>) => ['docs indexed', ...engines.map((e) => (runs.get(e) ? fmtInt(runs.get(e)!.corpusSize) : '–'))];
  const addTarget = (t: Omit<Target, 'pass' | 'beatsAll' | 'vsBaselines'>) => {
    const pass = typeof t.ours === 'boolean' ? t.ours : t.ours >= (t.threshold ?? 0);
    const num = (v: number | boolean) => (typeof v === 'boolean' ? Number(v) : round(v, 4));
    const pairs = (Object.entries(t.baselines) as Array<[BaselineKey, number | boolean]>).map(([k, v]) => [num(t.oursVs?.[k] ?? t.ours), num(v)]);
    let vsBaselines: Target['vsBaselines'] = null;
    if (pairs.length) {
      if (pairs.some(([mine, theirs]) => mine < theirs)) vsBaselines = 'behind';
      else if (pairs.some(([mine, theirs]) => mine === theirs)) vsBaselines = 'ties';
      else vsBaselines = 'beats';
    }
    targets.push({ ...t, pass, beatsAll: vsBaselines === null ? null : vsBaselines === 'beats', vsBaselines });
  };

  /**
   * For baselines that searched a smaller baomoi corpus than ours: our value on that same corpus
   * ("ours on MS subset"), so that every comparison is on equal data.
   */
  const oursOnSubset = <T extends number | boolean>(value: (e: EngineKey) => T | undefined): Partial<Record<BaselineKey, T>> => {
    const runs = input.baomoi?.runs;
    const size = (e: EngineKey) => runs?.get(e)?.corpusSize;
    const mine = value('ours-subset');
    if (!runs || mine === undefined) return {};
    return Object.fromEntries(baselines.filter((e) => size(e) !== undefined && size(e) !== size('ours') && size(e) === size('ours-subset')).map((e) => [e, mine]));
  };

  // ---- known-item ------------------------------------------------------------------------------
  const knownJson: unknown[] = [];
  const knownScores = new Map<EngineKey, Record<KnownKind, KnownScores>>();
  const ambiguity = new Map<EngineKey, PrefixAmbiguity>();
  const restoration = new Map<EngineKey, Partial<Record<KnownKind, RestorationScore>>>();
  const b = input.baomoi;
  if (b && input.options.benches.includes('known')) {
    for (const e of engines) {
      const run = b.runs.get(e);
      if (!run) continue;
      const byKind = {} as Record<KnownKind, KnownScores>;
      for (const { kind } of KNOWN_KINDS) byKind[kind] = scoreKnown(b.known.byKind[kind], run.sets.get(`known:${kind}`)!.results, b.relevant);
      knownScores.set(e, byKind);
      // How decidable kind (c) is on the corpus this engine searched (all articles, or the subset).
      const corpus = run.corpusSize === b.articles.length ? b.articles : b.subset.map((i) => b.articles[i]);
      ambiguity.set(e, prefixAmbiguity(corpus, b.known.byKind.c, { [e]: run.sets.get('known:c')!.results }, b.relevant, b.articles));
      // Diacritic restoration of the unaccented kinds, for engines that report what they searched for.
      const byKindRestoration: Partial<Record<KnownKind, RestorationScore>> = {};
      for (const kind of ['b', 'c'] as const) {
        const interpreted = run.sets.get(`known:${kind}`)!.interpretedAs;
        if (!interpreted) continue;
        const qs = b.known.byKind[kind];
        const truths = qs.map((q) => {
          const title = b.articles[q.target].title;
          return kind === 'b' ? title : headlinePrefix(title);
        });
        byKindRestoration[kind] = scoreRestoration(truths, qs.map((q) => q.q), interpreted);
      }
      if (Object.keys(byKindRestoration).length) restoration.set(e, byKindRestoration);
    }
    const rows: string[][] = [[sizeRow(b.runs)[0], '', ...sizeRow(b.runs).slice(1)]];
    for (const { kind, label } of KNOWN_KINDS) {
      const n = b.known.byKind[kind].length;
      const get = (e: EngineKey) => knownScores.get(e)?.[kind];
      rows.push([`${label} (n=${n})`, 'S@1', ...engines.map((e) => fmt(get(e)?.s1))]);
      rows.push(['', 'S@10', ...engines.map((e) => fmt(get(e)?.s10))]);
      rows.push(['', 'MRR@10', ...engines.map((e) => fmt(get(e)?.mrr10))]);
      knownJson.push({
        kind, label, n,
        results: Object.fromEntries(engines.filter((e) => get(e)).map((e) => [e, { s1: r4(get(e)!.s1), s10: r4(get(e)!.s10), mrr10: r4(get(e)!.mrr10) }])),
      });
    }
    const table = markdownTable(['Known-item (baomoi)', 'metric', ...header()], rows, ['left', 'left', ...engines.map(() => 'right' as const)]);
    out.push(`## Known-item search on baomoi-35k (sample of ${fmtInt(b.known.targets.length)}, seed mulberry32(${SEED}))\n`, table, '');
    md.push(`### Known-item search on baomoi-35k\n`, table, '');
    json.knownItem = {
      sample: b.known.targets.length,
      corpusSize: Object.fromEntries(engines.filter((e) => b.runs.get(e)).map((e) => [e, b.runs.get(e)!.corpusSize])),
      relevance: 'the sampled article or any article with the identical (trimmed) title',
      kinds: knownJson,
    };

    const ours = knownScores.get('ours')!;
    const kt: Array<[KnownKind, 's1' | 's10', number]> = [['a', 's1', 0.99], ['b', 's1', 0.99], ['c', 's1', 0.97], ['d', 's10', 0.95]];
    for (const [kind, metric, threshold] of kt) {
      const label = KNOWN_KINDS.find((k) => k.kind === kind)!.label;
      const qs = b.known.byKind[kind];
      const failing = ours[kind].ranks.map((r, i) => ({ r, i })).filter(({ r }) => (metric === 's1' ? r !== 1 : r === 0));
      const results = b.runs.get('ours')!.sets.get(`known:${kind}`)!.results;
      const byId = new Map(b.articles.map((a) => [a.id, a]));
      addTarget({
        id: `known-${kind}`, label: `known-item ${label}`, metric: metric === 's1' ? 'S@1' : 'S@10', threshold,
        ours: ours[kind][metric],
        baselines: Object.fromEntries(baselines.filter((e) => knownScores.get(e)).map((e) => [e, knownScores.get(e)![kind][metric]])),
        oursVs: oursOnSubset((e) => knownScores.get(e)?.[kind][metric]),
        failures: failing.slice(0, 10).map(({ r, i }) => {
          const top = results[i][0];
          return {
            query: qs[i].q,
            ...(qs[i].note ? { typo: qs[i].note } : {}),
            expectedId: b.articles[qs[i].target].id,
            expectedTitle: b.articles[qs[i].target].title,
            rank: r === 0 ? null : r,
            top1Id: top ?? null,
            top1Title: top ? byId.get(top)?.title ?? null : null,
          };
        }),
      });
    }
  }

  // ---- Zalo ------------------------------------------------------------------------------------
  const z = input.zalo;
  if (z) {
    const sets = [{ name: 'zalo:written', label: 'questions as written', threshold: 0.9 }, { name: 'zalo:unaccented', label: 'questions without diacritics', threshold: 0.87 }];
    const rel = z.data.questions.map((q) => new Set(q.relevant));
    const ranksOf = (e: EngineKey, set: string) => z.runs.get(e)!.sets.get(set)!.results.map((ids, i) => firstRelevantRank(ids, (id) => rel[i].has(id), 10));
    const rows: string[][] = [[sizeRow(z.runs)[0], '', ...sizeRow(z.runs).slice(1)]];
    const zJson: unknown[] = [];
    for (const s of sets) {
      const ranks = new Map(engines.filter((e) => z.runs.get(e)).map((e) => [e, ranksOf(e, s.name)]));
      const m = (e: EngineKey, f: (r: number[]) => number) => (ranks.get(e) ? f(ranks.get(e)!) : undefined);
      rows.push([`${s.label} (n=${z.data.questions.length})`, 'S@1', ...engines.map((e) => fmt(m(e, (r) => successAtK(r, 1))))]);
      rows.push(['', 'S@10', ...engines.map((e) => fmt(m(e, (r) => successAtK(r, 10))))]);
      rows.push(['', 'MRR@10', ...engines.map((e) => fmt(m(e, (r) => mrrAtK(r, 10))))]);
      zJson.push({
        set: s.name.slice('zalo:'.length), label: s.label, n: z.data.questions.length,
        results: Object.fromEntries([...ranks].map(([e, r]) => [e, { s1: r4(successAtK(r, 1)), s10: r4(successAtK(r, 10)), mrr10: r4(mrrAtK(r, 10)) }])),
      });
      const ourRanks = ranks.get('ours')!;
      const results = z.runs.get('ours')!.sets.get(s.name)!.results;
      const paraById = new Map(z.data.paragraphs.map((p) => [p.id, p]));
      addTarget({
        id: `zalo-${s.name.slice(5)}`, label: `Zalo QA ${s.label}`, metric: 'MRR@10', threshold: s.threshold,
        ours: mrrAtK(ourRanks, 10),
        baselines: Object.fromEntries(baselines.filter((e) => ranks.get(e)).map((e) => [e, mrrAtK(ranks.get(e)!, 10)])),
        failures: ourRanks.map((r, i) => ({ r, i })).filter(({ r }) => r !== 1).slice(0, 10).map(({ r, i }) => {
          const q = z.data.questions[i];
          const top = results[i][0] ? paraById.get(results[i][0]) : undefined;
          return {
            query: s.name === 'zalo:written' ? q.question : stripDiacritics(q.question),
            wikiTitle: q.title,
            expectedParagraph: titleSnippet(paraById.get(q.relevant[0])!.text),
            relevantCount: q.relevant.length,
            rank: r === 0 ? null : r,
            top1Title: top?.title ?? null,
            top1Paragraph: top ? titleSnippet(top.text) : null,
          };
        }),
      });
    }
    const table = markdownTable(['Zalo QA (2,027 paragraphs)', 'metric', ...header()], rows, ['left', 'left', ...engines.map(() => 'right' as const)]);
    out.push(`## Zalo Wikipedia QA (${z.data.questions.length} questions, ${fmtInt(z.data.paragraphs.length)} paragraphs; relevant = the question's listed paragraphs)\n`, table, '');
    md.push('### Zalo Wikipedia QA\n', table, '');
    json.zalo = { questions: z.data.questions.length, paragraphs: z.data.paragraphs.length, sets: zJson };
  }

  // ---- topical, Telex -------------------------------------------------------------------------
  const sections: Array<{ title: string; md: string; section: Section }> = [];
  if (input.topical) sections.push({ title: `## Topical queries on baomoi-35k (${input.topical.queries.length} queries as readers type them, graded judgments; every engine on all articles)\n`, md: '### Topical queries on baomoi-35k\n', section: topicalSection(input.topical, engines, header(), baselines) });
  if (input.telex) sections.push({ title: `## Queries typed in Telex or VNI (${input.telex.sources.length} per typing order)\n`, md: '### Queries typed in Telex or VNI\n', section: telexSection(input.telex, engines) });
  if (input.joined) sections.push({ title: `## Words typed with their syllables joined (${input.joined.topical.queries.length} topics, ${Object.keys(input.joined.labelled.split).length + input.joined.labelled.keep.length} labelled words, ${input.joined.guard.length.toLocaleString('en-US')} words of the archive)\n`, md: '### Words typed with their syllables joined\n', section: joinedSection(input.joined, engines, header(), baselines) });
  if (input.numbers) sections.push({ title: `## Numbers with and without thousands dots (${input.numbers.queries.length} queries)\n`, md: '### Numbers with and without thousands dots\n', section: numbersSection(input.numbers, engines, header(), baselines) });
  for (const { title, md: mdTitle, section } of sections) {
    out.push(title, ...section.details, '');
    md.push(mdTitle, ...section.details, '');
    for (const t of section.targets) addTarget(t);
  }
  if (input.topical) json.topical = sections.find((x) => x.title.startsWith('## Topical'))!.section.json;
  if (input.telex) json.telexDecoding = sections.find((x) => x.title.startsWith('## Queries typed'))!.section.json;
  if (input.joined) json.joined = sections.find((x) => x.title.startsWith('## Words typed'))!.section.json;
  if (input.numbers) json.numbers = sections.find((x) => x.title.startsWith('## Numbers'))!.section.json;

  // ---- exact diacritics ------------------------------------------------------------------------
  const exactScores = new Map<EngineKey, { precision: PrecisionScore[]; readings: ReadingsScore[] }>();
  if (b && b.masks && input.options.benches.includes('exact')) {
    const masks = b.masks;
    const index = new Map(b.articles.map((a, i) => [a.id, i]));
    const subsetSet = new Set(b.subset);
    for (const e of engines) {
      const run = b.runs.get(e);
      if (!run) continue;
      const inCorpus = (i: number) => run.corpusSize === b.articles.length || subsetSet.has(i);
      const totals = ACCENTED_QUERIES.map((_, w) => {
        let n = 0;
        for (let i = 0; i < masks.length; i++) if ((masks[i] & (1 << w)) && inCorpus(i)) n++;
        return n;
      });
      exactScores.set(e, scoreExact(
        run.sets.get('exact:precision')!.results, run.sets.get('exact:readings')!.results,
        (id) => { const i = index.get(id); return i === undefined ? 0 : masks[i]; }, totals,
      ));
    }
    const prow: string[][] = [sizeRow(b.runs)];
    ACCENTED_QUERIES.forEach((q, i) => prow.push([q, ...engines.map((e) => fmt(exactScores.get(e)?.precision[i].precision, 2))]));
    const ptable = markdownTable(['Precision@10 of the exact word', ...header()], prow);
    const rrow: string[][] = [];
    UNACCENTED_QUERIES.forEach((q, j) => {
      readingsOf(q).forEach((w, k) => rrow.push([`${q} → ${w}`, ...engines.map((e) => {
        const r = exactScores.get(e)?.readings[j].readings[k];
        return r ? `${r.inTop} / ${fmtInt(r.total)}` : '–';
      })]));
      rrow.push([`${q}: finds all readings`, ...engines.map((e) => {
        const r = exactScores.get(e)?.readings[j];
        return r ? (r.findsAllReadings ? 'yes' : 'no') : '–';
      })]);
    });
    const rtable = markdownTable([`Unaccented query: docs in top ${READINGS_DEPTH} with the reading / docs in corpus`, ...header()], rrow);
    const caveat = `A document counts for a reading when its text contains that word anywhere, whether or not the engine matched it through that reading (an engine that cannot fold still "finds" a reading in documents that also contain the literal unaccented word).`;
    out.push('## Exact-diacritics precision on baomoi-35k (word containment via the analyzer\'s exact forms)\n', ptable, '', rtable, '', caveat, '');
    md.push('### Exact diacritics on baomoi-35k\n', ptable, '', rtable, '', caveat, '');
    json.exactDiacritics = {
      corpusSize: Object.fromEntries(engines.filter((e) => b.runs.get(e)).map((e) => [e, b.runs.get(e)!.corpusSize])),
      precisionAt10: ACCENTED_QUERIES.map((q, i) => ({ query: q, results: Object.fromEntries([...exactScores].map(([e, s]) => [e, r4(s.precision[i].precision)])) })),
      readings: UNACCENTED_QUERIES.map((q, j) => ({
        query: q,
        depth: READINGS_DEPTH,
        results: Object.fromEntries([...exactScores].map(([e, s]) => [e, {
          findsAllReadings: s.readings[j].findsAllReadings,
          readings: s.readings[j].readings.map((r) => ({ word: r.word, inTop: r.inTop, total: r.total })),
        }])),
      })),
    };
    const ours = exactScores.get('ours')!;
    const byId = new Map(b.articles.map((a) => [a.id, a]));
    ACCENTED_QUERIES.forEach((q, i) => {
      addTarget({
        id: `exact-${q}`, label: `exact-diacritics "${q}"`, metric: 'P@10', threshold: 0.9,
        ours: ours.precision[i].precision,
        baselines: Object.fromEntries(baselines.filter((e) => exactScores.get(e)).map((e) => [e, exactScores.get(e)!.precision[i].precision])),
        oursVs: oursOnSubset((e) => exactScores.get(e)?.precision[i].precision),
        failures: ours.precision[i].wrong.map((id) => {
          const m = masks[index.get(id) ?? -1] ?? 0;
          return { query: q, id, title: byId.get(id)?.title ?? null, containsInstead: ACCENTED_QUERIES.filter((_, w) => m & (1 << w)) };
        }),
      });
    });
    UNACCENTED_QUERIES.forEach((q, j) => {
      addTarget({
        id: `readings-${q}`, label: `"${q}" reaches ${readingsOf(q).join(', ')} in top ${READINGS_DEPTH}`, metric: 'all readings', threshold: null,
        ours: ours.readings[j].findsAllReadings,
        baselines: Object.fromEntries(baselines.filter((e) => exactScores.get(e)).map((e) => [e, exactScores.get(e)!.readings[j].findsAllReadings])),
        oursVs: oursOnSubset((e) => exactScores.get(e)?.readings[j].findsAllReadings),
        failures: ours.readings[j].readings.filter((r) => r.inTop === 0).map((r) => ({ query: q, missingReading: r.word, docsWithIt: r.total })),
      });
    });
  }

  // ---- latency, timings ------------------------------------------------------------------------
  const oursA = b?.runs.get('ours')?.sets.get('known:a');
  const latency = oursA ? { p50: percentile(oursA.latenciesMs, 50), p95: percentile(oursA.latenciesMs, 95), n: oursA.latenciesMs.length } : null;
  const timingRows: string[][] = [];
  const timingJson: Record<string, unknown> = {};
  for (const e of engines) {
    const br = b?.runs.get(e);
    const zr = z?.runs.get(e);
    const sum = (run: EngineRun | undefined, prefix: string) => (run ? [...run.sets.values()].filter((s) => s.name.startsWith(prefix)).reduce((a, s) => a + s.wallMs, 0) : 0);
    const cells = {
      baomoiIndex: br ? br.indexMs : 0,
      known: sum(br, 'known:'),
      exact: sum(br, 'exact:'),
      zaloIndex: zr ? zr.indexMs : 0,
      zalo: sum(zr, 'zalo:'),
    };
    const total = Object.values(cells).reduce((a, v) => a + v, 0);
    const idx = (run: EngineRun | undefined, ms: number) => (run ? `${(ms / 1000).toFixed(1)}${run.cached ? ' (cached)' : ''}` : '–');
    timingRows.push([
      ENGINE_NAMES[e], br ? fmtInt(br.corpusSize) : '–', idx(br, cells.baomoiIndex),
      br && input.options.benches.includes('known') ? (cells.known / 1000).toFixed(1) : '–',
      br && input.options.benches.includes('exact') ? (cells.exact / 1000).toFixed(1) : '–',
      idx(zr, cells.zaloIndex), zr ? (cells.zalo / 1000).toFixed(1) : '–', (total / 1000).toFixed(1),
    ]);
    timingJson[e] = { ...Object.fromEntries(Object.entries(cells).map(([k, v]) => [`${k}S`, s1(v)])), totalS: s1(total), ...(br?.cached || zr?.cached ? { oursIndexCached: true } : {}) };
  }
  const ttable = markdownTable(['Wall time (s)', 'baomoi docs', 'baomoi index', 'known queries', 'exact queries', 'zalo index', 'zalo queries', 'engine total'], timingRows);
  out.push('## Wall time per engine and benchmark (seconds; two tasks at a time on 2 cores, baselines in worker threads; FTS5\'s baomoi queries ran as two tasks, each with its own index)\n', ttable, '');
  if (latency) out.push(`Our engine, per-query latency for known-item kind (a) (whole headline, ${latency.n} queries, after one warm-up query): p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  const errs = [...(b?.runs.values() ?? []), ...(z?.runs.values() ?? [])].filter((r) => r.queryErrors > 0);
  for (const r of errs) out.push(`${ENGINE_NAMES[r.key]}: ${r.queryErrors} queries were rejected (counted as no results)`);
  if (input.totalWallMs !== undefined) out.push(`Total wall time: ${(input.totalWallMs / 1000).toFixed(1)} s`);
  out.push('');

  // ---- targets ---------------------------------------------------------------------------------
  const tl: string[] = ['## Targets (our engine)', ''];
  for (const t of targets) {
    const v = typeof t.ours === 'boolean' ? (t.ours ? 'yes' : 'no') : t.ours.toFixed(4);
    const cond = t.threshold === null ? '' : ` ≥ ${t.threshold}`;
    const show = (x: number | boolean) => (typeof x === 'boolean' ? (x ? 'yes' : 'no') : x.toFixed(4));
    const bl = (Object.entries(t.baselines) as Array<[BaselineKey, number | boolean]>).map(([k, x]) => {
      const same = t.oursVs?.[k];
      return `${ENGINE_NAMES[k]} ${show(x)}${same === undefined ? '' : ` vs ours ${show(same)} on its corpus`}`;
    }).join(', ');
    const vs = { beats: 'yes', ties: 'no, ties one', behind: 'no, behind' }[t.vsBaselines ?? 'beats'];
    const beats = t.vsBaselines === null ? '' : ` | beats every baseline: ${vs} (${bl})`;
    tl.push(`${t.pass ? 'PASS' : 'FAIL'}  ${t.label}: ${t.metric} = ${v}${cond}${beats}`);
  }
  const passed = targets.filter((t) => t.pass).length;
  const count = (v: Target['vsBaselines']) => targets.filter((t) => t.vsBaselines === v).length;
  tl.push('', `${passed}/${targets.length} targets met${baselines.length ? `; each compared on the same corpus, ours beats every baseline on ${count('beats')}/${targets.length} lines, ties one on ${count('ties')}, is behind one on ${count('behind')}` : ''}`, '');
  out.push(...tl);

  const fl: string[] = [];
  for (const t of targets.filter((x) => !x.pass && x.failures?.length)) {
    fl.push(`### ${t.label} — failing examples (first ${Math.min(10, t.failures!.length)})`);
    for (const f of t.failures!.slice(0, 10) as Array<Record<string, unknown>>) fl.push(`- ${formatFailure(f)}`);
    fl.push('');
  }
  for (const { section } of sections) if (section.failures.length) fl.push('### Topical queries of the tuning half below P@10 = 1 (the held-out half is not listed)', ...section.failures, '');
  if (fl.length) out.push('## Failing examples (our engine, missed targets)', '', ...fl);

  // ---- headline markdown -----------------------------------------------------------------------
  const head: string[][] = [];
  if (b) head.push(['baomoi docs indexed', ...engines.map((e) => (b.runs.get(e) ? fmtInt(b.runs.get(e)!.corpusSize) : '–'))]);
  if (knownScores.size) {
    const k = (kind: KnownKind, m: 's1' | 's10') => engines.map((e) => fmt(knownScores.get(e)?.[kind][m]));
    head.push(['Known-item S@1 — headline as written', ...k('a', 's1')]);
    head.push(['Known-item S@1 — headline without diacritics', ...k('b', 's1')]);
    head.push(['Known-item S@1 — first 5 syllables, no diacritics', ...k('c', 's1')]);
    head.push(['… (c) best expected S@1 of any engine on that corpus¹', ...engines.map((e) => fmt(ambiguity.get(e)?.ceiling))]);
    head.push(['… (c) S@1 on queries with one possible headline¹', ...engines.map((e) => fmt(ambiguity.get(e)?.s1Unambiguous[e]))]);
    head.push(['Known-item S@10 — headline with one typo', ...k('d', 's10')]);
    const pct = (r: RestorationScore | undefined, part: 'right' | 'wrong') => (r && r.syllables ? `${((100 * r[part]) / r.syllables).toFixed(1)}%` : '–');
    head.push(['Diacritics restored right — headline syllables of (b)²', ...engines.map((e) => pct(restoration.get(e)?.b, 'right'))]);
    head.push(['… restored wrong (the rest stay open: all readings equal)²', ...engines.map((e) => pct(restoration.get(e)?.b, 'wrong'))]);
  }
  if (z) {
    for (const [set, label] of [['zalo:written', 'Zalo QA MRR@10 — as written'], ['zalo:unaccented', 'Zalo QA MRR@10 — without diacritics']] as const) {
      const rel = z.data.questions.map((q) => new Set(q.relevant));
      head.push([label, ...engines.map((e) => {
        const run = z.runs.get(e);
        return run ? fmt(mrrAtK(run.sets.get(set)!.results.map((ids, i) => firstRelevantRank(ids, (id) => rel[i].has(id), 10)), 10)) : '–';
      })]);
    }
  }
  if (exactScores.size) {
    head.push([`Exact-diacritics P@10 — mean of ${ACCENTED_QUERIES.length} words`, ...engines.map((e) => {
      const s = exactScores.get(e);
      return s ? fmt(s.precision.reduce((a, p) => a + p.precision, 0) / s.precision.length, 2) : '–';
    })]);
    head.push(['Exact-diacritics P@10 — worst word', ...engines.map((e) => {
      const s = exactScores.get(e);
      return s ? fmt(Math.min(...s.precision.map((p) => p.precision)), 2) : '–';
    })]);
    head.push([`Unaccented query reaches every reading (of ${UNACCENTED_QUERIES.length})`, ...engines.map((e) => {
      const s = exactScores.get(e);
      return s ? `${s.readings.filter((r) => r.findsAllReadings).length}/${s.readings.length}` : '–';
    })]);
  }
  for (const { section } of sections) head.push(...section.head);
  const headlineTable = markdownTable(['', ...engines.map((e) => ENGINE_NAMES[e])], head);
  const oursAmbiguity = ambiguity.get('ours');
  const footnote = oursAmbiguity
    ? `¹ Kind (c) is not always decidable: on all ${fmtInt(b!.articles.length)} articles, ${oursAmbiguity.ambiguous} of the ${oursAmbiguity.queries} queries start more than one distinct headline (e.g. "Gia vang hom nay 4/6:"), and nothing in the query says which one was sampled. With perfect ranking and those ties broken at random, the expected S@1 is the "best expected" row (computed per corpus: a smaller subset has fewer such collisions); the next row is S@1 on the other queries.`
    : '';
  const restorationNote = restoration.size
    ? `² Of the accented syllables of the ${b!.known.byKind.b.length} unaccented headlines of kind (b), the share the engine's \`interpreted_as\` spells exactly as the headline does (right) or with other diacritics (wrong); the others are left open, matching every reading equally. Only engines that restore diacritics report this.`
    : '';
  const topicalNote = input.topical
    ? `³ ${input.topical.queries.length} short queries as readers type them (topics, names, places, events, abbreviations; with and without diacritics, some in Telex), each graded 2 (the headline names the topic), 1 (the lead does) or 0, by a rule checked by reading every engine's pooled top 10 (\`bench/relevance/topical/\`); P@10 counts grades ≥ 1. The halves are fixed: the ranking was tuned looking at the tuning half only. Every engine indexes all ${fmtInt(b?.articles.length ?? 0)} articles.`
    : '';
  const telexNote = input.telex
    ? `⁴ Of the words carrying marks in ${input.telex.sources.length} short queries (the topical topics and ${input.telex.sources.length - (input.topical?.queries.length ?? 0)} headline starts) typed without an input method, the share \`interpreted_as\` spells exactly.`
    : '';
  const joinedNote = input.joined
    ? `⁵ The ${input.joined.topical.queries.length} topical queries whose topic is two to four syllables of letters, typed without diacritics and without spaces, as in hashtags and domain names (\`${input.joined.topical.joined.slice(0, 3).join('`, `')}\`), graded like the topical set; below, the same topics typed without diacritics with their spaces. The splitting rules were set on other words (\`bench/relevance/joined-words.json\`); these topics were not looked at.`
    : '';
  const numbersNote = input.numbers
    ? `⁶ ${input.numbers.queries.length} queries, each a number written with thousands dots in a baomoi headline and the word after it, typed as written and without the dots (\`${input.numbers.queries.slice(0, 2).map((q) => `${q.bare} ${q.next}`).join('`, `')}\`); an article is right when its headline or lead holds the number, either way, followed by that word. Every engine indexes all ${fmtInt(b?.articles.length ?? 0)} articles.`
    : '';
  const headline = [headlineTable, footnote, restorationNote, topicalNote, telexNote, joinedNote, numbersNote].filter(Boolean).join('\n\n');
  const subsetNote = b && baselines.some((e) => e.startsWith('minisearch'))
    ? ` MiniSearch indexes a ${fmtInt(b.subset.length)}-article subset of baomoi (the ${fmtInt(b.known.targets.length)} targets plus seeded random others): a whole-headline query costs it tens of ms even there, so all ${fmtInt(b.articles.length)} would not fit the run time; ours and FTS5 index all ${fmtInt(b.articles.length)}. "ours on MS subset" is our engine built on that same subset, for a same-corpus comparison (targets are judged on "ours").`
    : '';
  const mdText = [
    '## Relevance benchmark',
    '',
    `Generated by \`npm run bench:relevance\` (seed mulberry32(${SEED}), known-item sample ${fmtInt(input.options.sample)}).${subsetNote} Known-item: a hit is correct when it is the sampled article or has the identical headline. Zalo: relevant = the question's listed Wikipedia paragraphs. Exact diacritics: share of the top 10 containing the exact accented word typed (${ACCENTED_QUERIES.join(', ')}).`,
    '',
    headline,
    '',
    '#### Targets (our engine)',
    '',
    ...targets.map((t) => `- ${t.pass ? 'PASS' : 'FAIL'} ${t.label}: ${t.metric} = ${typeof t.ours === 'boolean' ? (t.ours ? 'yes' : 'no') : t.ours.toFixed(4)}${t.threshold === null ? '' : ` (target ≥ ${t.threshold})`}`),
    '',
    '#### Details',
    '',
    ...md,
  ].join('\n');
  out.unshift('# Relevance benchmark', '', headline, '');

  if (restoration.size) json.diacriticRestoration = Object.fromEntries(restoration);
  if (ambiguity.size) json.knownItemPrefixAmbiguity = Object.fromEntries([...ambiguity].map(([e, a]) => [e, { corpus: b!.runs.get(e)!.corpusSize, ambiguous: a.ambiguous, queries: a.queries, ceiling: r4(a.ceiling), s1Unambiguous: r4(a.s1Unambiguous[e]) }]));
  json.options = { sample: input.options.sample, msSubset: b ? b.subset.length : input.options.msSubset, benches: input.options.benches, oursOnly: input.options.oursOnly };
  json.targets = targets.map((t) => ({
    id: t.id, label: t.label, metric: t.metric, threshold: t.threshold,
    ours: typeof t.ours === 'number' ? r4(t.ours) : t.ours, pass: t.pass,
    baselines: Object.fromEntries(Object.entries(t.baselines).map(([k, v]) => [k, typeof v === 'number' ? r4(v) : v])),
    ...(t.oursVs && Object.keys(t.oursVs).length ? { oursOnEachBaselinesCorpus: Object.fromEntries(Object.entries(t.oursVs).map(([k, v]) => [k, typeof v === 'number' ? r4(v) : v])) } : {}),
    beatsAllBaselines: t.beatsAll,
    vsBaselines: t.vsBaselines,
    ...(!t.pass && t.failures?.length ? { failingExamples: t.failures.slice(0, 10) } : {}),
  }));
  json.latency = latency ? { oursKnownA: { n: latency.n, p50Ms: round(latency.p50, 1), p95Ms: round(latency.p95, 1) } } : null;
  json.wallTime = { perEngine: timingJson, totalS: input.totalWallMs !== undefined ? s1(input.totalWallMs) : null };

  return { console: out.join('\n'), markdown: `${mdText}\n`, json };
}

function formatFailure(f: Record<string, unknown>): string {
  if ('expectedTitle' in f) {
    return `q: ${JSON.stringify(f.query)}${f.typo ? ` [${String(f.typo)}]` : ''}\n  expected: ${String(f.expectedId)} ${JSON.stringify(f.expectedTitle)} (rank ${f.rank ?? '>10'})\n  first:    ${String(f.top1Id)} ${JSON.stringify(f.top1Title)}`;
  }
  if ('wikiTitle' in f) {
    return `q: ${JSON.stringify(f.query)} (article "${String(f.wikiTitle)}", ${String(f.relevantCount)} listed paragraphs, first relevant at rank ${f.rank ?? '>10'})\n  expected e.g.: ${JSON.stringify(f.expectedParagraph)}\n  first:         [${String(f.top1Title)}] ${JSON.stringify(f.top1Paragraph)}`;
  }
  if ('containsInstead' in f) {
    return `q: ${JSON.stringify(f.query)} → ${String(f.id)} ${JSON.stringify(f.title)} contains ${(f.containsInstead as string[]).join(', ') || 'none of the query words'}`;
  }
  return JSON.stringify(f);
}
