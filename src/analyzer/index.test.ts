import { describe, it, expect } from 'vitest';
import * as analyzer from './index.js';

describe('analyzer index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'normalizeText', 'canonicalSyllable', 'foldDiacritics', 'tokenize', 'forEachToken', 'analyzeQueryText', 'isAccented',
      'decodeTelex', 'decodeVni', 'decodeInputMethod', 'parseSynonymsFile', 'parseSyllable', 'classOfCode',
    ] as const) {
      expect(typeof analyzer[name], name).toBe('function');
    }
    expect(analyzer.ANALYZER_VERSION).toBe('vi-2');
    expect(Array.isArray(analyzer.BUILTIN_ABBREVIATIONS)).toBe(true);
  });

  it('works end to end', () => {
    const tokens = analyzer.analyzeQueryText('Hoà Bình');
    expect(tokens.map((t) => [t.exact, t.folded, t.joined])).toEqual([
      ['hòa', 'hoa', false],
      ['bình', 'binh', true],
    ]);
  });
});
