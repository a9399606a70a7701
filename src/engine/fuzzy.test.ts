import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/lib/prng.js';
import { allowedEdits, boundedEditDistance, fuzzyCandidates, fuzzyCandidatesByScan } from './fuzzy.js';
import { noPairs } from '../index-format/pair-section.js';
import { Lexicon, reversedTypoDictionary, writeLexicon } from '../index-format/lexicon.js';
import { compareTermsByBytes, encodeTermDictionary } from '../index-format/term-dictionary.js';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(boundedEditDistance('ronaldo', 'ronaldo', 2)).toBe(0);
    expect(boundedEditDistance('ronaldoo', 'ronaldo', 2)).toBe(1);
    expect(boundedEditDistance('vietlot', 'vietlott', 2)).toBe(1);
    expect(boundedEditDistance('vietlott', 'veitlott', 2)).toBe(1);
    expect(boundedEditDistance('thanh', 'thang', 2)).toBe(1);
    expect(boundedEditDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });
  it('stops early beyond the bound', () => {
    expect(boundedEditDistance('a'.repeat(60), 'b'.repeat(60), 1)).toBe(2);
    expect(boundedEditDistance('x'.repeat(100), 'y'.repeat(100), 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('never allows typos on short syllables', () => {
    expect(allowedEdits('dang')).toBe(0);
    expect(allowedEdits('nghieng')).toBe(1);
    expect(allowedEdits('vinamilk')).toBe(2);
  });
});


/** A lexicon holding only folded words with document frequencies. */
function foldedLexicon(entries: ReadonlyArray<readonly [string, number]>): Lexicon {
  const sorted = [...new Map(entries)].sort((a, b) => compareTermsByBytes(a[0], b[0]));
  const folded = encodeTermDictionary(sorted.map(([t]) => t));
  const df = Uint32Array.from(sorted, ([, n]) => n);
  const empty = encodeTermDictionary([]);
  const bytes = writeLexicon({ documentCount: 100, minBigramCount: 2, minTrigramCount: 2 }, {
    foldedBytes: folded.bytes, foldedOffsets: folded.offsets, foldedDf: df,
    exactBytes: empty.bytes, exactOffsets: empty.offsets, exactCount: new Uint32Array(0),
    groupStarts: new Uint32Array(sorted.length + 1), groupMembers: new Uint32Array(0),
    ...noPairs(),
    ...reversedTypoDictionary(folded.bytes, folded.offsets, df),
  });
  return new Lexicon(bytes.slice().buffer);
}

/** A seeded PRNG (the benchmarks' mulberry32: reproducible vocabularies and typos). */
const rng = mulberry32;

describe('fuzzyCandidates (index walk)', () => {
  it('finds corrections by substitution, insertion, deletion and transposition', () => {
    const lex = foldedLexicon([['vietlott', 9], ['nghieng', 5], ['nguoi', 50], ['truong', 20], ['vinamilk', 3], ['vinamik', 1]]);
    expect(fuzzyCandidates(lex, 'vietlot', 4).map((c) => c.term)).toEqual(['vietlott']);
    expect(fuzzyCandidates(lex, 'ngheing', 4).map((c) => c.term)).toEqual(['nghieng']);
    expect(fuzzyCandidates(lex, 'vinamlik', 4)).toEqual([{ term: 'vinamilk', distance: 1, df: 3 }]); // vinamik: df 1, left out
    expect(fuzzyCandidates(lex, 'truongg', 4).map((c) => c.term)).toEqual(['truong']);
  });

  it('gives exactly the linear scan\'s answer on random vocabularies and typos', () => {
    const rand = rng(42);
    const letters = 'aabcdeghiklmnnoprsttuuvxy';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    for (let round = 0; round < 6; round++) {
      const vocab: Array<[string, number]> = [];
      for (let i = 0; i < 3000; i++) vocab.push([word(2 + Math.floor(rand() * 9)), 1 + Math.floor(rand() * 4)]);
      const lex = foldedLexicon(vocab);
      for (let q = 0; q < 150; q++) {
        let w = vocab[Math.floor(rand() * vocab.length)][0];
        if (w.length < 5) w += word(5 - w.length + Math.floor(rand() * 4));
        const edits = Math.floor(rand() * 3);
        for (let e = 0; e < edits; e++) {
          const i = Math.floor(rand() * w.length);
          const op = Math.floor(rand() * 4);
          if (op === 0) w = w.slice(0, i) + word(1) + w.slice(i + 1);
          else if (op === 1) w = w.slice(0, i) + word(1) + w.slice(i);
          else if (op === 2 && w.length > 5) w = w.slice(0, i) + w.slice(i + 1);
          else if (i + 1 < w.length) w = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        }
        expect(fuzzyCandidates(lex, w, 50), w).toEqual(fuzzyCandidatesByScan(lex, w, 50));
      }
    }
  });

  it('gives the scan\'s answer on dense vocabularies (few letters: many near words, ties and boundary edits)', () => {
    const rand = rng(7);
    for (const letters of ['ab', 'abcab', 'aeinst']) {
      const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
      const vocab: Array<[string, number]> = [];
      for (let i = 0; i < 1500; i++) vocab.push([word(3 + Math.floor(rand() * 10)), 1 + Math.floor(rand() * 3)]);
      const lex = foldedLexicon(vocab);
      for (let q = 0; q < 80; q++) {
        const w = word(5 + Math.floor(rand() * 8));
        expect(fuzzyCandidates(lex, w, 1000), w).toEqual(fuzzyCandidatesByScan(lex, w, 1000));
      }
    }
  });

  it('finds every kind of edit at every position, one edit for short words and two for long ones', () => {
    const words = ['nghieng', 'truong', 'vietlott', 'vinamilk', 'aaaaaa', 'zzzzzzzz', 'chinhphu'];
    const lex = foldedLexicon([...words.map((w) => [w, 5] as [string, number]), ['abcde', 2], ['yzzzzzzz', 3]]);
    const variants = (w: string) => {
      const out = new Set<string>();
      for (let i = 0; i <= w.length; i++) {
        for (const c of 'akz') {
          out.add(w.slice(0, i) + c + w.slice(i)); // insertion
          if (i < w.length) out.add(w.slice(0, i) + c + w.slice(i + 1)); // substitution
        }
        if (i < w.length) out.add(w.slice(0, i) + w.slice(i + 1)); // deletion
        if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)); // transposition
      }
      return [...out];
    };
    for (const w of words) {
      for (const typo of variants(w)) {
        const got = fuzzyCandidates(lex, typo, 50);
        expect(got, typo).toEqual(fuzzyCandidatesByScan(lex, typo, 50));
        // Every one-edit typo of a word long enough for tolerance finds it.
        if (typo !== w && typo.length >= 5) expect(got.map((c) => c.term), typo).toContain(w);
      }
      // Two edits (two of the variants applied) only for words of 8 bytes or more.
      for (const once of variants(w).filter((_, i) => i % 5 === 0)) {
        for (const twice of variants(once).filter((_, i) => i % 7 === 0)) {
          const got = fuzzyCandidates(lex, twice, 50);
          expect(got, twice).toEqual(fuzzyCandidatesByScan(lex, twice, 50));
          if (twice.length >= 8 && boundedEditDistance(twice, w, 2) === 2) expect(got.map((c) => c.term), twice).toContain(w);
        }
      }
    }
  });

  it('finds words at both ends of the dictionary', () => {
    const lex = foldedLexicon([['aaaaa', 2], ['aaaab', 2], ['mmmmm', 2], ['zzzzz', 2], ['zzzzzzzzz', 2]]);
    expect(fuzzyCandidates(lex, 'aaaac', 5).map((c) => c.term)).toEqual(['aaaaa', 'aaaab']);
    expect(fuzzyCandidates(lex, 'zzzzy', 5).map((c) => c.term)).toEqual(['zzzzz']);
    expect(fuzzyCandidates(lex, 'zzzzzzzyy', 5)).toEqual([{ term: 'zzzzzzzzz', distance: 2, df: 2 }]);
    expect(fuzzyCandidates(lex, 'baaaa', 5).map((c) => c.term)).toEqual(['aaaaa']);
    for (const w of ['aaaac', 'zzzzy', 'zzzzzzzyy', 'baaaa', 'aaaaaa', 'zzzzzz']) expect(fuzzyCandidates(lex, w, 5), w).toEqual(fuzzyCandidatesByScan(lex, w, 5));
  });

  it('offers nothing for words under five letters', () => {
    const lex = foldedLexicon([['dang', 50], ['danh', 40], ['dan', 30]]);
    expect(fuzzyCandidates(lex, 'danf', 5)).toEqual([]);
  });

  it('handles words outside ASCII and over-long words like the scan', () => {
    const lex = foldedLexicon([['mañana', 3], ['manana', 4], ['x'.repeat(70), 3]]);
    expect(fuzzyCandidates(lex, 'mañanas', 4)).toEqual(fuzzyCandidatesByScan(lex, 'mañanas', 4));
    expect(fuzzyCandidates(lex, 'x'.repeat(69), 4)).toEqual([]);
  });
});
