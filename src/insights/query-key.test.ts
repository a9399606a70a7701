import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, midWordPrefixes, queryKey, truncateKey } from './query-key.js';

describe('queryKey', () => {
  it('stores the analyzed, folded query, never the text as typed', () => {
    expect(queryKey('Hà  Nội!!')).toEqual({ key: 'ha noi', accented: true });
    expect(queryKey('ha noi')).toEqual({ key: 'ha noi', accented: false });
    expect(queryKey('  TP.HCM   Covid-19 ')).toEqual({ key: 'tphcm covid 19', accented: false });
    expect(queryKey('ĐÀ NẴNG').key).toBe('da nang');
    expect(queryKey('hoà').key).toBe(queryKey('hòa').key);
  });

  it('keeps the query language: phrases and exclusions', () => {
    expect(queryKey('"giá vàng" -SJC').key).toBe('"gia vang" -sjc');
    expect(queryKey('bóng đá -"u23 việt nam"').key).toBe('bong da -"u23 viet nam"');
    expect(queryKey('thời tiết -covid-19').key).toBe('thoi tiet -"covid 19"');
  });

  it('is empty for a query without words (browse by filters)', () => {
    expect(queryKey('').key).toBe('');
    expect(queryKey('  !!! ').key).toBe('');
    expect(queryKey('""').key).toBe('');
  });

  it('caps the length at a word boundary', () => {
    const long = queryKey('nghị quyết '.repeat(40));
    expect(long.key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(long.key.endsWith('…')).toBe(true);
    expect(long.key.slice(0, -1).trim().split(' ').every((w) => w === 'nghi' || w === 'quyet')).toBe(true);
    expect(truncateKey('a'.repeat(200))).toBe(`${'a'.repeat(MAX_KEY_LENGTH - 1)}…`);
    const emoji = truncateKey('😀'.repeat(100));
    expect(emoji.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('midWordPrefixes', () => {
  it('lists the prefixes that stop inside a word', () => {
    expect(midWordPrefixes('ha noi')).toEqual(['h', 'ha n', 'ha no']);
    expect(midWordPrefixes('u23')).toEqual(['u', 'u2']);
    expect(midWordPrefixes('"gia vang"')).toEqual(['"g', '"gi', '"gia v', '"gia va', '"gia van']);
    expect(midWordPrefixes('a b')).toEqual([]);
  });
});
