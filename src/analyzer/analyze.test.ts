import { describe, it, expect } from 'vitest';
import { analyzeQueryText, isAccented } from './analyze.js';
import { tokenize } from './tokenize.js';

describe('analyzeQueryText', () => {
  it('normalizes then tokenizes', () => {
    expect(analyzeQueryText('  Hoà  BÌNH ').map((t) => t.exact)).toEqual(['hòa', 'bình']);
    expect(analyzeQueryText('\u00D0à N\u1EB5ng\u200B').map((t) => t.exact)).toEqual(['đà', 'nẵng']);
  });

  it('gives NFC and NFD queries identical tokens, offsets included', () => {
    const q = 'Nguyễn Thị Thuỷ, TP.HCM 08/10/2011';
    expect(analyzeQueryText(q.normalize('NFD'))).toEqual(analyzeQueryText(q));
  });

  it('analyzes a query like the same text in a document', () => {
    const text = 'Giá xăng tăng 1.234 đồng từ 8/10/2011 tại TP.HCM';
    expect(analyzeQueryText(text)).toEqual(tokenize(text));
  });

  it('never throws', () => {
    expect(analyzeQueryText('\uD800')).toEqual([]);
    expect(() => analyzeQueryText('\u0301'.repeat(5000) + '\uDFFF'.repeat(5000))).not.toThrow();
  });
});

describe('isAccented', () => {
  it('is true when the token carries any diacritic or đ', () => {
    const [hoa, hoaAccent, dang, tu, number] = analyzeQueryText('hoa hòa đang T.Ư 1.234');
    expect(isAccented(hoa)).toBe(false);
    expect(isAccented(hoaAccent)).toBe(true);
    expect(isAccented(dang)).toBe(true);
    expect(isAccented(tu)).toBe(true);
    expect(isAccented(number)).toBe(false);
  });
});
