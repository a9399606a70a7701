import { describe, expect, it } from 'vitest';
import { LexiconTailPart } from '../src/index-format/lexicon-tail.js';
import { buildTailParts, chooseMinHotDf, type VocabularyStats } from './lexicon-split.js';

/** A vocabulary: folded syllables with their document frequencies, exact readings with counts. */
function vocabulary(folded: Record<string, number>, exact: Record<string, number>): VocabularyStats {
  const keys = [...Object.keys(folded), 'ha noi', 'ha=hà'];
  return { keys, ids: new Map(keys.map((k, i) => [k, i])), df: keys.map((k) => folded[k] ?? 3), exactCounts: () => Object.entries(exact) };
}

const v = vocabulary({ ha: 40, noi: 30, dang: 12, kcal: 1, zorbex: 1, nguoc: 2 }, { 'hà': 50, 'nội': 35, 'đảng': 9, 'đang': 6, kcal: 3, zorbex: 1, 'ngược': 2, 'ngước': 1 });

describe('chooseMinHotDf', () => {
  it('keeps everything in the lexicon when it fits (no tail)', () => {
    expect(chooseMinHotDf(v, 1 << 20)).toBe(1);
  });
  it('raises the minimum until the dictionaries fit, rarest syllables out first', () => {
    const m = chooseMinHotDf(v, 120);
    expect(m).toBeGreaterThan(1);
    expect(chooseMinHotDf(v, 10)).toBeGreaterThanOrEqual(m);
  });
});

describe('buildTailParts', () => {
  it('writes the rare syllables with their readings and shards, in byte order, cut into parts', () => {
    const shards = new Map([[3, [4]], [4, [0]], [5, [1, 2]]]);
    const { parts, occurrences } = buildTailParts(v, 3, shards, 1);
    expect(parts.map((p) => p.first)).toEqual(['kcal', 'nguoc', 'zorbex']);
    expect(occurrences).toBe(3 + 1 + 2 + 1);
    const nguoc = new LexiconTailPart(parts[1].bytes.slice().buffer).entry('nguoc');
    expect(nguoc).toEqual({ df: 2, readings: [{ exact: 'ngược', count: 2 }, { exact: 'ngước', count: 1 }], shards: Uint16Array.of(1, 2) });
    const together = buildTailParts(v, 3, shards);
    expect(together.parts.length).toBe(1);
    expect(together.parts[0].syllables).toBe(3);
  });
  it('makes no parts without a tail', () => {
    expect(buildTailParts(v, 1, new Map()).parts).toEqual([]);
  });
});
