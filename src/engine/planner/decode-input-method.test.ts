import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { analyzeSegments } from './analyze-segments.js';
import { decodeTypedInputMethod, WORD_DOCUMENTS } from './decode-input-method.js';

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

  it('leaves a word the corpus writes as typed when only a tone key would decode it (cast, not cát), unless its reading pairs with a neighbour', () => {
    const lx = lexiconOf([
      // Over 5,000 documents, so that 2 documents are rare (RARE_DOCUMENTS).
      ...repeat('bãi cát vàng', 300), ...repeat('tiền đạo Công Vinh ghi bàn', 300), ...repeat('công ty', 4500),
      ...repeat('the cast of the film', 2), ...repeat('Congo xung đột', 2),
    ]);
    const run = (q: string) => {
      const { syllables } = analyzeSegments(parseQuerySyntax(q));
      decodeTypedInputMethod(syllables, lx);
      return syllables.map((x) => (x.decoded ? x.exact : `(${x.exact})`)).join(' ');
    };
    expect(lx.df('cast')).toBeGreaterThanOrEqual(WORD_DOCUMENTS);
    expect(run('cast')).toBe('(cast)');
    expect(run('congo')).toBe('(congo)');
    expect(run('congo vinh')).toBe('công (vinh)');
    // A word the corpus does not know is decoded as before.
    expect(run('casts')).toBe('(casts)');
    expect(run('cats')).toBe('cát');
  });

  it('does not decode what was typed with diacritics', () => {
    expect(decode('Hà nooij')).toBe('(hà) nội');
  });
});
