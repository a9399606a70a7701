/**
 * The numbers part of the relevance report (`numbers-set.ts`): a number and the word after it,
 * typed as written (`24.962 xe`) and without the thousands dots (`24962 xe`), for every engine.
 * @module
 */
import { fmt, markdownTable } from '../lib/table.js';
import { round } from '../lib/metrics.js';
import type { BaselineKey } from './baselines/types.js';
import { numberScores, type NumberQuery } from './numbers-set.js';
import type { EngineKey, EngineRun, TargetSpec } from './report.js';
import type { Section } from './topical/section.js';

/** What the numbers section needs. */
export interface NumbersData {
  queries: NumberQuery[];
  relevant: (query: number, id: string) => boolean;
  /** Runs holding `numbers:dotted` and `numbers:bare` (every engine on all articles). */
  runs: Map<EngineKey, EngineRun>;
}

/** Least S@1 our engine must reach on numbers typed without dots. */
export const NUMBERS_S1_TARGET = 0.95;

/** Scores and renders the numbers set. */
export function numbersSection(d: NumbersData, engines: readonly EngineKey[], names: readonly string[], baselines: readonly BaselineKey[]): Section {
  const ran = engines.filter((e) => d.runs.get(e)?.sets.get('numbers:bare'));
  const score = (e: EngineKey, set: string) => numberScores(d.runs.get(e)!.sets.get(set)!.results, d.relevant);
  const cell = (e: EngineKey, set: string, key: 'p10' | 's1') => (ran.includes(e) ? fmt(score(e, set)[key]) : '–');
  const ex = d.queries[0];
  const rows: string[][] = [];
  for (const [set, label] of [['numbers:dotted', `as written (\`${ex ? `${ex.dotted} ${ex.next}` : ''}\`)`], ['numbers:bare', `without thousands dots (\`${ex ? `${ex.bare} ${ex.next}` : ''}\`)`]] as const) {
    rows.push([label, 'S@1', ...engines.map((e) => cell(e, set, 's1'))]);
    rows.push(['', 'P@10', ...engines.map((e) => cell(e, set, 'p10'))]);
  }
  const table = markdownTable([`A number and the word after it (${d.queries.length} from headlines)`, 'metric', ...names], rows, ['left', 'left', ...engines.map(() => 'right' as const)]);
  const head = [
    ['Number without thousands dots (`1000 tỷ`): S@1⁶', ...engines.map((e) => cell(e, 'numbers:bare', 's1'))],
    ['… as written (`1.000 tỷ`): S@1⁶', ...engines.map((e) => cell(e, 'numbers:dotted', 's1'))],
  ];
  const targets: TargetSpec[] = ran.includes('ours')
    ? [{
      id: 'numbers-bare-s1', label: 'a number typed without thousands dots and the word after it', metric: 'S@1', threshold: NUMBERS_S1_TARGET,
      ours: score('ours', 'numbers:bare').s1,
      baselines: Object.fromEntries(baselines.filter((b) => ran.includes(b)).map((b) => [b, score(b, 'numbers:bare').s1])),
    }]
    : [];
  const json = {
    queries: d.queries.length,
    results: Object.fromEntries(ran.map((e) => [e, Object.fromEntries(['numbers:dotted', 'numbers:bare'].map((set) => { const s = score(e, set); return [set.slice(8), { s1: round(s.s1, 4), p10: round(s.p10, 4) }]; }))])),
  };
  return { head, details: [table], json, targets, failures: [] };
}
