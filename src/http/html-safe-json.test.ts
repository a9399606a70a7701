import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlSafeJson } from './html-safe-json.js';

describe('htmlSafeJson', () => {
  it('escapes markup characters without changing the parsed value', () => {
    const json = JSON.stringify({ q: '<img src=x onerror=alert(1)> & "x"', html: '<mark>Hà Nội</mark>', sep: '\u2028\u2029' });
    const safe = htmlSafeJson(json);
    expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
    expect(safe).toContain('\\u003cimg');
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });

  it('round-trips any JSON value (fuzzed)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
      const json = JSON.stringify({ v, s: `<${s}>&` });
      const safe = htmlSafeJson(json);
      expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(safe)).toEqual(JSON.parse(json));
    }), { numRuns: 300 });
  });

  it('returns JSON without markup characters unchanged', () => {
    expect(htmlSafeJson('{"a":"b"}')).toBe('{"a":"b"}');
  });
});
