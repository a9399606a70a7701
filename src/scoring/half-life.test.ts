import { describe, expect, it } from 'vitest';
import { parseHalfLife } from './half-life.js';

const DAY = 24 * 60;

describe('parseHalfLife', () => {
  it('reads a number and a unit of hours, days, weeks or years', () => {
    expect(parseHalfLife('12h')).toBe(12 * 60);
    expect(parseHalfLife('30d')).toBe(30 * DAY);
    expect(parseHalfLife(' 2W ')).toBe(14 * DAY);
    expect(parseHalfLife('1.5y')).toBe(1.5 * 365 * DAY);
  });

  it('refuses other spellings, zero and values out of range', () => {
    for (const bad of ['', '30', 'd', '30 days', '30m', '-1d', '0d', '0.5h', '101y', '1e3d', 'true']) expect(parseHalfLife(bad), bad).toBeNull();
    expect(parseHalfLife('1h')).toBe(60);
    expect(parseHalfLife('100y')).toBe(100 * 365 * DAY);
  });
});
