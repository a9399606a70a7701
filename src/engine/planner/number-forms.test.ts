import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { analyzeSegments } from './analyze-segments.js';
import { numberAlternatives, otherNumberForm, preferCommonNumberForms } from './number-forms.js';

describe('otherNumberForm', () => {
  it.each([
    ['1000', '1.000'], ['2500', '2.500'], ['10000000', '10.000.000'], ['123456', '123.456'],
    ['1.000', '1000'], ['10.000.000', '10000000'], ['2.500', '2500'],
  ])('%s ↔ %s', (a, b) => expect(otherNumberForm(a)).toBe(b));

  it.each(['2017', '1975', '2099', '1900', '999', '0123', '4,5', '1.5', '1.0000', '12.34', '1,000', 'u23'])('leaves %s alone', (x) => {
    expect(otherNumberForm(x)).toBeNull();
  });

  it('writes other four-digit numbers with a dot (amounts)', () => {
    expect(otherNumberForm('1899')).toBe('1.899');
    expect(otherNumberForm('2100')).toBe('2.100');
  });
});

describe('preferCommonNumberForms', () => {
  const lexicon = lexiconOf([...repeat('chi 1.000 tỷ đồng', 20), ...repeat('hơn 1000 tỷ', 2), ...repeat('giá 2500 đồng', 3), ...repeat('năm 2017', 5)]);
  const run = (q: string) => {
    const { syllables } = analyzeSegments(parseQuerySyntax(q));
    preferCommonNumberForms(syllables, lexicon);
    return syllables;
  };

  it('searches a number the way the corpus writes it more often, the other way as an alternative', () => {
    const s = run('1000 tỷ');
    expect(s.map((x) => x.exact)).toEqual(['1.000', 'tỷ']);
    expect(numberAlternatives(s)).toEqual([{ start: 0, end: 1, alternatives: [{ folded: ['1000'], exact: ['1000'] }] }]);
    const t = run('1.000 tỷ');
    expect(t.map((x) => x.exact)).toEqual(['1.000', 'tỷ']);
    expect(numberAlternatives(t)[0].alternatives[0].folded).toEqual(['1000']);
  });

  it('keeps the form typed when the other is rarer, and adds no alternative the corpus lacks', () => {
    const s = run('2500');
    expect(s[0].exact).toBe('2500');
    expect(numberAlternatives(s)).toEqual([]);
    expect(run('2017')[0].numberAlternative).toBeUndefined();
    expect(run('"1000" tỷ')[0].exact).toBe('1000');
  });
});
