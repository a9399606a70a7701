/**
 * Recording on vs off in one `bench:load` run: the summary of each mode from every response's
 * latency, and the verdict against the 10% budget.
 * @module
 */
import { percentile, round } from '../lib/metrics.js';

/** The two configurations compared. */
export type Mode = 'off' | 'on';

/** What one mode measured. */
export interface ModeSummary {
  responses: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Summary of a mode from its response latencies (ms) and the seconds it was under load. */
export function summarizeMode(latencies: readonly number[], seconds: number): ModeSummary {
  const n = latencies.length;
  return {
    responses: n,
    perSecond: round(seconds > 0 ? n / seconds : NaN, 1),
    p50: round(percentile(latencies, 50), 1),
    p90: round(percentile(latencies, 90), 1),
    p99: round(percentile(latencies, 99), 1),
    max: round(n ? Math.max(...latencies) : NaN, 1),
    mean: round(n ? latencies.reduce((a, b) => a + b, 0) / n : NaN, 1),
  };
}

/** Relative change of `on` against `off`, in percent (positive = `on` is higher). */
export function changePct(off: number, on: number): number {
  return round(((on - off) / off) * 100, 1);
}

/** Recording's cost: latency and throughput changes and whether each stays within `budgetPct`. */
export interface Comparison {
  p50Pct: number;
  p99Pct: number;
  throughputPct: number;
  within: { p50: boolean; p99: boolean; throughput: boolean; all: boolean };
}

/** Compares on with off: p50/p99 may be at most `budgetPct`% higher, throughput at most `budgetPct`% lower. */
export function compareModes(off: ModeSummary, on: ModeSummary, budgetPct = 10): Comparison {
  const p50Pct = changePct(off.p50, on.p50);
  const p99Pct = changePct(off.p99, on.p99);
  const throughputPct = changePct(off.perSecond, on.perSecond);
  const within = { p50: p50Pct <= budgetPct, p99: p99Pct <= budgetPct, throughput: throughputPct >= -budgetPct, all: false };
  within.all = within.p50 && within.p99 && within.throughput;
  return { p50Pct, p99Pct, throughputPct, within };
}
