import { describe, expect, it } from 'vitest';
import { ContainerError } from './binary-container.js';
import { LexiconTailPart, tailPartFor, writeLexiconTailPart, type TailSyllable } from './lexicon-tail.js';

const syllables: TailSyllable[] = [
  { folded: 'kcal', df: 1, readings: [{ exact: 'kcal', count: 2 }], shards: Uint16Array.of(3) },
  { folded: 'nguoc', df: 1, readings: [{ exact: 'ngược', count: 1 }, { exact: 'ngước', count: 1 }], shards: Uint16Array.of(0, 7) },
  { folded: 'zeta', df: 2, readings: [], shards: Uint16Array.of(1) },
];

const open = (bytes: Uint8Array) => new LexiconTailPart(bytes.slice().buffer);

describe('lexicon tail part', () => {
  it('gives back each syllable with its frequency, readings and shards', () => {
    const part = open(writeLexiconTailPart(syllables));
    expect(part.folded.size).toBe(3);
    expect(part.entry('nguoc')).toEqual({ df: 1, readings: [{ exact: 'ngược', count: 1 }, { exact: 'ngước', count: 1 }], shards: Uint16Array.of(0, 7) });
    expect(part.entry('kcal')?.shards).toEqual(Uint16Array.of(3));
    expect(part.entry('zeta')).toEqual({ df: 2, readings: [], shards: Uint16Array.of(1) });
    expect(part.entry('ngu')).toBeNull();
  });

  it('refuses syllables out of byte order', () => {
    expect(() => writeLexiconTailPart([syllables[1], syllables[0]])).toThrow(/ascending/);
  });

  it('refuses a damaged part as ContainerError', () => {
    const bytes = writeLexiconTailPart(syllables);
    expect(() => open(bytes.subarray(0, bytes.length - 7))).toThrow(ContainerError);
  });
});

describe('tailPartFor', () => {
  const firsts = ['b', 'k', 'ngu', 'x'];
  it('finds the last part whose first syllable sorts at or before the syllable', () => {
    expect(tailPartFor(firsts, 'b')).toBe(0);
    expect(tailPartFor(firsts, 'cat')).toBe(0);
    expect(tailPartFor(firsts, 'k')).toBe(1);
    expect(tailPartFor(firsts, 'nguoc')).toBe(2);
    expect(tailPartFor(firsts, 'zz')).toBe(3);
  });
  it('says -1 before the first part and with no parts', () => {
    expect(tailPartFor(firsts, 'a')).toBe(-1);
    expect(tailPartFor([], 'a')).toBe(-1);
  });
  it('orders by UTF-8 bytes, as the dictionaries do', () => {
    expect(tailPartFor(['a', 'đ'], 'z')).toBe(0); // đ (U+0111) sorts after every ASCII letter
  });
});
