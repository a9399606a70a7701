/**
 * Tables of the related-articles benchmark: quality of ours beside each baseline (with whether ours
 * beats every baseline on the line), and speed over local HTTP against its targets.
 * @module
 */
import { fmt, fmtInt, markdownTable } from '../lib/table.js';
import type { LatencySummary } from '../lib/latency-summary.js';
import type { Ratio } from './metrics.js';
import type { SpeedResult } from './speed.js';

/** One quality line: a value per engine (ours first), and which direction is better. */
export interface QualityLine {
  label: string;
  /** Values in engine order; NaN when the engine did not run on the line. */
  values: number[];
  better: 'higher' | 'lower';
  /** Denominator shown in the label ("n = …"). */
  n?: number;
  decimals?: number;
}

/** Builds a line from ratios. */
export function ratioLine(label: string, ratios: Ratio[], better: 'higher' | 'lower', decimals = 3): QualityLine {
  return { label, values: ratios.map((r) => r.value), better, n: ratios[0]?.den, decimals };
}

/** Whether ours (values[0]) beats every baseline that ran. */
export function oursBeatsAll(line: QualityLine): boolean | null {
  const [ours, ...others] = line.values;
  const ran = others.filter((v) => !Number.isNaN(v));
  if (Number.isNaN(ours) || ran.length === 0) return null;
  return ran.every((v) => (line.better === 'higher' ? ours > v : ours < v));
}

/** The quality table (Markdown). */
export function qualityTable(engines: readonly string[], corpusRows: Array<[string, number[]]>, lines: readonly QualityLine[]): string {
  const rows = [
    ...corpusRows.map(([label, sizes]) => [label, ...sizes.map((s) => (Number.isNaN(s) ? '–' : fmtInt(s))), '']),
    ...lines.map((l) => {
      const verdict = oursBeatsAll(l);
      return [
        `${l.label}${l.n !== undefined ? ` (n = ${fmtInt(l.n)})` : ''}${l.better === 'lower' ? ' ↓' : ''}`,
        ...l.values.map((v) => fmt(v, l.decimals ?? 3)),
        verdict === null ? '–' : verdict ? 'ours best' : 'NOT BEST',
      ];
    }),
  ];
  return markdownTable(['', ...engines, 'result'], rows);
}

const ms = (x: number) => `${fmt(x, 2)} ms`;

/** Speed targets of the issue. */
export const SPEED_TARGETS = { p50: 20, p99: 60 } as const;

/** The speed table (Markdown) with PASS/FAIL per target. */
export function speedTable(s: SpeedResult, documents: number, maxPlanTerms: number, planBound: number): { table: string; passed: number; total: number } {
  const rows: string[][] = [];
  let passed = 0;
  let total = 0;
  const target = (measure: string, value: string, goal: string, ok: boolean) => {
    total++;
    if (ok) passed++;
    rows.push([measure, value, goal, ok ? 'PASS' : 'FAIL']);
  };
  const lat = (what: string, l: LatencySummary) => {
    target(`${what} p50 (${fmtInt(l.n)} requests)`, ms(l.p50), `≤ ${SPEED_TARGETS.p50} ms`, l.p50 <= SPEED_TARGETS.p50);
    target(`${what} p99`, ms(l.p99), `≤ ${SPEED_TARGETS.p99} ms`, l.p99 <= SPEED_TARGETS.p99);
  };
  lat(`GET /articles/:id/related?limit=5, ${fmtInt(documents)} articles`, s.get);
  lat('POST /related (draft = an article\'s title, lead, body)', s.post);
  target('responses not 200', String(s.non200), '0', s.non200 === 0);
  target('largest related plan (posting lists), every benchmark query', String(maxPlanTerms), `≤ ${planBound}`, maxPlanTerms <= planBound);
  rows.push(['(info) GET p95 / max', `${ms(s.get.p95)} / ${ms(s.get.max)}`, '', '']);
  rows.push(['(info) cold first request (loads lexicon + 10 shard objects)', ms(s.coldMs), '', '']);
  if (s.workerdCpuMsPerGet !== null) rows.push(['(info) workerd CPU per GET (all its processes)', ms(s.workerdCpuMsPerGet), '', '']);
  rows.push(['(info) load average (1 min) before / after the GETs, 2 CPUs', `${fmt(s.loadAverage.before, 2)} / ${fmt(s.loadAverage.after, 2)}`, '', '']);
  return { table: markdownTable(['measure', 'value', 'target', 'result'], rows, ['left', 'right', 'left', 'left']), passed, total };
}
