import { describe, expect, it } from 'vitest';
import { TermDictionary, compareTermsByBytes, encodeTermDictionary } from './term-dictionary.js';
import { bigramKey, exactKey, foldedKey, titleStartKey } from './term-keys.js';

describe('term keys', () => {
  it('spell each kind of evidence as documented', () => {
    expect(foldedKey('ha')).toBe('ha');
    expect(exactKey('hà')).toBe('=hà');
    expect(bigramKey('ha', 'noi')).toBe('ha noi');
    expect(titleStartKey('ha', 'noi')).toBe('^ha noi');
    expect(titleStartKey('bao')).toBe('^bao');
  });

  it('never collide across kinds for the same syllables', () => {
    const keys = [foldedKey('ha'), exactKey('ha'), bigramKey('ha', 'noi'), titleStartKey('ha', 'noi'), foldedKey('hanoi')];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keep exact and title-start keys in their own contiguous blocks of a shared dictionary', () => {
    const exact = ['hà', 'nội', 'đà', 'nẵng'].map(exactKey);
    const starts = [titleStartKey('ha', 'noi'), titleStartKey('da', 'nang')];
    const folded = ['ha', 'noi', 'da', 'nang', '2011'].map(foldedKey);
    const bigrams = [bigramKey('ha', 'noi'), bigramKey('da', 'nang')];
    const all = [...folded, ...exact, ...starts, ...bigrams].sort(compareTermsByBytes);
    const { bytes, offsets } = encodeTermDictionary(all);
    const dict = new TermDictionary(bytes, offsets);
    const block = (p: string) => {
      const [s, e] = dict.prefixRange(p);
      return Array.from({ length: e - s }, (_, k) => dict.termAt(s + k)).sort();
    };
    expect(block('=')).toEqual([...exact].sort());
    expect(block('^')).toEqual([...starts].sort());
    // A prefix lookup over folded syllables sees folded keys and bigrams, never `=…` or `^…`.
    expect(block('n')).toEqual(['nang', 'noi']);
    expect(block('ha')).toEqual(['ha', 'ha noi']);
  });
});
