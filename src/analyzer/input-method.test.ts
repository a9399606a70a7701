import { describe, it, expect } from 'vitest';
import { decodeInputMethod, decodeTelex, decodeVni } from './input-method.js';
import { canonicalSyllable } from './tone.js';

const TONE_KEYS_TELEX: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const TONE_KEYS_VNI: Record<string, string> = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };
const QUALITY_TELEX: Record<string, string> = { â: 'aa', ă: 'aw', ê: 'ee', ô: 'oo', ơ: 'ow', ư: 'uw', đ: 'dd' };
const QUALITY_VNI: Record<string, string> = { â: 'a6', ă: 'a8', ê: 'e6', ô: 'o6', ơ: 'o7', ư: 'u7', đ: 'd9' };

/** Encodes a syllable the way a typist would: modifiers right after their letter, tone key at the end. */
function encode(syllable: string, quality: Record<string, string>, tones: Record<string, string>): string {
  let letters = '';
  let tone = '';
  for (const ch of syllable.normalize('NFD')) {
    if (tones[ch]) tone = tones[ch];
    else letters += ch;
  }
  return [...letters.normalize('NFC')].map((ch) => quality[ch] ?? ch).join('') + tone;
}

const SYLLABLES = (
  'hà nội đà nẵng đường việt nguyễn người thủy hòa khỏe quốc giữa gì già thuở khuỷu huỳnh thuyết tuổi của cửa mía ' +
  'ngoài xoáy chuyện hoặc khuấy muốn được những trường học sinh viên bộ trưởng tướng phủ chính quyền ủy ban nhân ' +
  'dân thành phố hồ chí minh yêu ước ơn ừ ở ạ đảng cộng sản bóng đá nghiêng tiếng anh luật điện thoại mười'
).split(' ');

describe('decodeTelex', () => {
  it.each([
    ['haf', 'hà'],
    ['nooij', 'nội'],
    ['ddaf', 'đà'],
    ['nawngx', 'nẵng'],
    ['dduwowngf', 'đường'],
    ['vieetj', 'việt'],
    ['nguyeenx', 'nguyễn'],
    ['hoaf', 'hòa'],
    ['hoanf', 'hoàn'],
    ['thuyr', 'thủy'],
    ['khoer', 'khỏe'],
    ['quys', 'quý'],
    ['gif', 'gì'],
    ['giuwax', 'giữa'],
    ['thuowr', 'thuở'],
    ['truongwf', 'trường'],
    ['dduowngf', 'đường'],
    ['hoawcj', 'hoặc'],
    ['nawxng', 'nẵng'],
    ['w', 'ư'],
    ['wf', 'ừ'],
    ['dda', 'đa'],
    ['aan', 'ân'],
    ['aaus', 'ấu'],
    ['hasz', 'ha'],
    // Free typing order: the circumflex vowel typed again after the word.
    ['vietej', 'việt'],
    ['noioj', 'nội'],
    ['tienges', 'tiếng'],
    ['nguoiwf', 'người'],
    // …and a late w, on the u or o of the word.
    ['luawr', 'lửa'],
    ['cuuws', 'cứu'],
    ['huuwx', 'hữu'],
    ['muaw', 'mưa'],
    // Abbreviations: dd is đ anywhere in a word without vowels.
    ['hddnd', 'hđnd'],
    ['ddbscl', 'đbscl'],
  ])('%s → %s', (input, expected) => {
    expect(decodeTelex(input)).toBe(expected);
  });

  it.each([
    'ha', 'noi', 'minh', 'nguyen', 'viet', '', 'facebook', 'pizza', 'haz', 'bass', 'hass', 'iphone', 'google', 'zalo', 'news', 'show',
    'aa', 'fa', 'ddd', 'hoafs', 'hocf', 'Haf', 'hà', 'ha2', 'aaaaaaaaaaaaaaaaaaaa', 'abcw',
  ])('rejects %j', (input) => {
    expect(decodeTelex(input)).toBeNull();
  });

  it('round-trips common syllables typed in Telex', () => {
    for (const s of SYLLABLES) {
      const typed = encode(s, QUALITY_TELEX, TONE_KEYS_TELEX);
      expect(decodeTelex(typed), `${s} typed as ${typed}`).toBe(typed === s ? null : s);
    }
  });
});

describe('decodeVni', () => {
  it.each([
    ['ha2', 'hà'],
    ['no6i5', 'nội'],
    ['noi65', 'nội'],
    ['d9a2', 'đà'],
    ['da29', 'đà'],
    ['vie6t5', 'việt'],
    ['viet65', 'việt'],
    ['nguye6n4', 'nguyễn'],
    ['d9u7o7ng2', 'đường'],
    ['d9uong72', 'đường'],
    ['duong72', 'dường'],
    ['thuo73', 'thuở'],
    ['hoa8c5', 'hoặc'],
    ['a1', 'á'],
    ['cuu71', 'cứu'],
    ['ruou75', 'rượu'],
    ['hdnd9', 'hđnd'],
    ['dbscl9', 'đbscl'],
  ])('%s → %s', (input, expected) => {
    expect(decodeVni(input)).toBe(expected);
  });

  it.each(['u23', '6x36', 'covid19', 'h5n1', 'mp3', '2017', 'ha', 'g7', 'a0', 'b2', 'ha22', 'ha12', 'x9a', 'hoc2', 'Ha2', 'hà2', ''])(
    'rejects %j',
    (input) => {
      expect(decodeVni(input)).toBeNull();
    },
  );

  it('round-trips common syllables typed in VNI', () => {
    for (const s of SYLLABLES) {
      const typed = encode(s, QUALITY_VNI, TONE_KEYS_VNI);
      expect(decodeVni(typed), `${s} typed as ${typed}`).toBe(typed === s ? null : s);
    }
  });
});

describe('decodeInputMethod', () => {
  it('returns the distinct decodings, Telex first', () => {
    expect(decodeInputMethod('nooij')).toEqual(['nội']);
    expect(decodeInputMethod('no6i5')).toEqual(['nội']);
    expect(decodeInputMethod('ha')).toEqual([]);
    expect(decodeInputMethod('u23')).toEqual([]);
  });

  it('only produces lower-case NFC syllables in canonical tone placement', () => {
    for (const w of ['hoaf', 'thuyr', 'khoer', 'ho2a', 'thuy3', 'nguyeenx', 'dduwowngf']) {
      for (const out of decodeInputMethod(w)) {
        expect(out).toBe(out.normalize('NFC'));
        expect(out).toBe(out.toLowerCase());
        expect(canonicalSyllable(out)).toBe(out);
      }
    }
    expect(decodeInputMethod('ho2a')).toEqual(['hòa']);
  });
});
