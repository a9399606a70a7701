import { describe, it, expect } from 'vitest';
import { normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it('composes NFD text to NFC', () => {
    const nfd = 'Hòa Bình, Đà Nẵng, người Việt'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(normalizeText(nfd)).toBe('Hòa Bình, Đà Nẵng, người Việt');
  });

  it('maps the Đ look-alikes to Đ / đ', () => {
    expect(normalizeText('\u00D0à N\u1EB5ng')).toBe('Đà Nẵng');
    expect(normalizeText('\u0189ảng')).toBe('Đảng');
    expect(normalizeText('\u0256ường \u00F0i')).toBe('đường đi');
    expect(normalizeText('Đđ')).toBe('Đđ');
  });

  it('removes zero-width and invisible characters', () => {
    expect(normalizeText('Hà\u200B Nội\u200C\u200D\u2060\uFEFF')).toBe('Hà Nội');
    expect(normalizeText('\uFEFFtin tức')).toBe('tin tức');
    expect(normalizeText('inter\u00ADnational')).toBe('international');
  });

  it('composes across a removed zero-width character', () => {
    expect(normalizeText('a\u200B\u0301')).toBe('á');
  });

  it('replaces lone surrogates and keeps valid pairs', () => {
    expect(normalizeText('\uD800')).toBe('\uFFFD');
    expect(normalizeText('a\uDC00b')).toBe('a\uFFFDb');
    expect(normalizeText('\uD800\uD800\uDC00')).toBe('\uFFFD\uD800\uDC00');
    expect(normalizeText('x\uDBFF')).toBe('x\uFFFD');
    expect(normalizeText('😀 Hà Nội')).toBe('😀 Hà Nội');
  });

  it('keeps case and the author tone placement', () => {
    expect(normalizeText('HOÀ Thuỷ')).toBe('HOÀ Thuỷ');
  });

  it('returns plain text unchanged', () => {
    const s = 'Kết quả xổ số ngày 6/2/2017: 1.234 người.';
    expect(normalizeText(s)).toBe(s);
    expect(normalizeText('')).toBe('');
  });

  it('never throws and always returns well-formed NFC text', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 50; round++) {
      let s = '';
      for (let i = 0; i < 2000; i++) s += String.fromCharCode(Math.floor(rand() * 0x10000));
      const out = normalizeText(s);
      expect(out.normalize('NFC')).toBe(out);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out)).toBe(false);
      expect(/[\u200B-\u200D\u2060\uFEFF\u00AD\u00D0\u00F0\u0189\u0256]/.test(out)).toBe(false);
    }
  });
});
