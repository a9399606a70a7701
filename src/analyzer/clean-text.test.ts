import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, nonEmptyLines } from './clean-text.js';

describe('cleanText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(cleanText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
  it('normalizes decomposed Vietnamese to NFC', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    expect(nfd).not.toBe('Việt Nam');
    expect(cleanText(nfd)).toBe('Việt Nam');
  });
  it('is idempotent', () => {
    const once = cleanText('Hà Nội\r\n'.normalize('NFD'));
    expect(cleanText(once)).toBe(once);
  });
});

describe('cleanLine', () => {
  it('collapses tabs, NBSP and repeated spaces, and trims', () => {
    expect(cleanLine(' \tHà\u00a0\u00a0Nội   mùa  thu \t')).toBe('Hà Nội mùa thu');
  });
  it('gives an empty string for a blank line', () => {
    expect(cleanLine(' \t\u00a0 ')).toBe('');
  });
});

describe('nonEmptyLines', () => {
  it('drops blank lines and tidies the rest', () => {
    expect(nonEmptyLines('  một \n\n \t\nhai  ba\n')).toEqual(['một', 'hai ba']);
  });
});
