import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare-code-points.js';

describe('compareCodePoints', () => {
  it('orders ASCII like plain comparison', () => {
    expect(['b', 'a/b.txt', 'a.txt', 'A', 'a'].sort(compareCodePoints)).toEqual(['A', 'a', 'a.txt', 'a/b.txt', 'b']);
  });
  it('puts astral characters after U+E000..U+FFFF (code-point, not UTF-16, order)', () => {
    const astral = '\u{1F600}'; // surrogate pair D83D DE00
    const bmpHigh = '\uFF21'; // FULLWIDTH A
    expect([astral, bmpHigh].sort()).toEqual([astral, bmpHigh]); // UTF-16 order
    expect([astral, bmpHigh].sort(compareCodePoints)).toEqual([bmpHigh, astral]);
  });
  it('treats a prefix as smaller and equal strings as 0', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('Đà Nẵng', 'Đà Nẵng')).toBe(0);
  });
});
