import { describe, it, expect } from 'vitest';
import { foldDiacritics } from './fold.js';

describe('foldDiacritics', () => {
  it.each([
    ['hòa', 'hoa'],
    ['đảng', 'dang'],
    ['Đà Nẵng', 'Da Nang'],
    ['đường', 'duong'],
    ['người', 'nguoi'],
    ['nguyễn', 'nguyen'],
    ['khuỷu', 'khuyu'],
    ['ĂÂÊÔƠƯĐ', 'AAEOOUD'],
    ['ậặệộợựỵ', 'aaeoouy'],
    ['café', 'cafe'],
    ['ñandú', 'nandu'],
    ['Saarbrücken', 'Saarbrucken'],
    ['8/10/2011', '8/10/2011'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('returns ASCII strings as the same string', () => {
    const s = 'tphcm 1.234 hello';
    expect(foldDiacritics(s)).toBe(s);
    expect(foldDiacritics('')).toBe('');
  });

  it('drops combining marks of decomposed (NFD) text', () => {
    expect(foldDiacritics('hòa đường'.normalize('NFD'))).toBe('hoa duong');
    expect(foldDiacritics('a\u0301\u0323\u0300')).toBe('a');
  });

  it('folds every Vietnamese letter to ASCII', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const folded = foldDiacritics(letters + letters.toUpperCase());
    expect(folded).toMatch(/^[a-zA-Z]+$/);
    expect(folded).toBe(
      foldDiacritics(letters.normalize('NFD') + letters.toUpperCase().normalize('NFD')),
    );
  });

  it('agrees with the NFD-and-drop definition on non-Latin text and keeps Hangul composed', () => {
    expect(foldDiacritics('Ελληνικά')).toBe('Ελληνικα');
    expect(foldDiacritics('한국어')).toBe('한국어');
    expect(foldDiacritics('日本語 ё')).toBe('日本語 е');
    expect(foldDiacritics('Đ한')).toBe('D한');
  });

  it('never throws on lone surrogates', () => {
    expect(() => foldDiacritics('á\ud800b\udc00')).not.toThrow();
  });
});
