/**
 * Cuts a lexicon's pairs and triples into pair parts (`src/index-format/pair-section.ts`) by the
 * folded form of each pair's first syllable: parts of about {@link PAIR_PART_BYTES}, each a range of
 * first syllables in byte order, so that the front Worker starts with the syllable dictionaries
 * alone and fetches, per query, the parts of the syllables typed.
 * @module
 */
import { foldDiacritics } from '../src/analyzer/fold.js';
import type { LexiconArrays, LexiconMeta } from '../src/index-format/lexicon.js';
import { MAX_PAIR_PARTS, MAX_PAIRS_PER_PART, noPairs, writePairPart, type PairArrays } from '../src/index-format/pair-section.js';
import { compareTermsByBytes } from '../src/index-format/term-dictionary.js';

/**
 * Target bytes of one pair part (a part closes once it reaches this; a syllable's pairs are never
 * split, so the pairs of the most frequent ones make bigger parts). A whole headline touches a
 * dozen parts; at 128 KiB that is ~1.5 MB where the lexicon with its pairs is ~22 MB.
 */
export const PAIR_PART_BYTES = 128 * 1024;

/** One built pair part and what the manifest lists of it. */
export interface BuiltPairPart {
  first: string;
  pairs: number;
  bytes: Uint8Array;
}

/**
 * The lexicon without its pairs and triples (header listing the parts), and the parts.
 * @param partBytes target bytes of a part
 */
export function splitPairParts(meta: LexiconMeta, a: LexiconArrays, partBytes = PAIR_PART_BYTES): { meta: LexiconMeta; arrays: LexiconArrays; parts: BuiltPairPart[] } {
  const decoder = new TextDecoder();
  const n = a.pairCount.length;
  const groupOf = new Int32Array(n).fill(-1);
  for (let g = 0; g < a.tripleGroupPair.length; g++) groupOf[a.tripleGroupPair[g]] = g;
  // Pair i's four-syllable windows are quadStart[i]..quadStart[i+1] (quadPair is ascending).
  const quadStart = new Uint32Array(n + 1);
  for (const p of a.quadPair) quadStart[p + 1]++;
  for (let i = 0; i < n; i++) quadStart[i + 1] += quadStart[i];
  // Pairs by the folded form of their first syllable, each list in dictionary (byte) order.
  const byFirst = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const text = decoder.decode(a.pairBytes.subarray(a.pairOffsets[i], a.pairOffsets[i + 1]));
    const first = foldDiacritics(text.slice(0, text.indexOf(' ')));
    const list = byFirst.get(first);
    if (list) list.push(i);
    else byFirst.set(first, [i]);
  }
  const cost = (i: number) => {
    const g = groupOf[i];
    return a.pairOffsets[i + 1] - a.pairOffsets[i] + 8 + (g < 0 ? 0 : 8 + 6 * (a.tripleGroupStart[g + 1] - a.tripleGroupStart[g])) + 8 * (quadStart[i + 1] - quadStart[i]);
  };
  const parts: BuiltPairPart[] = [];
  let first = '';
  let members: number[][] = [];
  let bytes = 0;
  const close = () => {
    if (members.length) parts.push(writePart(first, members.flat().sort((x, y) => x - y), a, groupOf, quadStart));
    members = [];
    bytes = 0;
  };
  for (const f of [...byFirst.keys()].sort(compareTermsByBytes)) {
    if (members.length === 0) first = f;
    const list = byFirst.get(f)!;
    members.push(list);
    for (const i of list) bytes += cost(i);
    if (bytes >= partBytes) close();
  }
  close();
  // What the Worker refuses to load (src/index-format/pair-section.ts); never reached at 128 KiB parts.
  const oversized = parts.find((p) => p.pairs > MAX_PAIRS_PER_PART);
  if (oversized || parts.length > MAX_PAIR_PARTS) {
    throw new Error(oversized ? `pair part starting at "${oversized.first}" holds ${oversized.pairs} pairs (at most ${MAX_PAIRS_PER_PART})` : `${parts.length} pair parts (at most ${MAX_PAIR_PARTS}): raise the part size`);
  }
  let pairDictionaryBytes = 0;
  for (let i = 0; i < n; i++) pairDictionaryBytes += a.pairOffsets[i + 1] - a.pairOffsets[i] + 8;
  return {
    meta: { ...meta, pairParts: parts.map((p) => p.first), pairTotal: n, tripleTotal: a.tripleThird.length, quadTotal: a.quadHash.length, pairDictionaryBytes },
    arrays: { ...a, ...noPairs() },
    parts,
  };
}

/** One part: the pairs `members` (ascending pair indexes of the lexicon) with their triples and four-syllable windows. */
function writePart(first: string, members: number[], a: LexiconArrays, groupOf: Int32Array, quadStart: Uint32Array): BuiltPairPart {
  const pairOffsets = new Uint32Array(members.length + 1);
  members.forEach((i, k) => { pairOffsets[k + 1] = pairOffsets[k] + a.pairOffsets[i + 1] - a.pairOffsets[i]; });
  const pairBytes = new Uint8Array(pairOffsets[members.length]);
  members.forEach((i, k) => pairBytes.set(a.pairBytes.subarray(a.pairOffsets[i], a.pairOffsets[i + 1]), pairOffsets[k]));
  const groupPair: number[] = [];
  const groupStart: number[] = [0];
  const third: number[] = [];
  const count: number[] = [];
  members.forEach((i, k) => {
    const g = groupOf[i];
    if (g < 0) return;
    groupPair.push(k);
    for (let t = a.tripleGroupStart[g]; t < a.tripleGroupStart[g + 1]; t++) { third.push(a.tripleThird[t]); count.push(a.tripleCount[t]); }
    groupStart.push(third.length);
  });
  const quadPair: number[] = [];
  const quadHash: number[] = [];
  members.forEach((i, k) => {
    for (let q = quadStart[i]; q < quadStart[i + 1]; q++) { quadPair.push(k); quadHash.push(a.quadHash[q]); }
  });
  const arrays: PairArrays = {
    pairBytes, pairOffsets, pairCount: Uint32Array.from(members, (i) => a.pairCount[i]),
    tripleGroupPair: Uint32Array.from(groupPair), tripleGroupStart: Uint32Array.from(groupStart),
    tripleThird: Uint32Array.from(third), tripleCount: Uint16Array.from(count),
    quadPair: Uint32Array.from(quadPair), quadHash: Uint32Array.from(quadHash),
  };
  return { first, pairs: members.length, bytes: writePairPart({ first, pairs: members.length, triples: third.length, quads: quadHash.length }, arrays) };
}
