import { describe, expect, it } from 'vitest';
import { bigramKey, exactKey, foldedKey } from '../../index-format/term-keys.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { analyzeSegments } from './analyze-segments.js';
import { LIMITS } from './limits.js';

const analyze = (q: string) => analyzeSegments(parseQuerySyntax(q));

describe('analyzeSegments', () => {
  it('makes one syllable per token, adjacent within a segment, marked when accented', () => {
    const { syllables } = analyze('Hà noi "chính phủ"');
    expect(syllables.map((s) => [s.exact, s.folded, s.accented, s.adjacent, s.quoted, s.segment])).toEqual([
      ['hà', 'ha', true, false, false, 0],
      ['noi', 'noi', false, true, false, 0],
      ['chính', 'chinh', true, false, true, 1],
      ['phủ', 'phu', true, true, true, 1],
    ]);
  });

  it('turns -word into its exact or folded key and -"phrase" into its pairs', () => {
    expect(analyze('a -Đảng -dang -"ha noi"').excluded).toEqual([exactKey('đảng'), foldedKey('dang'), bigramKey('ha', 'noi')]);
  });

  it('plans at most maxSyllables syllables and counts the rest', () => {
    const r = analyze(Array.from({ length: LIMITS.maxSyllables + 5 }, () => 'ha').join(' '));
    expect(r.syllables).toHaveLength(LIMITS.maxSyllables);
    expect(r.truncated).toBe(5);
  });
});
