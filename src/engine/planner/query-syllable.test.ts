import { describe, expect, it } from 'vitest';
import { parseQuerySyntax } from '../query-syntax.js';
import { analyzeSegments } from './analyze-segments.js';
import { interpretation } from './query-syllable.js';

describe('interpretation', () => {
  it('is undefined when nothing was decoded or restored', () => {
    expect(interpretation(analyzeSegments(parseQuerySyntax('ha noi')).syllables)).toBeUndefined();
  });

  it('spells restored and decoded syllables, the others as typed', () => {
    const { syllables } = analyzeSegments(parseQuerySyntax('chinh phu VN'));
    syllables[0].restored = 'chính';
    syllables[1].exact = 'phủ'; syllables[1].decoded = true;
    expect(interpretation(syllables)).toBe('chính phủ vn');
  });
});
