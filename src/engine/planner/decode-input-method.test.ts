import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { analyzeSegments } from './analyze-segments.js';
import { decodeTypedInputMethod } from './decode-input-method.js';

// `ddi` and `cos` occur as typed (typos, an abbreviation), as in any real archive.
const lexicon = lexiconOf([
  ...repeat('người đi bộ có thể qua đường ở hà nội', 3),
  'ddi cos',
]);

const decode = (q: string) => {
  const { syllables } = analyzeSegments(parseQuerySyntax(q));
  decodeTypedInputMethod(syllables, lexicon);
  return syllables.map((s) => (s.decoded ? s.exact : `(${s.exact})`)).join(' ');
};

describe('decodeTypedInputMethod', () => {
  it('decodes a query typed in Telex or VNI', () => {
    expect(decode('haf nooij')).toBe('hà nội');
    expect(decode('ha2 no6i5')).toBe('hà nội');
  });

  it('leaves a query without an unmistakable syllable as typed', () => {
    expect(decode('ha noi')).toBe('(ha) (noi)');
    expect(decode('ddi cos')).toBe('(ddi) (cos)');
    expect(decode('facebook')).toBe('(facebook)');
  });

  it('decodes, in a query that is unmistakably Telex, also syllables the corpus knows as typed', () => {
    expect(lexicon.df('ddi')).toBe(1);
    expect(decode('nguowif ddi booj')).toBe('người đi bộ');
    expect(decode('cos theer')).toBe('có thể');
  });

  it('decodes only with the scheme the query is typed in, and only readings the corpus knows', () => {
    expect(decode('nguoi72 ddi bo65')).toBe('người (ddi) bộ');
    expect(decode('nguowif xyzf')).toBe('người (xyzf)');
  });

  it('does not decode what was typed with diacritics', () => {
    expect(decode('Hà nooij')).toBe('(hà) nội');
  });
});
