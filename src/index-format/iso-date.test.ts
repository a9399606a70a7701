import { describe, expect, it } from 'vitest';
import { isIsoDate, isValidDateParts } from './iso-date.js';

describe('isValidDateParts', () => {
  it('accepts real dates and times', () => {
    expect(isValidDateParts(2011, 10, 8, 8, 15)).toBe(true);
    expect(isValidDateParts(2012, 2, 29)).toBe(true);
    expect(isValidDateParts(2011, 12, 31, 23, 59)).toBe(true);
  });
  it('rejects impossible ones', () => {
    expect(isValidDateParts(2011, 2, 29)).toBe(false);
    expect(isValidDateParts(2011, 13, 1)).toBe(false);
    expect(isValidDateParts(2011, 4, 31)).toBe(false);
    expect(isValidDateParts(2011, 1, 0)).toBe(false);
    expect(isValidDateParts(2011, 1, 1, 24, 0)).toBe(false);
    expect(isValidDateParts(2011, 1, 1, 12, 60)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it.each(['2020-10-01', '2020-10-01T08:15', '2020-10-01T08:15:30', '2020-10-01T08:15:30.123Z', '2020-10-01T08:15:30+07:00'])(
    'accepts %s',
    (s) => expect(isIsoDate(s)).toBe(true),
  );
  it.each(['hôm qua', '01/10/2020', '2020-1-1', '2020-02-30', '2020-10-01 08:15', '2020-10-01T25:00', '2020-10-01T08:15:61', ''])(
    'rejects %j',
    (s) => expect(isIsoDate(s)).toBe(false),
  );
});
