import { describe, expect, it } from 'vitest';
import { BUILTIN_ABBREVIATIONS } from './abbreviations.js';
import { BUILTIN_ALIASES } from './aliases.js';
import { analyzeQueryText } from './analyze.js';
import { normalizeText } from './normalize.js';
import { canonicalSyllable } from './tone.js';

const canonical = (s: string) => normalizeText(s).toLowerCase().split(' ').map(canonicalSyllable).join(' ');
const key = (s: string) => analyzeQueryText(s).map((t) => t.folded).join(' ');

describe('BUILTIN_ALIASES', () => {
  it('stores both sides lower-case, NFC, single-spaced, with canonical tone placement, and no duplicate rule', () => {
    for (const rule of BUILTIN_ALIASES) {
      for (const side of rule) {
        expect(side).toBe(canonical(side));
        expect(side).not.toMatch(/\s\s/);
        expect(analyzeQueryText(side).length).toBeGreaterThan(0);
      }
      expect(key(rule[0]), rule.join(' = ')).not.toBe(key(rule[1]));
    }
    const rules = BUILTIN_ALIASES.map(([a, b]) => `${key(a)}=${key(b)}`);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('covers organizations, countries, clubs and people', () => {
    const forms = new Set(BUILTIN_ALIASES.flat());
    for (const f of ['who', 'nato', 'hoa kỳ', 'barca', 'pháo thủ', 'manchester united', 'cristiano ronaldo', 'công phượng']) expect(forms.has(f), f).toBe(true);
  });

  it('does not repeat a built-in abbreviation', () => {
    const abbreviations = new Set(BUILTIN_ABBREVIATIONS.map(([a, e]) => `${key(a)}=${key(e)}`));
    for (const [a, b] of BUILTIN_ALIASES) expect(abbreviations.has(`${key(a)}=${key(b)}`), `${a} = ${b}`).toBe(false);
  });

  it('leaves out forms that also mean something else in news text', () => {
    const forms = new Set(BUILTIN_ALIASES.flat().map(key));
    for (const ambiguous of ['anh', 'nhat', 'lao', 'nga', 'bv', 'ts']) expect(forms.has(ambiguous), ambiguous).toBe(false);
  });
});
