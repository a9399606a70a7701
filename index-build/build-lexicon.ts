/**
 * Builds the collection-wide lexicon artifact from the statistics gathered in pass 1.
 * @module
 */
import { foldDiacritics } from '../src/analyzer/fold.js';
import { encodeTermDictionary } from '../src/index-format/term-dictionary.js';
import { reversedTypoDictionary, writeLexicon, type LexiconArrays, type LexiconMeta } from '../src/index-format/lexicon.js';
import type { TermCollector } from '../src/index-format/term-collector.js';
import { sortTermsByBytes } from '../src/index-format/sort-terms.js';
import { isFoldedKey } from '../src/index-format/term-keys.js';
import { QUAD_BUDGET_BYTES, chooseQuads } from './build-quads.js';
import { MIN_TRIPLE_COUNT, TRIPLE_BUDGET_BYTES, chooseTriples, type TripleContext } from './build-triples.js';
import { PairTable } from '../src/index-format/pair-table.js';

/** Exact pairs seen fewer times than this are not kept (they carry little restoration evidence). */
export const MIN_PAIR_COUNT = 2;

/**
 * Byte budget of the kept exact pairs (text + offset + count per pair), 83% of the lexicon at 35k
 * articles. The front Worker loads the lexicon as one static asset (25 MiB per file) into a 128 MB
 * isolate; past this budget (~90k news articles) the build keeps only pairs seen more often, so the
 * lexicon stops growing with the collection instead of breaking the deploy.
 */
export const PAIR_BUDGET_BYTES = 16 * 1024 * 1024;

/**
 * Byte budget of the whole lexicon, under the 25 MiB static-asset limit with room for the container
 * header. The folded and exact dictionaries keep growing with the vocabulary (~2.6 MB at 35k
 * articles, ~17 MB extrapolated at 1M); the pairs get what they leave, up to {@link PAIR_BUDGET_BYTES}.
 */
export const LEXICON_BUDGET_BYTES = 22 * 1024 * 1024;

/** The pairs' share of the budgets, given the bytes of the rest of the lexicon. */
export function pairBudgetFor(restBytes: number, pairBudget = PAIR_BUDGET_BYTES, lexiconBudget = LEXICON_BUDGET_BYTES): number {
  return Math.max(0, Math.min(pairBudget, lexiconBudget - restBytes));
}

/** Bytes one kept pair costs in the lexicon: its UTF-8 text, a u32 offset and a u32 count. */
const pairCost = (pair: string) => Buffer.byteLength(pair) + 8;

/**
 * The smallest minimum count (≥ {@link MIN_PAIR_COUNT}) whose kept pairs fit the budget.
 * @param pairs every exact pair with its occurrences (at least `MIN_PAIR_COUNT`)
 * @param budgetBytes see {@link PAIR_BUDGET_BYTES}
 */
export function choosePairMinimum(pairs: ReadonlyArray<readonly [string, number]>, budgetBytes: number): number {
  // Bytes by occurrence count, then accumulate from the most frequent pairs down.
  const bytesByCount = new Map<number, number>();
  for (const [p, n] of pairs) bytesByCount.set(n, (bytesByCount.get(n) ?? 0) + pairCost(p));
  const counts = [...bytesByCount.keys()].sort((a, b) => b - a);
  let total = 0;
  let previous = Infinity;
  for (const n of counts) {
    if (total + bytesByCount.get(n)! > budgetBytes) return Math.max(MIN_PAIR_COUNT, previous === Infinity ? n + 1 : previous);
    total += bytesByCount.get(n)!;
    previous = n;
  }
  return MIN_PAIR_COUNT; // everything fits
}

/** What {@link buildLexicon} kept. */
export interface LexiconStats {
  /** Pairs seen at least this often were kept. */
  minPairCount: number;
  keptPairs: number;
  /** Pairs seen at least `MIN_PAIR_COUNT` times that the budget dropped. */
  droppedPairs: number;
  /** Triples kept were seen at least this often. */
  minTripleCount: number;
  keptTriples: number;
  /** Informative triples the budget dropped. */
  droppedTriples: number;
  /** Kept four-syllable windows were seen at least this often (0: none kept). */
  minQuadCount: number;
  keptQuads: number;
}

/** Options of {@link buildLexicon}. */
export interface LexiconOptions {
  /** Budget of the kept pairs (default {@link PAIR_BUDGET_BYTES}, less when the rest leaves less room). */
  pairBudgetBytes?: number;
  /** Budget of the kept triples (default `TRIPLE_BUDGET_BYTES`, less when the rest leaves less room). */
  tripleBudgetBytes?: number;
  /** Budget of the kept four-syllable windows (default `QUAD_BUDGET_BYTES`). */
  quadBudgetBytes?: number;
  /** Budget of the whole lexicon (default {@link LEXICON_BUDGET_BYTES}). */
  lexiconBudgetBytes?: number;
  /**
   * Folded syllables seen in fewer documents than this are left to the lexicon's tail
   * (`lexicon-split.ts`; default 1: every syllable is in the lexicon).
   */
  minHotDf?: number;
  /** Occurrences of the tail's syllables (the lexicon's `tailCount`). */
  tailCount?: number;
  /** Receives what was kept. */
  stats?: (s: LexiconStats) => void;
}

function sortedStrings(values: string[]): string[] {
  return Array.from(sortTermsByBytes(values), (i) => values[i]);
}

/**
 * The lexicon's exact syllables and kept pairs by syllable id, for {@link chooseTriples}.
 * @param syllables the collector's exact syllables with their occurrences, by id (`exactCounts`)
 * @param exact the lexicon's exact dictionary, in order
 * @param pairIndex each kept pair's index in the lexicon's pair dictionary
 * @param minPairCount pairs seen at least this often are kept
 */
function tripleContext(c: TermCollector, syllables: ReadonlyArray<readonly [string, number]>, exact: readonly string[], pairIndex: ReadonlyMap<string, number>, minPairCount: number): TripleContext {
  const classOf = new Map<string, number>();
  const foldedClass = Uint32Array.from(syllables, ([s]) => {
    const f = foldDiacritics(s);
    let k = classOf.get(f);
    if (k === undefined) classOf.set(f, (k = classOf.size));
    return k;
  });
  const exactAt = new Map(exact.map((e, i) => [e, i]));
  const exactIndex = Int32Array.from(syllables, ([s]) => exactAt.get(s) ?? -1);
  // Kept pairs by ids (payload: dictionary index), and per folded pair its top reading's count.
  const kept = c.pairColumns(minPairCount);
  const keptPairs = new PairTable(kept.count.length + 1);
  const top = new PairTable(kept.count.length + 1);
  for (let i = 0; i < kept.count.length; i++) {
    const a = kept.first[i];
    const b = kept.second[i];
    const n = kept.count[i];
    keptPairs.setPayload(keptPairs.add(a, b, n), pairIndex.get(syllables[a][0] + ' ' + syllables[b][0])!);
    const t = top.add(foldedClass[a], foldedClass[b], 0);
    if (n > top.payloadOf(t)) top.setPayload(t, n);
  }
  return {
    foldedClass, exactIndex,
    pairIndex: (a, b) => { const p = keptPairs.find(a, b); return p < 0 ? -1 : keptPairs.payloadOf(p); },
    pairCount: (a, b) => { const p = keptPairs.find(a, b); return p < 0 ? 0 : keptPairs.countOf(p); },
    topPairCount: (fa, fb) => { const t = top.find(fa, fb); return t < 0 ? 0 : top.payloadOf(t); },
  };
}

/** Serializes the lexicon of a collection, its pairs and triples inline (see {@link buildLexiconArrays}). */
export function buildLexicon(c: TermCollector, options: LexiconOptions = {}): Uint8Array {
  const { meta, arrays } = buildLexiconArrays(c, options);
  return writeLexicon(meta, arrays);
}

/** The lexicon of a collection: its header and arrays, pairs and triples inline. */
export function buildLexiconArrays(c: TermCollector, options: LexiconOptions = {}): { meta: LexiconMeta; arrays: LexiconArrays } {
  const minHotDf = options.minHotDf ?? 1;
  const hot = (folded: string) => { const id = c.ids.get(folded); return id === undefined || c.df[id] >= minHotDf; };
  const folded = sortedStrings(c.keys.filter((k) => isFoldedKey(k) && hot(k)));
  const foldedDict = encodeTermDictionary(folded);
  const foldedDf = Uint32Array.from(folded, (k) => c.df[c.ids.get(k)!]);

  const syllables = c.exactCounts();
  const exactCounts = new Map(minHotDf > 1 ? syllables.filter(([e]) => hot(foldDiacritics(e))) : syllables);
  const exact = sortedStrings([...exactCounts.keys()]);
  const exactDict = encodeTermDictionary(exact);
  const exactCount = Uint32Array.from(exact, (e) => exactCounts.get(e)!);

  // Group exact readings by folded form, most frequent first.
  const foldedIndex = new Map(folded.map((f, i) => [f, i]));
  const groups: number[][] = folded.map(() => []);
  exact.forEach((e, i) => {
    const f = foldedIndex.get(foldDiacritics(e));
    if (f !== undefined) groups[f].push(i);
  });
  const groupStarts = new Uint32Array(folded.length + 1);
  const members: number[] = [];
  groups.forEach((g, f) => {
    groupStarts[f] = members.length;
    g.sort((a, b) => exactCount[b] - exactCount[a] || a - b);
    members.push(...g);
  });
  groupStarts[folded.length] = members.length;

  const seenPairs = c.pairCounts(MIN_PAIR_COUNT);
  const restBytes = foldedDict.bytes.length + 8 * folded.length + exactDict.bytes.length + 8 * exact.length + 4 * (folded.length + 1 + members.length);
  const minPairCount = choosePairMinimum(seenPairs, pairBudgetFor(restBytes, options.pairBudgetBytes ?? PAIR_BUDGET_BYTES));
  const pairCounts = new Map(seenPairs.filter(([, n]) => n >= minPairCount));
  const pairs = sortedStrings([...pairCounts.keys()]);
  const pairDict = encodeTermDictionary(pairs);
  const pairCount = Uint32Array.from(pairs, (p) => pairCounts.get(p)!);

  // Triples: within their own budget and what the lexicon budget leaves after the pairs.
  const pairIndex = new Map(pairs.map((p, i) => [p, i]));
  const pairBytes = pairDict.bytes.length + 4 * (pairs.length + 1) + 4 * pairs.length;
  const tripleBudget = Math.max(0, Math.min(options.tripleBudgetBytes ?? TRIPLE_BUDGET_BYTES, (options.lexiconBudgetBytes ?? LEXICON_BUDGET_BYTES) - restBytes - pairBytes));
  const triples = chooseTriples(c.tripleColumns(MIN_TRIPLE_COUNT), tripleContext(c, syllables, exact, pairIndex, minPairCount), tripleBudget);
  const quads = chooseQuads(c, (p) => pairIndex.get(p) ?? -1, options.quadBudgetBytes ?? QUAD_BUDGET_BYTES);
  options.stats?.({ minPairCount, keptPairs: pairs.length, droppedPairs: seenPairs.length - pairs.length, minTripleCount: triples.minTripleCount, keptTriples: triples.tripleThird.length, droppedTriples: triples.dropped, minQuadCount: quads.minQuadCount, keptQuads: quads.quadHash.length });

  return { meta: { documentCount: c.documentCount, minBigramCount: minPairCount, minTrigramCount: triples.minTripleCount, minQuadCount: quads.minQuadCount, ...(minHotDf > 1 ? { minHotDf, tailCount: options.tailCount ?? 0 } : {}) }, arrays: {
    foldedBytes: foldedDict.bytes, foldedOffsets: foldedDict.offsets, foldedDf,
    exactBytes: exactDict.bytes, exactOffsets: exactDict.offsets, exactCount,
    groupStarts, groupMembers: Uint32Array.from(members),
    pairBytes: pairDict.bytes, pairOffsets: pairDict.offsets, pairCount,
    tripleGroupPair: triples.tripleGroupPair, tripleGroupStart: triples.tripleGroupStart, tripleThird: triples.tripleThird, tripleCount: triples.tripleCount,
    quadPair: quads.quadPair, quadHash: quads.quadHash,
    ...reversedTypoDictionary(foldedDict.bytes, foldedDict.offsets, foldedDf),
  } };
}
