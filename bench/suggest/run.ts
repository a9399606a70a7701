/**
 * `npm run bench:suggest`: the cost of title suggestions as the user types, over the baomoi-35k titles
 * cut into shard-sized title indexes as the build cuts them (MiniSearch, `TITLE_INDEX_OPTIONS`): every
 * shard's index searched for each keystroke-like input, as `/suggest` asks every shard. Compares, in
 * the same run and process, `searchTitles` (src/suggest/title-search.ts: after other words, a last
 * word of one or two letters filters the other words' titles instead of being expanded as a prefix) with the plain MiniSearch
 * search it replaced (`TITLE_SEARCH_OPTIONS` alone), and checks that both find the same titles.
 * Prints a table and writes `bench/results/suggest.{md,json}`; always exits 0 (a report). Skips
 * cleanly without ../shared/corpora/baomoi-35k.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { corpusExists, loadBaomoi, sharedCorpusPath } from '../lib/baomoi.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { TITLE_INDEX_OPTIONS, TITLE_SEARCH_OPTIONS, type TitleEntry } from '../../src/suggest/title-index-options.js';
import { MIN_TITLE_PREFIX, searchTitles } from '../../src/suggest/title-search.js';
import { tokenize } from '../../src/analyzer/tokenize.js';
import { normalizeText } from '../../src/analyzer/normalize.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const corpusDir = sharedCorpusPath(ROOT, 'baomoi-35k');
if (!corpusExists(corpusDir)) {
  console.log(`bench:suggest skipped: no corpus at ${corpusDir} (the shared baomoi-35k corpus is needed).`);
  process.exit(0);
}

const articles = loadBaomoi(corpusDir);
const titles = articles.map((a) => a.title);

/**
 * Keystroke-like inputs from every 100th title: its first one to three words, the last cut to one
 * letter, to two, and to all but its last two characters (what is typed on the way to the word).
 */
function typedInputs(): string[] {
  const out = new Set<string>();
  for (let i = 0; i < titles.length; i += 100) {
    const words = titles[i].split(/\s+/).filter(Boolean);
    for (let n = 1; n <= Math.min(3, words.length); n++) {
      const head = words.slice(0, n - 1).join(' ');
      const w = words[n - 1];
      for (const cut of [1, 2, Math.max(1, w.length - 2)]) out.add(`${head ? head + ' ' : ''}${w.slice(0, cut)}`);
    }
  }
  return [...out];
}

/** Title indexes of `shards` consecutive slices (the build cuts shards in corpus order when undated). */
function shardIndexes(shards: number): MiniSearch<TitleEntry>[] {
  const per = Math.ceil(titles.length / shards);
  return Array.from({ length: shards }, (_, s) => {
    const m = new MiniSearch<TitleEntry>(TITLE_INDEX_OPTIONS);
    m.addAll(titles.slice(s * per, (s + 1) * per).map((title, doc) => ({ doc, title })));
    return m;
  });
}

const lastWordLength = (q: string) => {
  const words = tokenize(normalizeText(q));
  return words.length ? words[words.length - 1].folded.length : 0;
};

interface Row {
  layout: string;
  inputs: number;
  shortLast: number;
  plain: LatencySummary;
  searchTitles: LatencySummary;
  plainShortLast: LatencySummary;
  searchTitlesShortLast: LatencySummary;
  /** Inputs with a short last word after other words whose titles are the same set both ways, of those compared. */
  sameTitles: number;
  compared: number;
}

const inputs = typedInputs();
const rows: Row[] = [];
for (const shards of [10, 2]) {
  const indexes = shardIndexes(shards);
  const time = (fn: (m: MiniSearch<TitleEntry>, q: string) => unknown[], q: string) => {
    const t = performance.now();
    for (const m of indexes) fn(m, q);
    return performance.now() - t;
  };
  const plainSearch = (m: MiniSearch<TitleEntry>, q: string) => m.search(q, TITLE_SEARCH_OPTIONS);
  // Warm both paths (JIT; searchTitles' per-title initials fill as titles are first filtered), then alternate which goes first.
  for (const q of inputs.slice(0, 300)) { time(plainSearch, q); time(searchTitles, q); }
  const plain: number[] = [];
  const fast: number[] = [];
  const plain1: number[] = [];
  const fast1: number[] = [];
  let same = 0;
  let compared = 0;
  inputs.forEach((q, i) => {
    const [a, b] = i % 2 ? [time(plainSearch, q), time(searchTitles, q)] : ([time(searchTitles, q), time(plainSearch, q)].reverse() as [number, number]);
    plain.push(a);
    fast.push(b);
    const shortLast = lastWordLength(q) < MIN_TITLE_PREFIX;
    if (shortLast) { plain1.push(a); fast1.push(b); }
    if (shortLast && q.trim().split(/\s+/).length > 1) {
      compared++;
      const ids = (rs: unknown[]) => (rs as Array<{ id: number }>).map((r) => r.id).sort((x, y) => x - y).join(',');
      if (indexes.every((m) => ids(plainSearch(m, q)) === ids(searchTitles(m, q)))) same++;
    }
  });
  rows.push({
    layout: `${shards} shards of ~${Math.ceil(titles.length / shards).toLocaleString('en-US')} titles`,
    inputs: inputs.length, shortLast: plain1.length,
    plain: summarizeLatency(plain), searchTitles: summarizeLatency(fast),
    plainShortLast: summarizeLatency(plain1), searchTitlesShortLast: summarizeLatency(fast1),
    sameTitles: same, compared,
  });
}

const f = (s: LatencySummary) => `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)}`;
const lines = [
  `# bench:suggest — title suggestions as the user types (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${titles.length.toLocaleString('en-US')} baomoi-35k titles; ${inputs.length} keystroke-like inputs from every 100th title (first 1–3 words, the last cut to 1, 2 and all but 2 characters). Each input searches every shard's title index one after another in one process (the CPU /suggest spends across its shard calls); ms per input, p50 / p95 / p99. "before": MiniSearch with TITLE_SEARCH_OPTIONS (the last word a prefix); "searchTitles": after other words, a last word of one or two letters filters the other words' titles instead (a lone letter finds none).`,
  '',
  '| layout | all inputs: before | all inputs: searchTitles | last word of 1–2 letters (n): before | searchTitles | same titles (short last word after other words) | target: p99 not worse, same titles |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const ok = r.searchTitles.p99 <= r.plain.p99 && r.sameTitles === r.compared;
    return `| ${r.layout} | ${f(r.plain)} | ${f(r.searchTitles)} | (${r.shortLast}) ${f(r.plainShortLast)} | ${f(r.searchTitlesShortLast)} | ${r.sameTitles}/${r.compared} | ${ok ? 'PASS' : 'FAIL'} |`;
  }),
  '',
];
console.log(lines.join('\n'));
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/suggest.md'), lines.join('\n'));
writeFileSync(path.join(ROOT, 'bench/results/suggest.json'), JSON.stringify({ date: new Date().toISOString(), titles: titles.length, inputs: inputs.length, rows }, null, 2) + '\n');
