import { describe, it, expect } from 'vitest';
import { BUILTIN_ABBREVIATIONS, parseSynonymsFile } from './abbreviations.js';
import { analyzeQueryText } from './analyze.js';
import { normalizeText } from './normalize.js';
import { canonicalSyllable } from './tone.js';

const canonical = (s: string) => normalizeText(s).toLowerCase().split(' ').map(canonicalSyllable).join(' ');

describe('BUILTIN_ABBREVIATIONS', () => {
  it('has about fifty entries with no duplicate abbreviation', () => {
    expect(BUILTIN_ABBREVIATIONS.length).toBeGreaterThanOrEqual(50);
    const keys = BUILTIN_ABBREVIATIONS.map(([a]) => a);
    expect(new Set(keys).size).toBe(keys.length);
    const pairs = BUILTIN_ABBREVIATIONS.map(([a, e]) => `${a}=${e}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('stores both sides lower-case, NFC, single-spaced, with canonical tone placement', () => {
    for (const [abbr, expansion] of BUILTIN_ABBREVIATIONS) {
      for (const side of [abbr, expansion]) {
        expect(side).toBe(side.toLowerCase());
        expect(side).toBe(side.trim());
        expect(side).not.toMatch(/\s\s/);
        expect(side).toBe(canonical(side));
      }
      expect(expansion.length).toBeGreaterThan(abbr.length);
    }
  });

  it('has expansions that are exactly their own analyzed tokens', () => {
    for (const [, expansion] of BUILTIN_ABBREVIATIONS) {
      const tokens = analyzeQueryText(expansion);
      expect(tokens.map((t) => t.exact).join(' ')).toBe(expansion);
      expect(tokens.every((t) => t.kind === 'word')).toBe(true);
    }
  });

  it('contains the core news abbreviations', () => {
    const map = new Map(BUILTIN_ABBREVIATIONS.map(([a, e]) => [a, e]));
    expect(map.get('ubnd')).toBe('ủy ban nhân dân');
    expect(map.get('hđnd')).toBe('hội đồng nhân dân');
    expect(map.get('tphcm')).toBe('thành phố hồ chí minh');
    expect(map.get('tp hcm')).toBe('thành phố hồ chí minh');
    expect(map.get('tp')).toBe('thành phố');
    expect(map.get('csgt')).toBe('cảnh sát giao thông');
    expect(map.get('thpt')).toBe('trung học phổ thông');
    expect(map.get('đbqh')).toBe('đại biểu quốc hội');
    expect(map.get('bhxh')).toBe('bảo hiểm xã hội');
    expect(map.get('gd&đt')).toBe('giáo dục và đào tạo');
    expect(map.get('ubtvqh')).toBe('ủy ban thường vụ quốc hội');
    expect(map.get('clb')).toBe('câu lạc bộ');
    expect(map.get('tnhh')).toBe('trách nhiệm hữu hạn');
    expect(map.get('pccc')).toBe('phòng cháy chữa cháy');
    expect(map.get('vn')).toBe('việt nam');
    expect(map.has('ct')).toBe(false);
  });

  it('matches what the tokenizer produces for the dotted or spaced source forms', () => {
    expect(analyzeQueryText('TP.HCM')[0].exact).toBe('tphcm');
    expect(analyzeQueryText('TP HCM').map((t) => t.exact).join(' ')).toBe('tp hcm');
    expect(analyzeQueryText('ĐBQH')[0].exact).toBe('đbqh');
  });
});

describe('parseSynonymsFile', () => {
  it('parses pairs, skipping comments and blank lines', () => {
    const file = '# synonyms\n\nubnd = ủy ban nhân dân\r\n  # indented comment\r\nSLNA = Sông Lam Nghệ An\n';
    expect(parseSynonymsFile(file)).toEqual([
      ['ubnd', 'ủy ban nhân dân'],
      ['slna', 'sông lam nghệ an'],
    ]);
  });

  it('normalizes entries like query text', () => {
    const file = 'HAGL   =  Hoàng Anh   Gia Lai\nUBND = Uỷ ban Nhân dân\n\u00D0TQG = \u0110ội tuyển quốc gia\n' + 'bv = Bệnh viện Hoà Bình'.normalize('NFD');
    expect(parseSynonymsFile(file)).toEqual([
      ['hagl', 'hoàng anh gia lai'],
      ['ubnd', 'ủy ban nhân dân'],
      ['đtqg', 'đội tuyển quốc gia'],
      ['bv', 'bệnh viện hòa bình'],
    ]);
  });

  it('gives one pair per expansion when a line lists several', () => {
    expect(parseSynonymsFile('hn = hà nội = thủ đô')).toEqual([
      ['hn', 'hà nội'],
      ['hn', 'thủ đô'],
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseSynonymsFile('')).toEqual([]);
    expect(parseSynonymsFile('\n# only comments\n\n')).toEqual([]);
  });

  it('throws with the line number on malformed lines', () => {
    expect(() => parseSynonymsFile('a = b\n# c\nno equals sign')).toThrow(/line 3/);
    expect(() => parseSynonymsFile(' = thành phố')).toThrow(/line 1/);
    expect(() => parseSynonymsFile('ok = fine\ntp =  ')).toThrow(/line 2/);
    expect(() => parseSynonymsFile('a = b = ')).toThrow(/line 1/);
  });
});
