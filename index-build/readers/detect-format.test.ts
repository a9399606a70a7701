import { describe, expect, it } from 'vitest';
import { looksLikeSeedFormat, SEED_DATE_LINE } from './detect-format.js';

describe('SEED_DATE_LINE', () => {
  it('matches dd/mm/yyyy - HH:MM with flexible spacing and one-digit day/month', () => {
    expect(SEED_DATE_LINE.exec('08/10/2011 - 08:15')?.slice(1)).toEqual(['08', '10', '2011', '08', '15']);
    expect(SEED_DATE_LINE.test('8/1/2011-8:05')).toBe(true);
    expect(SEED_DATE_LINE.test('08/10/2011')).toBe(false);
    expect(SEED_DATE_LINE.test('Ngày 08/10/2011 - 08:15')).toBe(false);
  });
});

describe('looksLikeSeedFormat', () => {
  it('is true when the first non-empty line is a seed date', () => {
    expect(looksLikeSeedFormat('08/10/2011 - 08:15\n\nTitle')).toBe(true);
    expect(looksLikeSeedFormat('\n  \n 08/10/2011 - 08:15 \nTitle')).toBe(true);
  });
  it('is false for title-first text and blank text', () => {
    expect(looksLikeSeedFormat('Kết quả xổ số ngày 6/2/2017\nSapo\nBody')).toBe(false);
    expect(looksLikeSeedFormat('Title\n08/10/2011 - 08:15')).toBe(false);
    expect(looksLikeSeedFormat('  \n\n')).toBe(false);
    expect(looksLikeSeedFormat('')).toBe(false);
  });
});
