import { describe, it, expect } from 'vitest';
import { canonicalSyllable } from './tone.js';

describe('canonicalSyllable', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['toà', 'tòa'],
    ['uý', 'úy'],
    ['khoẻ', 'khỏe'],
    ['hoá', 'hóa'],
    ['loà', 'lòa'],
    ['thuý', 'thúy'],
    ['hoạ', 'họa'],
    ['xoã', 'xõa'],
    ['tuỳ', 'tùy'],
    ['luỹ', 'lũy'],
    ['quỉ', 'quỉ'],
    ['gìa', 'già'],
    ['qúa', 'quá'],
    ['hóang', 'hoáng'],
    ['hóan', 'hoán'],
    ['húyt', 'huýt'],
    ['ngòai', 'ngoài'],
    ['đừơng', 'đường'],
    ['ngừơi', 'người'],
    ['nguýên', 'nguyến'],
    ['khủyu', 'khuỷu'],
  ])('moves the tone: %s → %s', (input, expected) => {
    expect(canonicalSyllable(input)).toBe(expected);
  });

  it.each([
    'hòa', 'thủy', 'tòa', 'úy', 'khỏe', 'hóa', 'lòa', 'thúy', 'quỳ', 'quý', 'quốc', 'giữa', 'già', 'gìn', 'giếng', 'giường',
    'hoàn', 'thuyết', 'huỳnh', 'khuỷu', 'người', 'nguyễn', 'mùa', 'của', 'cửa', 'mía', 'ngoài', 'xoáy', 'thuở', 'đường',
    'việt', 'nội', 'nẵng', 'hoặc', 'khuấy', 'chuyện', 'tuổi', 'cứu', 'yếu', 'ý', 'ở', 'ạ', 'oái', 'ngoẹo', 'đảng',
  ])('leaves canonical %s unchanged', (word) => {
    expect(canonicalSyllable(word)).toBe(word);
  });

  it.each(['hoa', 'ha', 'nguyen', 'café', 'u23', 'hòà', 'xúat', 'đâyảnh', 'ábc', 'hoà1', 'hoàhoà', 'quá-', 'mưòi', 'đuờng', '', 'ó', 'w', 'tphcm'])(
    'returns non-syllables and untoned words unchanged: %j',
    (word) => {
      expect(canonicalSyllable(word)).toBe(word);
    },
  );

  it('returns the same result from the cache', () => {
    expect(canonicalSyllable('thuỷ')).toBe('thủy');
    expect(canonicalSyllable('thuỷ')).toBe('thủy');
  });

  it('keeps working after the cache overflows', () => {
    // 60k distinct toned non-syllables overflow the 50k cache.
    for (let i = 0; i < 60_000; i++) canonicalSyllable(`à${i}`);
    expect(canonicalSyllable('hoà')).toBe('hòa');
    expect(canonicalSyllable('à59999')).toBe('à59999');
  });

  it('is idempotent on every toned form of a sample of syllables', () => {
    const marks = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
    for (const base of ['hoa', 'thuy', 'khoe', 'nguyen', 'nguoi', 'quy', 'gia', 'khuyu', 'hoan', 'ngoai', 'cuu', 'muon']) {
      for (const m of marks) {
        for (let at = 1; at <= base.length; at++) {
          const w = (base.slice(0, at) + m + base.slice(at)).normalize('NFC');
          const once = canonicalSyllable(w);
          expect(canonicalSyllable(once)).toBe(once);
        }
      }
    }
  });
});
