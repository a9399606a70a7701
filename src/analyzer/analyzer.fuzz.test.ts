import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyQuery, codeUnit, hostileQuery, longQuery, markStorm } from '../../test/support/arbitraries.js';
import { analyzeQueryText } from './analyze.js';
import { decodeInputMethod } from './input-method.js';
import { normalizeText } from './normalize.js';
import { MAX_TOKEN_LENGTH, tokenize } from './tokenize.js';

/** Runs per property; 6 properties here → 6 × RUNS generated inputs. */
const RUNS = 1000;

/** NFC expands a string by at most a factor of 3 (Unicode's stated bound). */
const NFC_MAX_EXPANSION = 3;

describe('analyzer properties (fuzzed)', () => {
  it('normalizeText never throws and returns bounded, well-formed NFC text', () => {
    fc.assert(fc.property(fc.oneof(anyQuery, fc.string({ unit: codeUnit, maxLength: 300 })), (s) => {
      const n = normalizeText(s);
      expect(n.length).toBeLessThanOrEqual(s.length * NFC_MAX_EXPANSION);
      expect(n.isWellFormed()).toBe(true);
      expect(n).toBe(n.normalize('NFC'));
      expect(normalizeText(n)).toBe(n);
    }), { numRuns: RUNS });
  });

  it('tokenize never throws; tokens are bounded, ordered and inside the input', () => {
    fc.assert(fc.property(fc.oneof(anyQuery, markStorm.map((s) => s.repeat(20))), (s) => {
      const text = normalizeText(s);
      const tokens = tokenize(text);
      expect(tokens.length).toBeLessThanOrEqual(text.length);
      let prevEnd = 0;
      const bad = tokens.filter((t, i) => {
        const ok = t.start >= prevEnd && t.end > t.start && t.end <= text.length
          && t.exact.length > 0 && t.exact.length <= MAX_TOKEN_LENGTH && t.folded.length > 0 && t.folded.length <= MAX_TOKEN_LENGTH
          && t.exact.isWellFormed() && t.folded.isWellFormed() && (i > 0 || !t.joined);
        prevEnd = t.end;
        return !ok;
      });
      expect(bad).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('analyzeQueryText equals tokenize ∘ normalizeText and is stable under re-analysis of its output', () => {
    fc.assert(fc.property(hostileQuery(20), (s) => {
      const tokens = analyzeQueryText(s);
      expect(tokens).toEqual(tokenize(normalizeText(s)));
      // Analyzing the exact forms again gives the same folded forms (the index and the query agree).
      for (const t of tokens) {
        const again = analyzeQueryText(t.exact);
        if (again.length === 1 && t.kind === 'word') expect(again[0].folded).toBe(t.folded);
      }
    }), { numRuns: RUNS });
  });

  it('analyzeQueryText handles 10,000-character and 500+-term inputs', () => {
    fc.assert(fc.property(longQuery, (s) => {
      const tokens = analyzeQueryText(s);
      expect(tokens.length).toBeLessThanOrEqual(s.length);
    }), { numRuns: 50 });
  });

  it('decodeInputMethod never throws and returns at most two distinct short readings', () => {
    const word = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: codeUnit, maxLength: 20 }));
    fc.assert(fc.property(word, (w) => {
      const out = decodeInputMethod(w);
      expect(out.length).toBeLessThanOrEqual(2);
      expect(new Set(out).size).toBe(out.length);
      for (const d of out) expect(d.length).toBeLessThanOrEqual(w.length * 2);
    }), { numRuns: RUNS });
  });

  it('decodeInputMethod decodes Telex / VNI words to NFC text', () => {
    fc.assert(fc.property(fc.stringMatching(/^[bcdghklmnpqrstvx]{0,2}[aeiouy]{1,3}[aeowd]?[0-9sfrxj]?$/), (w) => {
      for (const d of decodeInputMethod(w)) expect(d).toBe(d.normalize('NFC'));
    }), { numRuns: RUNS });
  });
});
