import { describe, expect, it } from 'vitest';
import { TermDictionary, compareTermsByBytes, encodeTermDictionary } from './term-dictionary.js';
import { bigramKey, exactKey, foldedKey, foldedKeyOfExact, isFoldedKey, storesExactKey, titleStartKey } from './term-keys.js';

describe('term keys', () => {
  it('spell each kind of evidence as documented', () => {
    expect(foldedKey('ha')).toBe('ha');
    expect(exactKey('hà')).toBe('ha=hà');
    expect(exactKey('đảng')).toBe('dang=đảng');
    expect(bigramKey('ha', 'noi')).toBe('ha noi');
    expect(titleStartKey('ha', 'noi')).toBe('ha^noi');
    expect(titleStartKey('bao')).toBe('bao^');
    expect(['ha', 'ha noi', 'ha=hà', 'ha^noi'].map(isFoldedKey)).toEqual([true, false, false, false]);
    expect(['ha=hà', 'dang=đảng', 'ha', 'ha noi', 'ha^noi'].map(foldedKeyOfExact)).toEqual(['ha', 'dang', null, null, null]);
  });

  it('store an exact key only for a token with diacritics whose exact key begins with its folded key', () => {
    expect(storesExactKey('hà', 'ha')).toBe(true);
    expect(storesExactKey('đảng', 'dang')).toBe(true);
    expect(storesExactKey('ha', 'ha')).toBe(false);
    // A token cut to 64 units whose folding drops marks: 32 letters folded from the cut exact form, 40 in the cut folded form.
    expect(storesExactKey('ṩ̣'.repeat(32), 's'.repeat(40))).toBe(false);
  });

  it('never collide across kinds for the same syllables', () => {
    const keys = [foldedKey('ha'), exactKey('ha'), bigramKey('ha', 'noi'), titleStartKey('ha', 'noi'), foldedKey('hanoi'), exactKey('hà')];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keep all evidence about a syllable together in byte order', () => {
    const keys = [
      ...['ha', 'hai', 'noi', 'da', 'nang', '2011'].map(foldedKey),
      ...['hà', 'hạ', 'nội', 'đà', 'nẵng'].map(exactKey),
      titleStartKey('ha', 'noi'), titleStartKey('da', 'nang'),
      bigramKey('ha', 'noi'), bigramKey('da', 'nang'), bigramKey('hai', 'ba'),
    ];
    const all = [...keys].sort(compareTermsByBytes);
    const { bytes, offsets } = encodeTermDictionary(all);
    const dict = new TermDictionary(bytes, offsets);
    const range = (p: string) => {
      const [s, e] = dict.prefixRange(p);
      return Array.from({ length: e - s }, (_, k) => dict.termAt(s + k));
    };
    // Everything about `ha` is contiguous and comes before the next syllable `hai`.
    expect(range('ha')).toEqual(['ha', 'ha noi', 'ha=hà', 'ha=hạ', 'ha^noi', 'hai', 'hai ba']);
    expect(all.indexOf('ha^noi') + 1).toBe(all.indexOf('hai'));
    expect(range('da')).toEqual(['da', 'da nang', 'da=đà', 'da^nang']);
  });
});
