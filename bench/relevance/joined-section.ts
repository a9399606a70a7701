/**
 * The joined-words part of the relevance report (`joined-set.ts`): topics typed without spaces
 * against the same topics typed with them, for every engine; how our planner splits labelled words;
 * and which words of the archive it splits.
 * @module
 */
import { fmt, markdownTable } from '../lib/table.js';
import { round } from '../lib/metrics.js';
import { readAs, scoreSplits, type JoinedTopical, type JoinedWords, type SplitScore } from './joined-set.js';
import type { BaselineKey } from './baselines/types.js';
import type { EngineKey, EngineRun, TargetSpec } from './report.js';
import type { Section } from './topical/section.js';
import type { TopicalJudge } from './topical/judgments.js';
import { idealGradesOf, meansOf, scoreTopical } from './topical/score.js';

/** What the joined section needs. */
export interface JoinedData {
  topical: JoinedTopical;
  /** The topical judge (the joined queries keep their topical ids). */
  judge: TopicalJudge;
  /** Runs holding `joined:spaced` and `joined:joined` (every engine on all articles) and, for ours, `joined:labelled` and `joined:guard`. */
  runs: Map<EngineKey, EngineRun>;
  labelled: JoinedWords;
  guard: Array<{ word: string; df: number }>;
}

/** Most our engine's P@10 on topics typed joined may fall below the same topics typed with spaces. */
export const JOINED_P10_MAX_LOSS = 0.05;

const r4 = (x: number) => round(x, 4);
const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '0.0'}%`;

/** Scores and renders the joined-words set. */
export function joinedSection(d: JoinedData, engines: readonly EngineKey[], names: readonly string[], baselines: readonly BaselineKey[]): Section {
  const { queries, spaced, joined } = d.topical;
  const ran = engines.filter((e) => d.runs.get(e)?.sets.get('joined:joined'));
  const results = (e: EngineKey, set: string) => d.runs.get(e)!.sets.get(set)!.results;
  const ideal = idealGradesOf(queries, ran.flatMap((e) => [results(e, 'joined:spaced'), results(e, 'joined:joined')]), d.judge);
  const means = (e: EngineKey, set: string) => meansOf(queries, scoreTopical(queries, results(e, set), d.judge, ideal));
  const cell = (e: EngineKey, set: string, key: 'p10' | 'ndcg10') => (ran.includes(e) ? fmt(means(e, set)[key]) : '–');
  const rows: string[][] = [];
  for (const [set, label] of [['joined:spaced', `typed with spaces, no diacritics (\`${spaced[0] ?? ''}\`)`], ['joined:joined', `typed joined (\`${joined[0] ?? ''}\`)`]] as const) {
    rows.push([label, 'P@10', ...engines.map((e) => cell(e, set, 'p10'))]);
    rows.push(['', 'nDCG@10', ...engines.map((e) => cell(e, set, 'ndcg10'))]);
  }
  const table = markdownTable([`Topics of 2–4 syllables (${queries.length} topical queries)`, 'metric', ...names], rows, ['left', 'left', ...engines.map(() => 'right' as const)]);

  const ours = d.runs.get('ours');
  const interp = (set: string) => ours?.sets.get(set)?.interpretedAs ?? [];
  const topicalSplits = ours ? scoreSplits(joined, spaced, interp('joined:joined')) : null;
  const splitWords = Object.keys(d.labelled.split);
  const labelledQueries = [...splitWords, ...d.labelled.keep];
  const labelledInterp = interp('joined:labelled');
  const labelledSplits = ours ? scoreSplits(splitWords, splitWords.map((w) => d.labelled.split[w]), labelledInterp.slice(0, splitWords.length)) : null;
  const keepRead = d.labelled.keep.map((w, i) => ({ w, got: readAs(w, labelledInterp[splitWords.length + i]) }));
  const keptWhole = keepRead.filter((k) => !k.got.includes(' ')).length;
  const guardAll = d.guard.map((g, i) => ({ ...g, got: readAs(g.word, interp('joined:guard')[i]) }));
  const guardRead = guardAll.filter((g) => g.got.includes(' '));
  // Read as one other word: decoded as Telex/VNI (`songs` → sóng would be one).
  const guardDecoded = guardAll.filter((g) => !g.got.includes(' ') && g.got !== g.word);

  const splitRow = (label: string, s: SplitScore | null) => [label, String(s?.words ?? 0), s ? pct(s.right, s.words) : '–', s ? pct(s.wrong, s.words) : '–', s ? pct(s.whole, s.words) : '–'];
  const splitTable = markdownTable(['How our planner read the words (`interpreted_as`)', 'words', 'split as expected', 'split otherwise', 'left whole'], [
    splitRow('topics typed joined (held out)', topicalSplits),
    splitRow('labelled joined words (`joined-words.json`, the rules were set on them)', labelledSplits),
    [`labelled words to keep whole (English words, names, tickers, the typo \`vietlot\`)`, String(d.labelled.keep.length), '–', pct(d.labelled.keep.length - keptWhole, d.labelled.keep.length), pct(keptWhole, d.labelled.keep.length)],
  ]);
  const list = (gs: typeof guardAll) => (gs.length ? ` — ${gs.map((g) => `${g.word} (${g.df}) → ${g.got}`).join(', ')}` : '');
  const guardLine = `Words of baomoi-35k of 4–24 letters without diacritics that are not one syllable and occur in ≥ 5 articles: ${d.guard.length.toLocaleString('en-US')}; split by our planner: ${guardRead.length}${list(guardRead)}. Read as one other word (Telex/VNI decoding): ${guardDecoded.length}${list(guardDecoded)}.`;
  const wrongKeep = keepRead.filter((k) => k.got.includes(' '));
  const failures = [
    ...wrongKeep.map((k) => `- kept word split: ${k.w} → ${k.got}`),
    ...(labelledSplits ? splitWords.map((w, i) => ({ w, got: readAs(w, labelledInterp[i]) })).filter((x) => x.got !== d.labelled.split[x.w]).map((x) => `- labelled joined word: ${x.w} → ${x.got} (expected ${d.labelled.split[x.w]})`) : []),
  ];

  const head: string[][] = [
    [`Topics typed joined (\`giavang\`): P@10⁵`, ...engines.map((e) => cell(e, 'joined:joined', 'p10'))],
    [`… the same topics with spaces (\`gia vang\`): P@10⁵`, ...engines.map((e) => cell(e, 'joined:spaced', 'p10'))],
  ];
  const targets: TargetSpec[] = [];
  if (ours && ran.includes('ours')) {
    const loss = means('ours', 'joined:spaced').p10 - means('ours', 'joined:joined').p10;
    targets.push({
      id: 'joined-topical-p10', label: 'topics typed joined (`giavang`)', metric: 'P@10', threshold: null,
      ours: means('ours', 'joined:joined').p10,
      baselines: Object.fromEntries(baselines.filter((b) => ran.includes(b)).map((b) => [b, means(b, 'joined:joined').p10])),
    });
    targets.push({ id: 'joined-topical-loss', label: `topics typed joined: P@10 at most ${JOINED_P10_MAX_LOSS} below the same topics typed with spaces (${loss.toFixed(3)} below)`, metric: 'within', threshold: null, ours: loss <= JOINED_P10_MAX_LOSS, baselines: {} });
    targets.push({ id: 'joined-keep', label: 'labelled words to keep whole, kept whole', metric: 'share', threshold: 1, ours: keptWhole / Math.max(1, d.labelled.keep.length), baselines: {} });
  }
  const json = {
    queries: queries.length,
    groups: Object.fromEntries(['joined:spaced', 'joined:joined'].map((set) => [set.slice(7), Object.fromEntries(ran.map((e) => { const m = means(e, set); return [e, { p10: r4(m.p10), ndcg10: r4(m.ndcg10) }]; }))])),
    splits: { topical: topicalSplits, labelled: labelledSplits, keep: { words: d.labelled.keep.length, keptWhole, split: wrongKeep.map((k) => `${k.w} → ${k.got}`) } },
    guard: { words: d.guard.length, split: guardRead.map((g) => ({ word: g.word, df: g.df, readAs: g.got })), decoded: guardDecoded.map((g) => ({ word: g.word, df: g.df, readAs: g.got })) },
    labelledQueries: labelledQueries.length,
  };
  return { head, details: [table, '', splitTable, '', guardLine], json, targets, failures };
}
