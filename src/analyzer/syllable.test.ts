import { describe, it, expect } from 'vitest';
import { isFoldedSyllable, isPlausibleRhyme, isValidRhyme, parseSyllable, toneVowelIndex } from './syllable.js';

describe('parseSyllable', () => {
  it.each([
    ['hoa', 'h', 'oa', ''],
    ['nghiêng', 'ngh', 'iê', 'ng'],
    ['nguyên', 'ng', 'uyê', 'n'],
    ['ngươi', 'ng', 'ươi', ''],
    ['gia', 'gi', 'a', ''],
    ['giưa', 'gi', 'ưa', ''],
    ['gin', 'g', 'i', 'n'],
    ['gi', 'g', 'i', ''],
    ['quy', 'qu', 'y', ''],
    ['quôc', 'qu', 'ô', 'c'],
    ['uy', '', 'uy', ''],
    ['anh', '', 'a', 'nh'],
    ['đương', 'đ', 'ươ', 'ng'],
    ['khuyu', 'kh', 'uyu', ''],
    ['thach', 'th', 'a', 'ch'],
  ])('%s → %s + %s + %s', (word, initial, nucleus, final) => {
    expect(parseSyllable(word)).toEqual({ initial, nucleus, final });
  });

  it.each(['', 'cafe', 'u23', 'qu', 'q', 'str', 'bcd', 'hoaiu', 'anhx', 'fa', 'ja', 'wa', 'zoa', 'hòa', 'Hoa'])('rejects %j', (word) => {
    expect(parseSyllable(word)).toBeNull();
  });
});

describe('toneVowelIndex', () => {
  it.each([
    ['a', false, 0],
    ['oa', false, 0], // hòa
    ['oa', true, 1], // hoàn
    ['uy', false, 0], // thủy
    ['uy', true, 1], // huỳnh
    ['oe', false, 0], // khỏe
    ['ua', false, 0], // của
    ['ia', false, 0], // mía
    ['ưa', false, 0], // cửa
    ['ươ', true, 1], // đường
    ['ươi', false, 1], // người
    ['uyê', true, 2], // nguyễn
    ['uyu', false, 1], // khuỷu
    ['oai', false, 1], // ngoài
    ['iêu', false, 1], // hiểu
    ['uô', true, 1], // muốn
    ['oă', true, 1], // hoặc
  ] as const)('%s (final: %s) → %i', (nucleus, hasFinal, index) => {
    expect(toneVowelIndex(nucleus, hasFinal)).toBe(index);
  });
});

describe('isValidRhyme / isPlausibleRhyme', () => {
  it('accepts real rhymes and rejects fake ones', () => {
    expect(isValidRhyme('oa', '')).toBe(true);
    expect(isValidRhyme('uyê', 'n')).toBe(true);
    expect(isValidRhyme('ươ', 'ng')).toBe(true);
    expect(isValidRhyme('ươ', '')).toBe(false);
    expect(isValidRhyme('ua', 't')).toBe(false);
    expect(isValidRhyme('âya', 'nh')).toBe(false);
    expect(isValidRhyme('ă', '')).toBe(false);
  });

  it('only allows sắc and nặng before c, ch, p, t', () => {
    expect(isPlausibleRhyme('iê', 't', 5)).toBe(true);
    expect(isPlausibleRhyme('iê', 't', 1)).toBe(true);
    expect(isPlausibleRhyme('iê', 't', 2)).toBe(false);
    expect(isPlausibleRhyme('iê', 't', 0)).toBe(false);
    expect(isPlausibleRhyme('iê', 'n', 0)).toBe(true);
    expect(isPlausibleRhyme('ươ', '', 2)).toBe(false);
  });
});

describe('isFoldedSyllable', () => {
  it.each(['ha', 'noi', 'hoa', 'nguoi', 'nghieng', 'khuyu', 'quy', 'gia', 'duong', 'uyen', 'oanh', 'a', 'y', 'thuong', 'nuoc'])('%s can be one syllable folded', (w) => {
    expect(isFoldedSyllable(w)).toBe(true);
  });

  it.each(['hanoi', 'vietnam', 'saigon', 'online', 'facebook', 'ok', 'bank', 'oie', 'anhx', 'ngoiu', '', 'hòa', 'Ha', 'u23', 'qu'])('%j cannot', (w) => {
    expect(isFoldedSyllable(w)).toBe(false);
  });
});
