/**
 * Child process of the scale benchmark's typo step: builds a million-syllable lexicon from the built
 * one (`typo-vocabulary.ts`), then times typo candidates for misspelled real words with the trie walk
 * the planner uses (`fuzzyCandidates`) and with the linear scan it replaced, checking that both give
 * the same candidates. Prints one `@@RESULT` line.
 * @module
 */
import { parseArgs } from 'node:util';
import { allowedEdits, fuzzyCandidates, fuzzyCandidatesByScan } from '../../src/engine/fuzzy.js';
import { Lexicon } from '../../src/index-format/lexicon.js';
import { readArrayBuffer } from '../../index-build/open-index.js';
import { summarizeLatency, type LatencySummary } from '../lib/latency-summary.js';
import { emitResult } from '../lib/node-child.js';
import { mulberry32 } from '../lib/prng.js';
import { millionSyllableLexicon } from './typo-vocabulary.js';

/** What the typo child reports. */
export interface TypoResult {
  syllables: number;
  /** Words long enough for typo tolerance with a document frequency that makes them candidates. */
  eligible: number;
  buildMs: number;
  words: number;
  walk: LatencySummary;
  /** CPU time of the walk per lookup (user + system: robust to other processes on the machine). */
  walkCpu: LatencySummary;
  scan: LatencySummary;
  /** Words whose walk and scan candidates differ: must be 0. */
  mismatches: number;
  /** The walk's wall time by the edits the typo allows (1: words of 5–7 bytes, 2: longer words): which words make the tail. */
  walkByEdits?: Record<string, LatencySummary>;
}

const { values } = parseArgs({ options: { lexicon: { type: 'string' }, words: { type: 'string', default: '500' }, size: { type: 'string', default: '1000000' } } });
const real = new Lexicon(await readArrayBuffer(values.lexicon!));
const t0 = performance.now();
const { lexicon, realWords } = millionSyllableLexicon(real, Number(values.size));
const buildMs = performance.now() - t0;

// Misspell real words long enough to get typo tolerance: one substitution, deletion, insertion or
// transposition each, at a random position.
const rand = mulberry32(4242);
const letters = 'abcdeghiklmnopqrstuvxy';
const long = realWords.filter((w) => /^[a-z]+$/.test(w) && allowedEdits(w) > 0);
const typos: string[] = [];
while (typos.length < Number(values.words)) {
  const w = long[Math.floor(rand() * long.length)];
  const i = Math.floor(rand() * w.length);
  const c = letters[Math.floor(rand() * letters.length)];
  const kind = Math.floor(rand() * 4);
  const t = kind === 0 ? w.slice(0, i) + c + w.slice(i + 1)
    : kind === 1 ? w.slice(0, i) + w.slice(i + 1)
      : kind === 2 ? w.slice(0, i) + c + w.slice(i)
        : i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + c;
  if (t !== w) typos.push(t);
}
for (const t of typos.slice(0, 20)) fuzzyCandidates(lexicon, t, 5); // warm-up (prefix tables built once)
// The generated lexicon's garbage (millions of strings) is collected before timing, not during it.
(globalThis as { gc?: () => void }).gc?.();
const walk: number[] = [];
const walkCpu: number[] = [];
const scan: number[] = [];
let mismatches = 0;
const byEdits = new Map<number, number[]>();
for (const t of typos) {
  const cpu = process.cpuUsage();
  const a = performance.now();
  const got = fuzzyCandidates(lexicon, t, 5);
  const b = performance.now();
  const used = process.cpuUsage(cpu);
  walkCpu.push((used.user + used.system) / 1000);
  const want = fuzzyCandidatesByScan(lexicon, t, 5);
  const c = performance.now();
  walk.push(b - a);
  scan.push(c - b);
  const edits = allowedEdits(t);
  if (!byEdits.has(edits)) byEdits.set(edits, []);
  byEdits.get(edits)!.push(b - a);
  if (JSON.stringify(got) !== JSON.stringify(want)) mismatches++;
}
emitResult({ syllables: lexicon.folded.size, eligible: lexicon.typoReversed.index.length, buildMs, words: typos.length, walk: summarizeLatency(walk), walkCpu: summarizeLatency(walkCpu), scan: summarizeLatency(scan), mismatches, walkByEdits: Object.fromEntries([...byEdits].sort((x, y) => x[0] - y[0]).map(([k, v]) => [String(k), summarizeLatency(v)])) } satisfies TypoResult);
