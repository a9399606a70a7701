import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedEditDistance } from './fuzzy.js';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(boundedEditDistance('ronaldo', 'ronaldo', 2)).toBe(0);
    expect(boundedEditDistance('ronaldoo', 'ronaldo', 2)).toBe(1);
    expect(boundedEditDistance('vietlot', 'vietlott', 2)).toBe(1);
    expect(boundedEditDistance('vietlott', 'veitlott', 2)).toBe(1);
    expect(boundedEditDistance('thanh', 'thang', 2)).toBe(1);
    expect(boundedEditDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });
  it('stops early beyond the bound', () => {
    expect(boundedEditDistance('a'.repeat(60), 'b'.repeat(60), 1)).toBe(2);
    expect(boundedEditDistance('x'.repeat(100), 'y'.repeat(100), 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('never allows typos on short syllables', () => {
    expect(allowedEdits('dang')).toBe(0);
    expect(allowedEdits('nghieng')).toBe(1);
    expect(allowedEdits('vinamilk')).toBe(2);
  });
});
