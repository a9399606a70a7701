/**
 * Splits a large archive's vocabulary between the front Worker's lexicon and the lexicon's tail
 * (`src/index-format/lexicon-tail.ts`): the lexicon keeps the syllables seen in at least `minHotDf`
 * documents, the tail the rest, in parts of about `TAIL_PART_BYTES` fetched only by queries that use
 * them. `minHotDf` is the smallest minimum (from 1: no tail) whose dictionaries fit
 * {@link HOT_DICTIONARY_BUDGET_BYTES}, so the restoration pairs and triples keep their budget however
 * large the vocabulary grows.
 * @module
 */
import { foldDiacritics } from '../src/analyzer/fold.js';
import { tailSyllableBytes, TAIL_PART_BYTES, writeLexiconTailPart, type TailSyllable } from '../src/index-format/lexicon-tail.js';
import { sortTermsByBytes } from '../src/index-format/sort-terms.js';
import { compareTermsByBytes } from '../src/index-format/term-dictionary.js';
import { isFoldedKey } from '../src/index-format/term-keys.js';

/**
 * Bytes the lexicon's syllable dictionaries (folded and exact, with their counts, groups and the typo
 * dictionary) may take: ~3 MB at 35,000 news articles (no tail), leaving the rest of the 22 MiB
 * lexicon budget to pairs and triples.
 */
export const HOT_DICTIONARY_BUDGET_BYTES = 6 * 1024 * 1024;

/** Bytes a syllable costs in the lexicon's dictionaries: see `buildLexicon`'s accounting. */
const utf8 = (s: string) => Buffer.byteLength(s);

/** The vocabulary statistics the split needs (a `TermCollector`). */
export interface VocabularyStats {
  keys: readonly string[];
  ids: ReadonlyMap<string, number>;
  df: ArrayLike<number>;
  exactCounts(): Array<[string, number]>;
}

/**
 * The smallest document frequency from which the folded syllables (and their readings) fit
 * `budgetBytes` in the lexicon; 1 when all of them fit (no tail).
 */
export function chooseMinHotDf(c: VocabularyStats, budgetBytes = HOT_DICTIONARY_BUDGET_BYTES): number {
  const costByDf = new Map<number, number>();
  const add = (df: number, bytes: number) => costByDf.set(df, (costByDf.get(df) ?? 0) + bytes);
  c.keys.forEach((k, id) => {
    if (!isFoldedKey(k)) return;
    const df = c.df[id];
    add(df, utf8(k) + 12 + (df >= 2 ? utf8(k) + 8 : 0)); // text, offset, df, group start; typo dictionary
  });
  for (const [e] of c.exactCounts()) {
    const id = c.ids.get(foldDiacritics(e));
    if (id !== undefined) add(c.df[id], utf8(e) + 12); // text, offset, count, group member
  }
  let total = 0;
  for (const df of [...costByDf.keys()].sort((a, b) => b - a)) {
    if (total + costByDf.get(df)! > budgetBytes) return df + 1;
    total += costByDf.get(df)!;
  }
  return 1;
}

/** One built tail part and what the manifest lists of it. */
export interface BuiltTailPart {
  first: string;
  syllables: number;
  bytes: Uint8Array;
}

/**
 * The tail's parts: every folded syllable seen in fewer than `minHotDf` documents with its readings
 * and shards, in byte order, cut into parts of about `TAIL_PART_BYTES`.
 * @param tailShards term id of each tail syllable → the shards holding it, ascending
 * @returns the parts and the occurrences of their syllables (the lexicon's `tailCount`)
 */
export function buildTailParts(c: VocabularyStats, minHotDf: number, tailShards: ReadonlyMap<number, readonly number[]>, partBytes = TAIL_PART_BYTES): { parts: BuiltTailPart[]; occurrences: number } {
  if (minHotDf <= 1) return { parts: [], occurrences: 0 };
  const readings = new Map<string, Array<{ exact: string; count: number }>>();
  let occurrences = 0;
  for (const [exact, count] of c.exactCounts()) {
    const folded = foldDiacritics(exact);
    const id = c.ids.get(folded);
    if (id === undefined || c.df[id] >= minHotDf) continue;
    occurrences += count;
    const list = readings.get(folded);
    if (list) list.push({ exact, count });
    else readings.set(folded, [{ exact, count }]);
  }
  const tail = c.keys.filter((k, id) => isFoldedKey(k) && c.df[id] < minHotDf);
  const ordered = Array.from(sortTermsByBytes(tail), (i) => tail[i]);
  const parts: BuiltTailPart[] = [];
  let current: TailSyllable[] = [];
  let bytes = 0;
  const close = () => {
    if (current.length) parts.push({ first: current[0].folded, syllables: current.length, bytes: writeLexiconTailPart(current) });
    current = [];
    bytes = 0;
  };
  for (const folded of ordered) {
    const id = c.ids.get(folded)!;
    const r = (readings.get(folded) ?? []).sort((a, b) => b.count - a.count || compareTermsByBytes(a.exact, b.exact));
    const s: TailSyllable = { folded, df: c.df[id], readings: r, shards: Uint16Array.from(tailShards.get(id) ?? []) };
    current.push(s);
    bytes += tailSyllableBytes(s);
    if (bytes >= partBytes) close();
  }
  close();
  return { parts, occurrences };
}
