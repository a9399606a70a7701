import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../src/analyzer/fold.js';
import { Lexicon, writeLexicon } from '../src/index-format/lexicon.js';
import { MAX_PAIR_PARTS, PairPart, quadFingerprint, type PairSection } from '../src/index-format/pair-section.js';
import { restorationPosteriors } from '../src/engine/restore-diacritics.js';
import { TermCollector } from '../src/index-format/term-collector.js';
import { compareTermsByBytes } from '../src/index-format/term-dictionary.js';
import { repeat } from '../test/fixtures/lexicon.fixture.js';
import { buildLexiconArrays } from './build-lexicon.js';
import { splitPairParts } from './pair-parts.js';

const corpus = [
  ...repeat('truyền thông xã hội', 20),
  ...repeat('hãng taxi truyền thống', 5),
  ...repeat('đảng bộ tỉnh đang bổ sung', 3),
  ...repeat('đang bổ tỉnh', 2),
  ...repeat('chính phủ hà nội ủy ban nhân dân', 4),
  ...repeat('bộ trưởng bộ tài chính', 3),
  ...repeat('anh ấy đang đi học ở hà nội', 3),
];

function collector(texts: readonly string[] = corpus): TermCollector {
  const c = new TermCollector();
  for (const t of texts) c.add([t], [], t); // headlines: their four-syllable windows are kept
  return c;
}

const open = (bytes: Uint8Array) => new Lexicon(bytes.slice().buffer);
const openPart = (bytes: Uint8Array) => new PairPart(bytes.slice().buffer);

/** The inline lexicon, the split one and its parts, from the same collection. */
function both(partBytes: number, texts: readonly string[] = corpus) {
  const built = buildLexiconArrays(collector(texts));
  const inline = open(writeLexicon(built.meta, built.arrays));
  const split = splitPairParts(built.meta, built.arrays, partBytes);
  const lexicon = open(writeLexicon(split.meta, split.arrays));
  const parts = new Map<number, PairSection>(split.parts.map((p, i) => [i, openPart(p.bytes).section]));
  return { inline, lexicon, parts, split };
}

/** Every kept pair of an inline lexicon, as [a, b]. */
function pairsOf(lx: Lexicon): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let e = 0; e < lx.exact.size; e++) {
    const a = lx.exact.termAt(e);
    for (const { word } of lx.followers(a, 1e9)) out.push([a, word]);
  }
  return out;
}

describe('splitPairParts', () => {
  it('answers every pair and triple as the lexicon with its pairs inline does', () => {
    const { inline, lexicon, parts } = both(64);
    expect(parts.size).toBeGreaterThan(3);
    const view = lexicon.withPairParts(parts, new Set());
    const pairs = pairsOf(inline);
    expect(pairs.length).toBe(inline.pairSize);
    expect(view.pairSize).toBe(inline.pairSize);
    expect(view.tripleSize).toBe(inline.tripleSize);
    expect(view.pairDictionaryBytes).toBe(inline.pairDictionaryBytes);
    for (const [a, b] of pairs) {
      expect(view.pairCount(a, b)).toBe(inline.pairCount(a, b));
      expect(view.followers(a, 1e9)).toEqual(inline.followers(a, 1e9));
      for (let e = 0; e < inline.exact.size; e++) {
        const c = inline.exact.termAt(e);
        expect(view.tripleCount(a, b, c)).toBe(inline.tripleCount(a, b, c));
      }
    }
    expect(inline.tripleCount('taxi', 'truyền', 'thống')).toBe(5); // the check above covers a kept triple
    expect(view.pairCount('không', 'có')).toBe(0);
  });

  it('keeps every four-syllable window in the part of its first syllable, found as inline', () => {
    const { inline, lexicon, parts, split } = both(64);
    const view = lexicon.withPairParts(parts, new Set());
    const windows = corpus.flatMap((t) => { const w = t.split(' '); return w.slice(0, -3).map((_x, i) => w.slice(i, i + 4)); });
    expect(inline.quadSize).toBeGreaterThan(5);
    expect(view.quadSize).toBe(inline.quadSize);
    expect(split.parts.reduce((n, p) => n + openPart(p.bytes).section.quadSize, 0)).toBe(inline.quadSize);
    for (const [a, b, c, d] of windows) {
      const h = quadFingerprint(a, b, c, d);
      expect(view.hasQuadAt(view.pairIndex(a, b), h)).toBe(inline.hasQuadAt(inline.pairIndex(a, b), h));
      expect(view.hasQuadAt(view.pairIndex(a, b), h)).toBe(true); // every window of the corpus is repeated
    }
    expect(view.hasQuadAt(view.pairIndex('truyền', 'thông'), quadFingerprint('truyền', 'thông', 'xã', 'hộ'))).toBe(false);
  });

  it('cuts parts by the folded first syllable, in byte order, each pair in the part of its first syllable', () => {
    const { lexicon, split } = both(64);
    const firsts = split.parts.map((p) => p.first);
    expect([...firsts].sort(compareTermsByBytes)).toEqual(firsts);
    expect(lexicon.meta.pairParts).toEqual(firsts);
    split.parts.forEach((p, i) => {
      const section = openPart(p.bytes).section;
      for (let k = 0; k < section.pairs.size; k++) {
        const a = section.pairs.termAt(k).split(' ')[0];
        expect(lexicon.pairPartOf(a)).toBe(i);
        expect(compareTermsByBytes(foldDiacritics(a), p.first)).toBeGreaterThanOrEqual(0);
      }
    });
    // Readings of one folded syllable share a part: đảng, đang.
    expect(lexicon.pairPartOf('đảng')).toBe(lexicon.pairPartOf('đang'));
  });

  it('is deterministic', () => {
    const a = both(64).split;
    const b = both(64).split;
    expect(a.parts.map((p) => Buffer.from(p.bytes).toString('hex'))).toEqual(b.parts.map((p) => Buffer.from(p.bytes).toString('hex')));
  });

  it('makes one part when the budget holds them all', () => {
    const { parts, lexicon } = both(1 << 20);
    expect(parts.size).toBe(1);
    expect(lexicon.pairPartCount).toBe(1);
  });
});

/**
 * Many first syllables, so that tiny parts number more than 32: with the old stride of 2^26 encoded
 * pair indexes then passed 2^31 (an Int32Array in restoration once truncated them and lost every
 * triple: 97.4 → 96.4 % right); the stride of 2^21 keeps them int32-safe up to 1,024 parts.
 */
const WIDE = ['an', 'bà', 'cá', 'dê', 'em', 'gà', 'hoa', 'im', 'kê', 'lá', 'mẹ', 'nó', 'ông', 'phở', 'quê', 'rổ', 'sư', 'tôi', 'ủy', 'vì',
  'xa', 'yêu', 'bàn', 'cơm', 'đi', 'ghế', 'học', 'khó', 'làm', 'mưa', 'nhà', 'ơn', 'quạt', 'sách', 'thơ', 'trà', 'uống', 'văn', 'xe', 'ăn'];
const wideCorpus = [...corpus, ...WIDE.flatMap((w, i) => repeat(`${w} ${WIDE[(i + 7) % WIDE.length]} ${WIDE[(i + 13) % WIDE.length]}`, 2))];

describe('a lexicon with more than 32 pair parts', () => {
  it('restores diacritics exactly as the inline lexicon does, its pair indexes int32-safe', () => {
    const { inline, lexicon, parts } = both(16, wideCorpus);
    expect(parts.size).toBeGreaterThan(32);
    const view = lexicon.withPairParts(parts, new Set());
    const encoded = view.pairIndex('xã', 'hội');
    expect(encoded).toBeGreaterThan(32 * 2 ** 21); // in a part past 32
    expect(encoded | 0).toBe(encoded); // an int32
    expect(view.tripleCount('taxi', 'truyền', 'thống')).toBe(5);
    for (const text of [...new Set(wideCorpus)]) {
      const folded = text.split(' ').map(foldDiacritics);
      const adjacent = folded.map((_, i) => i > 0);
      expect(restorationPosteriors(view, folded, adjacent)).toEqual(restorationPosteriors(inline, folded, adjacent));
    }
    // The triple decides: after `taxi`, truyền thống (the pair alone says truyền thông).
    expect(restorationPosteriors(view, ['taxi', 'truyen', 'thong'], [false, true, true])[2].reading).toBe('thống');
  });
});

describe('the limits that keep encoded pair indexes int32', () => {
  it('refuses a lexicon listing more than MAX_PAIR_PARTS parts', () => {
    const { split } = both(64);
    const tooMany = { ...split.meta, pairParts: Array.from({ length: MAX_PAIR_PARTS + 1 }, (_, i) => String(i).padStart(5, '0')) };
    expect(() => open(writeLexicon(tooMany, split.arrays))).toThrow(/at most 1024 are supported/);
    expect(() => open(writeLexicon({ ...tooMany, pairParts: tooMany.pairParts.slice(1) }, split.arrays))).not.toThrow();
  });
});

describe('a lexicon with pair parts', () => {
  it('records the parts a view was asked about and did not hold, answering as for an unknown pair', () => {
    const { lexicon, parts } = both(64);
    const p = lexicon.pairPartOf('truyền');
    const held = new Map([...parts].filter(([i]) => i !== p));
    const missed = new Set<number>();
    const view = lexicon.withPairParts(held, missed);
    expect(view.pairCount('truyền', 'thông')).toBe(0);
    expect([...missed]).toEqual([p]);
    expect(lexicon.withPairParts(parts, missed).pairCount('truyền', 'thông')).toBe(20);
  });

  it('refuses pair lookups outside a view instead of finding nothing', () => {
    const { lexicon } = both(64);
    expect(() => lexicon.pairCount('truyền', 'thông')).toThrow(/withPairParts/);
  });

  it('keeps the syllable dictionaries: readings and counts need no part', () => {
    const { inline, lexicon } = both(64);
    expect(lexicon.readings('dang')).toEqual(inline.readings('dang'));
    expect(lexicon.totalCount).toBe(inline.totalCount);
  });
});
