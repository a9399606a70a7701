/**
 * The topical and Telex parts of the relevance report: tables, headline rows, JSON and targets.
 * @module
 */
import { fmt, markdownTable } from '../../lib/table.js';
import { round } from '../../lib/metrics.js';
import type { TypingOrder } from '../../lib/telex.js';
import type { BaselineKey } from '../baselines/types.js';
import type { EngineKey, EngineRun, TargetSpec } from '../report.js';
import { TYPING_ORDERS, TYPING_ORDER_LABELS, scoreDecoding, type DecodingScore } from '../telex-set.js';
import type { TopicalJudge } from './judgments.js';
import { HALVES, type TopicalQuery } from './queries.js';
import { idealGradesOf, meansOf, scoreTopical, type TopicalOutcome } from './score.js';

/** What the topical section needs. */
export interface TopicalData {
  queries: TopicalQuery[];
  judge: TopicalJudge;
  runs: Map<EngineKey, EngineRun>;
  /** Headline of an article id (for failing examples). */
  titleOf: (id: string) => string | undefined;
}

/** What the Telex section needs. */
export interface TelexData {
  sources: string[];
  queries: Record<TypingOrder, string[]>;
  run: EngineRun;
}

/** A rendered section. */
export interface Section {
  /** Rows for the headline table (label, then one cell per engine). */
  head: string[][];
  /** Details: console and Markdown (same table). */
  details: string[];
  json: unknown;
  targets: TargetSpec[];
  /** Failing examples for the console. */
  failures: string[];
}

/** Minimum mean P@10 on each half (issue 13). */
export const TOPICAL_P10_TARGET = 0.95;
/** Minimum share of marked words a Telex order must decode exactly (issue 13). */
export const TELEX_TARGET = 0.98;

const r4 = (x: number) => round(x, 4);

/** Scores and renders the topical set. */
export function topicalSection(d: TopicalData, engines: readonly EngineKey[], names: readonly string[], baselines: readonly BaselineKey[]): Section {
  const ran = engines.filter((e) => d.runs.get(e));
  const results = (e: EngineKey) => d.runs.get(e)!.sets.get('topical:queries')!.results;
  const ideal = idealGradesOf(d.queries, ran.map(results), d.judge);
  const outcomes = new Map<EngineKey, TopicalOutcome[]>(ran.map((e) => [e, scoreTopical(d.queries, results(e), d.judge, ideal)]));
  const groups: Array<{ key: string; label: string; keep: (q: TopicalQuery) => boolean }> = [
    { key: 'all', label: 'all', keep: () => true },
    ...HALVES.map((h) => ({ key: h, label: `${h} half`, keep: (q: TopicalQuery) => q.half === h })),
    { key: 'diacritics', label: 'typed with diacritics', keep: (q: TopicalQuery) => q.typed === 'diacritics' },
    { key: 'plain', label: 'typed without diacritics', keep: (q: TopicalQuery) => q.typed === 'plain' },
    { key: 'telex', label: 'typed in Telex', keep: (q: TopicalQuery) => q.typed === 'telex' },
  ];
  const mean = (e: EngineKey, keep: (q: TopicalQuery) => boolean) => (outcomes.get(e) ? meansOf(d.queries, outcomes.get(e)!, keep) : undefined);
  const rows: string[][] = [];
  for (const g of groups) {
    const n = d.queries.filter(g.keep).length;
    rows.push([`${g.label} (n=${n})`, 'P@10', ...engines.map((e) => fmt(mean(e, g.keep)?.p10))]);
    rows.push(['', 'nDCG@10', ...engines.map((e) => fmt(mean(e, g.keep)?.ndcg10))]);
  }
  const table = markdownTable([`Topical (${d.queries.length} queries, baomoi-35k)`, 'metric', ...names], rows, ['left', 'left', ...engines.map(() => 'right' as const)]);
  const head = HALVES.flatMap((h) => [
    [`Topical P@10 — ${h} half³`, ...engines.map((e) => fmt(mean(e, (q) => q.half === h)?.p10))],
    [`Topical nDCG@10 — ${h} half³`, ...engines.map((e) => fmt(mean(e, (q) => q.half === h)?.ndcg10))],
  ]);
  const targets: TargetSpec[] = [];
  const oursOut = outcomes.get('ours');
  if (oursOut) {
    for (const h of HALVES) {
      const keep = (q: TopicalQuery) => q.half === h;
      for (const [metric, key, threshold] of [['P@10', 'p10', TOPICAL_P10_TARGET], ['nDCG@10', 'ndcg10', null]] as const) {
        targets.push({
          id: `topical-${h}-${key}`, label: `topical queries, ${h} half`, metric, threshold,
          ours: meansOf(d.queries, oursOut, keep)[key],
          baselines: Object.fromEntries(baselines.filter((b) => outcomes.get(b)).map((b) => [b, meansOf(d.queries, outcomes.get(b)!, keep)[key]])),
        });
      }
    }
  }
  // Failing examples: the tuning half only (the held-out half is reported, not read).
  const failures: string[] = [];
  if (oursOut) {
    const worst = d.queries.map((q, i) => ({ q, o: oursOut[i] })).filter(({ q, o }) => q.half === 'tuning' && o.p10 < 1).sort((a, b) => a.o.p10 - b.o.p10 || a.o.ndcg10 - b.o.ndcg10);
    for (const { q, o } of worst.slice(0, 15)) {
      const ids = results('ours')[d.queries.indexOf(q)];
      const wrong = ids.map((id, k) => ({ id, g: o.grades[k], k })).filter((x) => x.g === 0).slice(0, 3);
      failures.push(`- ${q.id} ${JSON.stringify(q.q)} (${q.topic}): P@10 ${o.p10.toFixed(1)}, nDCG@10 ${o.ndcg10.toFixed(3)}; not relevant: ${wrong.map((w) => `#${w.k + 1} ${JSON.stringify(d.titleOf(w.id) ?? w.id)}`).join('; ')}`);
    }
  }
  const json = {
    queries: d.queries.length,
    judgedOutsidePool: d.judge.outsidePool,
    groups: groups.map((g) => ({ group: g.key, n: d.queries.filter(g.keep).length, results: Object.fromEntries(ran.map((e) => { const m = mean(e, g.keep)!; return [e, { p10: r4(m.p10), ndcg10: r4(m.ndcg10) }]; })) })),
  };
  const pool = `Articles an engine returned that are not in the committed pool (judged by the rule alone): ${d.judge.outsidePool}.`;
  return { head, details: [table, '', pool], json, targets, failures };
}

/** Scores and renders the Telex/VNI set (our engine only). */
export function telexSection(d: TelexData, engines: readonly EngineKey[]): Section {
  const scores = new Map<TypingOrder, DecodingScore>();
  for (const order of TYPING_ORDERS) {
    const set = d.run.sets.get(`telex:${order}`);
    if (set) scores.set(order, scoreDecoding(d.sources, d.queries[order], set.interpretedAs ?? []));
  }
  const share = (s: DecodingScore, part: 'right' | 'wrong') => (s.words ? s[part] / s.words : 0);
  const rows = [...scores].map(([order, s]) => [TYPING_ORDER_LABELS[order], String(d.sources.length), String(s.words), `${(100 * share(s, 'right')).toFixed(1)}%`, `${(100 * share(s, 'wrong')).toFixed(1)}%`, `${(100 * s.undecoded / Math.max(1, s.words)).toFixed(1)}%`, String(s.spoiled)]);
  const table = markdownTable(['Typed without an input method (ours)', 'queries', 'marked words', 'decoded right', 'decoded wrong', 'left as typed', 'unmarked words given marks'], rows);
  const pad = (v: string) => engines.map((e) => (e === 'ours' ? v : '–'));
  const head = [...scores].filter(([o]) => o !== 'vni').map(([order, s]) => [`${TYPING_ORDER_LABELS[order]}: marked words decoded right⁴`, ...pad(`${(100 * share(s, 'right')).toFixed(1)}%`)]);
  const targets: TargetSpec[] = [...scores].filter(([o]) => o !== 'vni').map(([order, s]) => ({
    id: `decode-${order}`, label: `${TYPING_ORDER_LABELS[order]}: marked words decoded right`, metric: 'share', threshold: TELEX_TARGET, ours: share(s, 'right'), baselines: {},
  }));
  const json = Object.fromEntries([...scores].map(([o, s]) => [o, { ...s, rightShare: r4(share(s, 'right')), wrongShare: r4(share(s, 'wrong')) }]));
  return { head, details: [table], json, targets, failures: [] };
}
