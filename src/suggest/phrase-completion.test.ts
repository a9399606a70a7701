import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../index-build/build-lexicon.js';
import { TermCollector } from '../index-format/term-collector.js';
import { Lexicon } from '../index-format/lexicon.js';
import { completePhrases } from './phrase-completion.js';

/** A lexicon over a few sentences (each one document). */
function lexiconOf(docs: string[]): Lexicon {
  const c = new TermCollector();
  for (const d of docs) c.add([], [d]);
  const bytes = buildLexicon(c);
  return new Lexicon(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

const lexicon = lexiconOf([
  'Thành phố Hồ Chí Minh và thành phố Hà Nội.',
  'Ủy ban nhân dân thành phố họp. Thành phố đông dân.',
  'Phố cổ Hà Nội. Phố đi bộ. Người dân phường Phúc Xá.',
  'Giá vàng tăng, giá vé máy bay giảm. Giá vàng hôm nay, giá vé tàu.',
  'Thanh niên thanh khoản thanh khoản. Phương án phát triển.',
  'Đảng ủy, đảng ủy khối. Đang làm. Đang học.',
]);

const texts = (q: string, limit = 8) => completePhrases(lexicon, q, limit).map((p) => p.text);

describe('completePhrases', () => {
  it('completes the last word with the reading that follows the previous one', () => {
    expect(texts('thanh ph')[0]).toBe('thành phố');
    expect(completePhrases(lexicon, 'thanh ph', 8)[0].html).toBe('<mark>thành ph</mark>ố');
    expect(texts('ha n')[0]).toBe('hà nội');
    expect(texts('dang u')[0]).toBe('đảng ủy');
    expect(texts('gia v')).toEqual(['giá vàng', 'giá vé']);
  });

  it('changes the previous word to the reading of the pair it completes (thanh khoản, not thành khoản)', () => {
    expect(texts('thanh kh')[0]).toBe('thanh khoản');
  });

  it('keeps the diacritics typed, and the case', () => {
    expect(texts('giá và')).toEqual(['giá vàng']);
    expect(texts('Thanh ph')[0]).toBe('Thành phố');
    expect(texts('THANH PH')[0]).toBe('THÀNH PHỐ');
  });

  it('completes one word by document frequency, with its most frequent reading', () => {
    const one = texts('ph');
    expect(one[0]).toBe('phố');
    expect(one).toContain('phương');
    expect(one).not.toContain('phường'); // one reading per folded word: phuong → phương (more frequent)
  });

  it('predicts the next word after a complete word and a space', () => {
    expect(texts('thanh ')[0]).toBe('thành phố');
    expect(completePhrases(lexicon, 'thanh ', 8)[0].html).toBe('<mark>thành</mark> phố');
  });

  it('returns nothing it cannot complete, and never more than asked', () => {
    expect(texts('')).toEqual([]);
    expect(texts('p')).toEqual([]); // a lone letter says too little
    expect(texts('xyzq')).toEqual([]);
    expect(texts('2019')).toEqual([]);
    expect(texts('ph', 2)).toHaveLength(2);
    expect(texts('ph', 0)).toEqual([]);
  });

  it('escapes what the user typed', () => {
    const [p] = completePhrases(lexicon, '<i>&thanh ph', 8);
    expect(p.text).toBe('<i>&thành phố');
    expect(p.html).toBe('<mark>&lt;i&gt;&amp;thành ph</mark>ố');
  });

  it('never throws on odd input', () => {
    for (const q of ['\ud800', '"', '- -', 'a'.repeat(600), 'thanh'.repeat(100) + ' ph', '\u0301ph', 'ph\u0000', '  thanh   ph  ']) {
      expect(() => completePhrases(lexicon, q, 10)).not.toThrow();
    }
  });
});
