import { describe, expect, it } from 'vitest';
import { buildLexicon, MIN_PAIR_COUNT } from '../../index-build/build-lexicon.js';
import { TermCollector } from './term-collector.js';
import { lexiconOf } from '../../test/fixtures/lexicon.fixture.js';
import { ContainerError } from './binary-container.js';
import { Lexicon, reversedTypoDictionary, writeLexicon, type LexiconArrays } from './lexicon.js';
import { encodeTermDictionary } from './term-dictionary.js';

const CORPUS = [
  'hà nội hà nội', // two occurrences of hà and of the pair "hà nội" in one document
  'hạ long đẹp',
  'nội dung hà nội',
  'hà giang',
  'hả hê',
  'nhà hàng',
];

describe('Lexicon built from a corpus', () => {
  const lx = lexiconOf(CORPUS);

  it('records the document count and the kept minimum pair count', () => {
    expect(lx.meta).toEqual({ documentCount: CORPUS.length, minBigramCount: MIN_PAIR_COUNT, minTrigramCount: 2, minQuadCount: 0 });
  });

  it('df counts documents containing any reading of a folded syllable, not occurrences', () => {
    // hà (docs 0, 2, 3), hạ (doc 1), hả (doc 4): five documents, though hà occurs 4 times.
    expect(lx.df('ha')).toBe(5);
    expect(lx.df('noi')).toBe(2);
    expect(lx.df('long')).toBe(1);
    expect(lx.df('hang')).toBe(1);
  });

  it('df is 0 for unknown syllables, accented spellings and pair keys (only folded syllables are listed)', () => {
    expect(lx.df('xyz')).toBe(0);
    expect(lx.df('hà')).toBe(0);
    expect(lx.df('ha noi')).toBe(0);
    expect(lx.df('')).toBe(0);
  });

  it('exactCount counts occurrences of an exact syllable across the collection', () => {
    expect(lx.exactCount('hà')).toBe(4);
    expect(lx.exactCount('nội')).toBe(4);
    expect(lx.exactCount('hạ')).toBe(1);
    expect(lx.exactCount('long')).toBe(1); // unaccented syllables are counted too
  });

  it('exactCount is 0 for readings the corpus never uses, including the bare folded form', () => {
    expect(lx.exactCount('ha')).toBe(0);
    expect(lx.exactCount('há')).toBe(0);
    expect(lx.exactCount('noi')).toBe(0);
  });

  it('totalCount is the number of syllable occurrences in the collection', () => {
    const tokens = CORPUS.reduce((n, t) => n + t.split(' ').length, 0);
    expect(lx.totalCount).toBe(tokens);
  });

  it('readings lists the accented forms of a folded syllable, most frequent first', () => {
    // hà occurs 4 times; hạ and hả once each (equal counts keep dictionary order).
    expect(lx.readings('ha')).toEqual([{ exact: 'hà', count: 4 }, { exact: 'hạ', count: 1 }, { exact: 'hả', count: 1 }]);
    expect(lx.readings('noi')).toEqual([{ exact: 'nội', count: 4 }]);
    expect(lx.readings('nha')).toEqual([{ exact: 'nhà', count: 1 }]);
  });

  it('readings respects the limit and returns [] for unknown syllables', () => {
    expect(lx.readings('ha', 1)).toEqual([{ exact: 'hà', count: 4 }]);
    expect(lx.readings('ha', 2)).toHaveLength(2);
    expect(lx.readings('ha', 0)).toEqual([]);
    expect(lx.readings('xyz')).toEqual([]);
    expect(lx.readings('hà')).toEqual([]); // takes the folded form
  });

  it('readings defaults to at most 8 readings', () => {
    const tones = ['da', 'dà', 'dá', 'dả', 'dã', 'dạ', 'đa', 'đà', 'đá', 'đả'];
    const big = lexiconOf(tones.map((t, i) => Array.from({ length: i + 1 }, () => t).join(' ')));
    const r = big.readings('da');
    expect(r).toHaveLength(8);
    // Most frequent first: đả occurs 10 times, đá 9, … ; the two rarest (da, dà) are cut.
    expect(r.map((x) => x.exact)).toEqual([...tones].reverse().slice(0, 8));
    expect(big.readings('da', 20)).toHaveLength(tones.length);
  });

  it('pairCount gives adjacent exact pairs kept at the minimum count, in order', () => {
    expect(lx.pairCount('hà', 'nội')).toBe(3);
    expect(lx.pairCount('nội', 'hà')).toBe(0); // seen once only, and order matters
    expect(lx.pairCount('ha', 'noi')).toBe(0); // exact forms, not folded
  });

  it('pairCount is 0 for pairs seen fewer times than the kept minimum', () => {
    expect(MIN_PAIR_COUNT).toBeGreaterThan(1);
    // Each of these occurs exactly once.
    expect(lx.pairCount('hạ', 'long')).toBe(0);
    expect(lx.pairCount('nội', 'dung')).toBe(0);
    expect(lx.pairCount('nhà', 'hàng')).toBe(0);
    // The same pair repeated in enough documents is kept.
    const twice = lexiconOf(['hạ long', 'vịnh hạ long']);
    expect(twice.pairCount('hạ', 'long')).toBe(2);
  });

  it('pairCount does not join syllables of different documents or non-adjacent syllables', () => {
    const l = lexiconOf(['an bình', 'an bình', 'tâm an', 'bình an']);
    expect(l.pairCount('an', 'bình')).toBe(2);
    expect(l.pairCount('bình', 'tâm')).toBe(0);
    expect(l.pairCount('an', 'an')).toBe(0);
  });

  it('completions lists folded syllables with the prefix, highest document frequency first', () => {
    const l = lexiconOf(['than thang', 'than thanh', 'than thanh', 'thao', 'thao', 'thao', 'tho']);
    expect(l.completions('tha', 10)).toEqual([
      { term: 'than', df: 3 },
      { term: 'thao', df: 3 },
      { term: 'thanh', df: 2 },
      { term: 'thang', df: 1 },
    ]);
  });

  it('completions keeps the best `limit` and breaks ties in dictionary order', () => {
    const l = lexiconOf(['than thang', 'than thanh', 'than thanh', 'thao', 'thao', 'thao', 'tho']);
    expect(l.completions('tha', 2)).toEqual([{ term: 'than', df: 3 }, { term: 'thao', df: 3 }]);
    expect(l.completions('tha', 3).map((c) => c.term)).toEqual(['than', 'thao', 'thanh']);
  });

  it('completions with limit 0 (or less) returns [] instead of throwing', () => {
    const lx = lexiconOf(['thành phố', 'thanh niên']);
    expect(lx.completions('th', 1)).toHaveLength(1);
    expect(lx.completions('th', 0)).toEqual([]);
    expect(lx.completions('th', -1)).toEqual([]);
  });

  it('completions includes the prefix itself when it is a syllable, and nothing outside the prefix range', () => {
    const l = lexiconOf(['than thang', 'thanh', 'tha', 'thb', 'tg']);
    const terms = l.completions('than', 10).map((c) => c.term);
    expect(terms.sort()).toEqual(['than', 'thang', 'thanh']);
    expect(l.completions('th', 10).map((c) => c.term).sort()).toEqual(['tha', 'than', 'thang', 'thanh', 'thb']);
    expect(l.completions('thz', 10)).toEqual([]);
    expect(l.completions('zz', 10)).toEqual([]);
  });

  it('dfAt agrees with df for every folded term', () => {
    expect(lx.folded.size).toBeGreaterThan(0);
    for (let i = 0; i < lx.folded.size; i++) expect(lx.dfAt(i)).toBe(lx.df(lx.folded.termAt(i)));
  });

  it('reports the size of the bytes it was opened from', () => {
    const c = new TermCollector();
    c.add([], ['hà nội']);
    const bytes = buildLexicon(c);
    expect(new Lexicon(bytes.slice().buffer).byteLength).toBe(bytes.byteLength);
  });
});

/** Hand-made arrays of a consistent lexicon: folded `ha`, `noi`; exact hà, hạ, nội; pair `hà nội`. */
function arrays(): LexiconArrays {
  const folded = encodeTermDictionary(['ha', 'noi']);
  const exact = encodeTermDictionary(['hà', 'hạ', 'nội']);
  const pairs = encodeTermDictionary(['hà nội']);
  return {
    foldedBytes: folded.bytes, foldedOffsets: folded.offsets, foldedDf: Uint32Array.of(3, 2),
    exactBytes: exact.bytes, exactOffsets: exact.offsets, exactCount: Uint32Array.of(5, 2, 4),
    groupStarts: Uint32Array.of(0, 2, 3), groupMembers: Uint32Array.of(0, 1, 2),
    pairBytes: pairs.bytes, pairOffsets: pairs.offsets, pairCount: Uint32Array.of(4),
    tripleGroupPair: Uint32Array.of(0), tripleGroupStart: Uint32Array.of(0, 1), tripleThird: Uint32Array.of(0), tripleCount: Uint16Array.of(2), // hà nội hà
    quadPair: new Uint32Array(0), quadHash: new Uint32Array(0),
    ...reversedTypoDictionary(folded.bytes, folded.offsets, [3, 2]),
  };
}

const open = (a: LexiconArrays) => new Lexicon(writeLexicon({ documentCount: 4, minBigramCount: 2, minTrigramCount: 2 }, a).slice().buffer);

describe('reversedTypoDictionary', () => {
  it('writes the terms seen in enough documents backwards, sorted, with their indexes', () => {
    const d = encodeTermDictionary(['ab', 'ba', 'ca', 'cb', 'zz']);
    const r = reversedTypoDictionary(d.bytes, d.offsets, [2, 5, 1, 2, 3]);
    const dec = new TextDecoder();
    const terms = [...r.typoReversedIndex].map((_, i) => dec.decode(r.typoReversedBytes.subarray(r.typoReversedOffsets[i], r.typoReversedOffsets[i + 1])));
    expect(terms).toEqual(['ab', 'ba', 'bc', 'zz']); // "ba", "ab", "cb", "zz" written backwards
    expect([...r.typoReversedIndex]).toEqual([1, 0, 3, 4]);
  });
});

describe('Lexicon from written arrays', () => {
  it('round-trips hand-made arrays through writeLexicon', () => {
    const l = open(arrays());
    expect(l.meta).toEqual({ documentCount: 4, minBigramCount: 2, minTrigramCount: 2 });
    expect(l.df('ha')).toBe(3);
    expect(l.df('noi')).toBe(2);
    expect(l.readings('ha')).toEqual([{ exact: 'hà', count: 5 }, { exact: 'hạ', count: 2 }]);
    expect(l.readings('noi')).toEqual([{ exact: 'nội', count: 4 }]);
    expect(l.pairCount('hà', 'nội')).toBe(4);
    expect(l.totalCount).toBe(11);
    expect(l.tripleCount('hà', 'nội', 'hà')).toBe(2);
    expect(l.tripleCount('hà', 'nội', 'hạ')).toBe(0);
    expect(l.tripleCount('hạ', 'nội', 'hà')).toBe(0);
    expect(l.tripleGroup(l.pairIndex('hà', 'nội'))).toBe(0);
    expect(l.tripleGroup(l.pairIndex('hà', 'hà'))).toBe(-1);
    expect(l.tripleSize).toBe(1);
  });

  it('throws when a column length disagrees with its dictionary (corrupt file)', () => {
    const cases: Array<Partial<LexiconArrays>> = [
      { foldedDf: Uint32Array.of(3) },
      { groupStarts: Uint32Array.of(0, 2) },
      { exactCount: Uint32Array.of(5, 2) },
      { pairCount: Uint32Array.of(4, 1) },
      { tripleCount: Uint16Array.of(2, 1) },
      { tripleGroupStart: Uint32Array.of(0, 2) },
      { typoReversedIndex: Uint32Array.of(0) },
    ];
    for (const bad of cases) {
      expect(() => open({ ...arrays(), ...bad }), Object.keys(bad)[0]).toThrow(/inconsistent \(corrupt file\)/);
    }
  });

  it('throws when a section is missing', () => {
    const a = arrays() as Partial<LexiconArrays>;
    delete a.pairCount;
    expect(() => open(a as LexiconArrays)).toThrow(/lacks section pairCount/);
  });

  it('throws a ContainerError for truncated bytes or bytes of another artifact kind', () => {
    const bytes = writeLexicon({ documentCount: 4, minBigramCount: 2, minTrigramCount: 2 }, arrays());
    expect(() => new Lexicon(bytes.slice(0, bytes.length - 8).buffer)).toThrow(ContainerError);
    const other = bytes.slice();
    other.set([0x56, 0x4e, 0x53, 0x50]); // "VNSP": shard postings magic
    expect(() => new Lexicon(other.buffer)).toThrow(/wrong file kind/);
  });
});
