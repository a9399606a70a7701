import { describe, it, expect } from 'vitest';
import { BASE_VOWELS, TONE_MARKS, applyTone, hasQualityMark, isBaseVowel, stripToneCode, toneOf } from './vowels.js';

const code = (s: string) => s.charCodeAt(0);

describe('toneOf', () => {
  it.each([
    ['á', 1], ['à', 2], ['ả', 3], ['ã', 4], ['ạ', 5],
    ['ấ', 1], ['ằ', 2], ['ể', 3], ['ỗ', 4], ['ợ', 5], ['ự', 5], ['ý', 1], ['ỹ', 4], ['Ặ', 5],
  ])('%s has tone %i', (ch, tone) => {
    expect(toneOf(code(ch))).toBe(tone);
  });

  it('is 0 for toneless vowels, consonants and far-away characters', () => {
    for (const ch of ['a', 'â', 'ơ', 'ư', 'đ', 'b', 'é'.normalize('NFD')[0], '中', '\u0301']) expect(toneOf(code(ch))).toBe(0);
    expect(toneOf(0x10000)).toBe(0);
  });
});

describe('stripToneCode', () => {
  it('keeps the quality mark and drops only the tone', () => {
    expect(String.fromCharCode(stripToneCode(code('ấ')))).toBe('â');
    expect(String.fromCharCode(stripToneCode(code('ự')))).toBe('ư');
    expect(String.fromCharCode(stripToneCode(code('ỏ')))).toBe('o');
    expect(String.fromCharCode(stripToneCode(code('Ẫ')))).toBe('Â');
  });

  it('returns other characters unchanged', () => {
    for (const ch of ['a', 'ơ', 'x', 'ñ', 'đ']) expect(stripToneCode(code(ch))).toBe(code(ch));
  });
});

describe('isBaseVowel / hasQualityMark', () => {
  it('recognizes the 12 Vietnamese vowels in both cases', () => {
    expect([...BASE_VOWELS]).toHaveLength(24);
    for (const v of BASE_VOWELS) expect(isBaseVowel(code(v))).toBe(true);
    for (const c of ['b', 'đ', 'á', 'w', 'f', '1']) expect(isBaseVowel(code(c))).toBe(false);
  });

  it('flags exactly ă â ê ô ơ ư as having a quality mark', () => {
    const marked = [...BASE_VOWELS].filter((v) => hasQualityMark(code(v)));
    expect(marked.join('')).toBe('ăâêôơưĂÂÊÔƠƯ');
  });
});

describe('applyTone', () => {
  it('composes every vowel with every tone into one NFC character', () => {
    for (const v of BASE_VOWELS) {
      expect(applyTone(code(v), 0)).toBe(v);
      for (let t = 1; t <= 5; t++) {
        const composed = applyTone(code(v), t as 1 | 2 | 3 | 4 | 5)!;
        expect(composed).toBe((v + String.fromCharCode(TONE_MARKS[t])).normalize('NFC'));
        expect(composed).toHaveLength(1);
        expect(toneOf(code(composed))).toBe(t);
      }
    }
  });

  it('returns undefined for non-vowels', () => {
    expect(applyTone(code('b'), 1)).toBeUndefined();
  });
});
