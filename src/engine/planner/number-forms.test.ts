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

  it.each(['999', '0123', '4,5', '1.5', '1.0000', '12.34', '1,000', 'u23'])('has no other form for %s', (x) => {
    expect(otherNumberForm(x)).toBeNull();
  });
});

describe('preferCommonNumberForms', () => {
  const lexicon = lexiconOf([
    ...repeat('chi 1.000 tỷ đồng', 20), ...repeat('hơn 1000 tỷ', 2), ...repeat('giá 2500 đồng', 3), ...repeat('năm 2017', 5),
    ...repeat('từ năm 2000 đến nay', 30), ...repeat('thưởng 2.000 USD', 4), ...repeat('lãi 2.017 tỷ', 1),
  ]);
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
    expect(run('2017')[0].exact).toBe('2017');
    expect(run('"1000" tỷ')[0].exact).toBe('1000');
  });
});

describe('preferCommonNumberForms beside other words', () => {
  const lexicon = lexiconOf([...repeat('từ năm 2000 đến nay', 30), ...repeat('thưởng 2.000 USD', 4), ...repeat('2000 USD', 1)]);
  const run = (q: string) => {
    const { syllables } = analyzeSegments(parseQuerySyntax(q));
    preferCommonNumberForms(syllables, lexicon);
    return syllables.map((x) => x.exact).join(' ');
  };

  it('reads a number that could be a year as the corpus writes it next to the query\'s words', () => {
    expect(run('2000 usd')).toBe('2.000 usd');
    expect(run('năm 2000')).toBe('năm 2000');
    expect(run('2000')).toBe('2000');
  });
});
