import { describe, expect, it } from 'vitest';
import { TermDictionary, compareTermsByBytes, encodeTermDictionary, utf8Bytes } from './term-dictionary.js';

const enc = new TextEncoder();
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const dictOf = (terms: string[]) => {
  const { bytes, offsets } = encodeTermDictionary([...terms].sort(compareTermsByBytes));
  return new TermDictionary(bytes, offsets);
};

// Deliberately unsorted: bigrams, tone marks and đ (U+0111, sorts after every ASCII letter).
const TERMS = ['hạ', 'ha', 'hà nội', 'hàm', 'hà', 'ha noi', 'đà nẵng', 'đà', 'dan', 'hả', 'hz', 'an'];
const SORTED = ['an', 'dan', 'ha', 'ha noi', 'hz', 'hà', 'hà nội', 'hàm', 'hạ', 'hả', 'đà', 'đà nẵng'];

describe('compareTermsByBytes', () => {
  it('orders Vietnamese terms by their UTF-8 bytes', () => {
    expect([...TERMS].sort(compareTermsByBytes)).toEqual(SORTED);
    expect([...TERMS].sort(byUtf8)).toEqual(SORTED);
  });

  it('uses code-point order, not UTF-16 code-unit order, beyond the BMP', () => {
    const astral = '\u{1F600}'; // surrogate pair D83D DE00
    const fullwidth = '\uFF01'; // one code unit, above the surrogates
    expect(compareTermsByBytes(fullwidth, astral)).toBeLessThan(0);
    expect(fullwidth < astral).toBe(false); // what a plain string sort would do
    expect(compareTermsByBytes('a' + astral + 'b', 'a' + astral + 'c')).toBeLessThan(0);
  });

  it('puts a prefix before its extensions and returns 0 only for equal strings', () => {
    expect(compareTermsByBytes('hà', 'hà nội')).toBeLessThan(0);
    expect(compareTermsByBytes('hà nội', 'hà')).toBeGreaterThan(0);
    expect(compareTermsByBytes('nội', 'nội')).toBe(0);
  });

  it('agrees in sign with a UTF-8 byte comparison on random mixed strings', () => {
    const alphabet = ['a', 'd', 'đ', 'à', 'ạ', 'ơ', 'ờ', 'ự', ' ', '=', '^', '\uFF01', '\u{1F600}', '\u{20000}'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let n = 0; n < 2000; n++) {
      const a = word();
      const b = word();
      expect(Math.sign(compareTermsByBytes(a, b)), `${a} vs ${b}`).toBe(Math.sign(byUtf8(a, b)));
    }
  });
});

describe('utf8Bytes', () => {
  it('writes exactly the bytes TextEncoder writes, astral characters and lone surrogates included', () => {
    const alphabet = ['a', 'z', ' ', '=', '^', 'đ', 'Đ', 'à', 'ạ', 'ơ', 'ờ', 'ự', '\u0300', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\u{1F600}', '\u{10FFFF}', '\uD800', '\uDBFF', '\uDC00'];
    let seed = 7;
    const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: Math.floor(rnd() * 9) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const bytes = utf8Bytes(s);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Array.from(bytes), JSON.stringify(s)).toEqual(Array.from(enc.encode(s)));
    }
    expect(utf8Bytes('')).toEqual(new Uint8Array(0));
  });
});

describe('encodeTermDictionary', () => {
  it('concatenates the UTF-8 bytes with size + 1 offsets', () => {
    const { bytes, offsets } = encodeTermDictionary(['ha', 'hà']);
    expect(Array.from(offsets)).toEqual([0, 2, 5]); // "à" is two bytes
    expect(new TextDecoder().decode(bytes)).toBe('hahà');
  });

  it('writes exactly the bytes TextEncoder writes, astral characters and lone surrogates included', () => {
    const alphabet = ['a', 'z', ' ', 'đ', 'Đ', 'à', 'ạ', 'ơ', 'ờ', 'ự', '\u0300', '\u07ff', '\u0800', '\uffff', '\u{1F600}', '\u{10FFFF}', '\uD800', '\uDC00'];
    let seed = 11;
    const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
    for (let n = 0; n < 3000; n++) {
      const term = Array.from({ length: Math.floor(rnd() * 7) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const { bytes, offsets } = encodeTermDictionary([term]);
      expect(Array.from(bytes), JSON.stringify(term)).toEqual(Array.from(enc.encode(term)));
      expect(Array.from(offsets)).toEqual([0, bytes.length]);
    }
  });

  it('refuses unsorted or duplicate terms', () => {
    expect(() => encodeTermDictionary(['hà', 'ha'])).toThrow(/not strictly ascending at 1/);
    expect(() => encodeTermDictionary(['ha', 'ha'])).toThrow(/not strictly ascending/);
    expect(() => encodeTermDictionary(['đà', 'hà'])).toThrow(); // đ sorts after h in bytes
  });
});

describe('TermDictionary', () => {
  const dict = dictOf(TERMS);

  it('floor: the last term at or before a key', () => {
    const d = dictOf(['b', 'd', 'f']);
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(d.floor(enc('a'))).toBe(-1);
    expect(d.floor(enc('b'))).toBe(0);
    expect(d.floor(enc('c'))).toBe(0);
    expect(d.floor(enc('d'))).toBe(1);
    expect(d.floor(enc('zz'))).toBe(2);
  });

  it('finds every term at its sorted position and reads it back', () => {
    expect(dict.size).toBe(SORTED.length);
    SORTED.forEach((t, i) => {
      expect(dict.indexOf(t)).toBe(i);
      expect(dict.indexOfBytes(enc.encode(t))).toBe(i);
      expect(dict.termAt(i)).toBe(t);
    });
  });

  it('returns -1 for absent terms, including prefixes and near misses', () => {
    for (const t of ['', 'h', 'hà n', 'hàmm', 'da', 'đ', 'zz', 'ha noi ']) expect(dict.indexOf(t)).toBe(-1);
  });

  it('lowerBound is the insertion point in byte order', () => {
    expect(dict.lowerBound(enc.encode(''))).toBe(0);
    expect(dict.lowerBound(enc.encode('ha'))).toBe(SORTED.indexOf('ha'));
    expect(dict.lowerBound(enc.encode('hb'))).toBe(SORTED.indexOf('hz'));
    expect(dict.lowerBound(enc.encode('hàa'))).toBe(SORTED.indexOf('hàm'));
    expect(dict.lowerBound(enc.encode('zzz'))).toBe(SORTED.indexOf('đà'));
    expect(dict.lowerBound(enc.encode('ơ'))).toBe(SORTED.length);
  });

  it('prefixRange covers exactly the terms starting with the prefix', () => {
    const termsIn = ([s, e]: [number, number]) => Array.from({ length: e - s }, (_, k) => dict.termAt(s + k));
    expect(termsIn(dict.prefixRange('hà'))).toEqual(['hà', 'hà nội', 'hàm']);
    expect(termsIn(dict.prefixRange('ha'))).toEqual(['ha', 'ha noi']); // folded "ha" is not a prefix of "hà"
    expect(termsIn(dict.prefixRange('h'))).toEqual(['ha', 'ha noi', 'hz', 'hà', 'hà nội', 'hàm', 'hạ', 'hả']);
    expect(termsIn(dict.prefixRange('đà'))).toEqual(['đà', 'đà nẵng']);
    expect(dict.prefixRange('')).toEqual([0, SORTED.length]);
  });

  it('prefixRange of a missing prefix is empty at the insertion point', () => {
    expect(dict.prefixRange('hb')).toEqual([4, 4]);
    expect(dict.prefixRange('ư')).toEqual([SORTED.length, SORTED.length]);
  });

  it('prefixRange splits multi-byte characters only on whole bytes of the prefix', () => {
    // "ạ" (E1 BA A1) and "ả" (E1 BA A3) share two UTF-8 bytes; a prefix of "hạ" must not catch "hả".
    const [s, e] = dict.prefixRange('hạ');
    expect(e - s).toBe(1);
    expect(dict.termAt(s)).toBe('hạ');
  });

  it('handles an empty dictionary', () => {
    const empty = dictOf([]);
    expect(empty.size).toBe(0);
    expect(empty.indexOf('ha')).toBe(-1);
    expect(empty.prefixRange('ha')).toEqual([0, 0]);
    expect(new TermDictionary(new Uint8Array(0), new Uint32Array(0)).size).toBe(0);
  });
});
