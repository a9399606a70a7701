import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { planQuery } from '../planner.js';
import { SynonymTable } from '../synonym-table.js';
import { isCollocation } from './collocations.js';

// "hà nội" always together; "bão" and "miền" each common, never side by side; "miền trung" together.
const CORPUS = [
  ...repeat('bão số 3 đổ bộ', 6),
  ...repeat('hà nội mưa lớn', 6),
  ...repeat('miền trung mưa lớn', 4),
  ...repeat('người dân miền núi', 4),
  ...repeat('hà tĩnh lúa nội đồng', 2),
  ...repeat('mưa bão kéo dài nhiều ngày ở các tỉnh', 4),
];
const lexicon = lexiconOf(CORPUS);
const bound = (q: string) => planQuery(q, { lexicon, synonyms: new SynonymTable() }).plan.coverage?.bound;

describe('collocations', () => {
  it('binds a pair seen together far more often than chance, not one never seen together', () => {
    expect(isCollocation(lexicon, 'hà', 'nội')).toBe(true);
    expect(isCollocation(lexicon, 'miền', 'trung')).toBe(true);
    expect(isCollocation(lexicon, 'bão', 'miền')).toBe(false);
    expect(isCollocation(lexicon, 'nội', 'đồng')).toBe(false); // seen twice only
  });

  it('marks the bound syllables of a query, typed with or without diacritics', () => {
    expect(bound('bão miền trung')).toEqual([false, false, true]);
    expect(bound('bao mien trung')).toEqual([false, false, true]);
    expect(bound('ha noi')).toEqual([false, true]);
  });

  it('binds only syllables typed side by side', () => {
    expect(bound('hà, nội')).toEqual([false, false]);
  });
});
