import { describe, expect, it } from 'vitest';
import { parseQuerySyntax } from './query-syntax.js';

describe('parseQuerySyntax', () => {
  it('keeps plain text as one segment', () => {
    expect(parseQuerySyntax('ha noi')).toEqual([{ text: 'ha noi', quoted: false, negated: false }]);
  });
  it('extracts quoted phrases (straight and curly quotes)', () => {
    expect(parseQuerySyntax('tin "hà nội" mới')).toEqual([
      { text: 'tin ', quoted: false, negated: false },
      { text: 'hà nội', quoted: true, negated: false },
      { text: ' mới', quoted: false, negated: false },
    ]);
    expect(parseQuerySyntax('“Đảng”')).toEqual([{ text: 'Đảng', quoted: true, negated: false }]);
  });
  it('extracts negated words and phrases', () => {
    expect(parseQuerySyntax('bóng đá -u23 -"hà nội"')).toEqual([
      { text: 'bóng đá ', quoted: false, negated: false },
      { text: 'u23', quoted: false, negated: true },
      { text: 'hà nội', quoted: true, negated: true },
    ]);
  });
  it('treats an unbalanced quote as text and never throws', () => {
    expect(parseQuerySyntax('"hà nội')).toEqual([{ text: 'hà nội', quoted: false, negated: false }]);
    for (const q of ['"', '""', '-', '--', '- -"', '"""""', '-"']) expect(() => parseQuerySyntax(q)).not.toThrow();
    expect(parseQuerySyntax('""')).toEqual([]);
  });
  it('does not treat inner hyphens as negation', () => {
    expect(parseQuerySyntax('covid-19')).toEqual([{ text: 'covid-19', quoted: false, negated: false }]);
  });
});
