/**
 * A million-syllable vocabulary for the typo benchmark: the real folded syllables of a built lexicon
 * plus new words drawn from a character model trained on them (names, foreign words and typos keep
 * adding such words as an archive grows), with document frequencies drawn from a Zipf law so that
 * about half are seen in one document only (as in the real lexicon). Deterministic.
 * @module
 */
import { mulberry32 } from '../lib/prng.js';
import { noPairs } from '../../src/index-format/pair-section.js';
import { Lexicon, reversedTypoDictionary, writeLexicon } from '../../src/index-format/lexicon.js';
import { compareTermsByBytes, encodeTermDictionary } from '../../src/index-format/term-dictionary.js';
import { WordModel } from './synth/rare-words.js';

/** A lexicon of `size` folded syllables (no exact readings, no pairs: only what typo lookup reads). */
export function millionSyllableLexicon(real: Lexicon, size = 1_000_000, seed = 1_000_000): { lexicon: Lexicon; realWords: string[]; eligible: number } {
  const realWords: string[] = [];
  for (let i = 0; i < real.folded.size; i++) realWords.push(real.folded.termAt(i));
  const words = new Map<string, number>(realWords.map((w, i) => [w, real.dfAt(i)]));
  const model = new WordModel(realWords.filter((w) => /^[a-z]+$/.test(w)));
  const rand = mulberry32(seed);
  while (words.size < size) {
    const w = model.draw(rand, 3 + Math.floor(rand() * 8));
    if (words.has(w)) continue;
    // Zipf-like: P(df ≥ k) ≈ 1/k, so about half of the new words are seen once.
    words.set(w, Math.max(1, Math.floor(1 / Math.max(1e-6, rand()))));
  }
  const sorted = [...words].sort((a, b) => compareTermsByBytes(a[0], b[0]));
  const folded = encodeTermDictionary(sorted.map(([w]) => w));
  const df = Uint32Array.from(sorted, ([, n]) => n);
  const empty = encodeTermDictionary([]);
  const orders = reversedTypoDictionary(folded.bytes, folded.offsets, df);
  const bytes = writeLexicon({ documentCount: size, minBigramCount: 2, minTrigramCount: 2 }, {
    foldedBytes: folded.bytes, foldedOffsets: folded.offsets, foldedDf: df,
    exactBytes: empty.bytes, exactOffsets: empty.offsets, exactCount: new Uint32Array(0),
    groupStarts: new Uint32Array(sorted.length + 1), groupMembers: new Uint32Array(0),
    ...noPairs(),
    ...orders,
  });
  return { lexicon: new Lexicon(bytes.slice().buffer), realWords, eligible: orders.typoReversedIndex.length };
}
