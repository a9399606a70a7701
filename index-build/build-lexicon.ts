/**
 * Builds the collection-wide lexicon artifact from the statistics gathered in pass 1.
 * @module
 */
import { foldDiacritics } from '../src/analyzer/fold.js';
import { encodeTermDictionary } from '../src/index-format/term-dictionary.js';
import { writeLexicon } from '../src/index-format/lexicon.js';
import type { TermCollector } from './collect-terms.js';
import { sortTermsByBytes } from './sort-terms.js';

/** Exact pairs seen fewer times than this are not kept (they carry little restoration evidence). */
export const MIN_PAIR_COUNT = 2;

function sortedStrings(values: string[]): string[] {
  return Array.from(sortTermsByBytes(values), (i) => values[i]);
}

/** Serializes the lexicon of a collection. */
export function buildLexicon(c: TermCollector): Uint8Array {
  const folded = sortedStrings(c.keys.filter((k) => !k.includes(' ') && !k.startsWith('=')));
  const foldedDict = encodeTermDictionary(folded);
  const foldedDf = Uint32Array.from(folded, (k) => c.df[c.ids.get(k)!]);

  const exactCounts = new Map(c.exactCounts());
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

  const pairCounts = new Map(c.pairCounts(MIN_PAIR_COUNT));
  const pairs = sortedStrings([...pairCounts.keys()]);
  const pairDict = encodeTermDictionary(pairs);
  const pairCount = Uint32Array.from(pairs, (p) => pairCounts.get(p)!);

  return writeLexicon({ documentCount: c.documentCount, minBigramCount: MIN_PAIR_COUNT }, {
    foldedBytes: foldedDict.bytes, foldedOffsets: foldedDict.offsets, foldedDf,
    exactBytes: exactDict.bytes, exactOffsets: exactDict.offsets, exactCount,
    groupStarts, groupMembers: Uint32Array.from(members),
    pairBytes: pairDict.bytes, pairOffsets: pairDict.offsets, pairCount,
  });
}
