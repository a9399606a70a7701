import { describe, expect, it } from 'vitest';
import { queryFoldedForms, queryPairForms } from './query-folded-forms.js';

describe('queryFoldedForms', () => {
  it('lists each syllable folded, as typed and as decoded from Telex/VNI', () => {
    expect(queryFoldedForms('Hà Nội')).toEqual(['ha', 'noi']);
    expect(queryFoldedForms('hoaf')).toContain('hoa');
  });

  it('lists a whole number written both ways, so the lexicon tail can answer for either', () => {
    expect(queryFoldedForms('1000 tỷ')).toEqual(['1000', '1.000', 'ty']);
    expect(queryFoldedForms('2.500')).toEqual(['2.500', '2500']);
    expect(queryFoldedForms('2017')).toEqual(['2017', '2.017']);
  });
});

describe('queryPairForms', () => {
  it('adds the pieces a word typed joined may start pairs with', () => {
    const forms = queryPairForms('hanoi');
    expect(forms[0]).toBe('hanoi');
    expect(forms).toContain('ha');
    expect(forms).not.toContain('noi');
  });

  it('adds nothing for words that cannot be syllables typed joined', () => {
    expect(queryPairForms('ha noi')).toEqual(queryFoldedForms('ha noi'));
    expect(queryPairForms('hànội')).toEqual(queryFoldedForms('hànội'));
  });
});
