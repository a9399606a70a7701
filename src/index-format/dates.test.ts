import { describe, expect, it } from 'vitest';
import { endOfDayMinutes, isoToMinutes, minutesToYear } from './dates.js';

const DAY = 24 * 60;

describe('isoToMinutes', () => {
  it('counts whole minutes since 1970-01-01T00:00', () => {
    expect(isoToMinutes('1970-01-01')).toBe(0);
    expect(isoToMinutes('1970-01-01T00:01')).toBe(1);
    expect(isoToMinutes('1970-01-02')).toBe(DAY);
    expect(isoToMinutes('1969-12-31T23:59')).toBe(-1);
    expect(isoToMinutes('2011-10-08T08:15')! - isoToMinutes('2011-10-08')!).toBe(8 * 60 + 15);
  });

  it('keeps the wall-clock time: seconds are dropped and a zone suffix is ignored', () => {
    const local = isoToMinutes('2011-10-08T08:15');
    expect(local).not.toBeNull();
    for (const s of ['2011-10-08 08:15', '2011-10-08T08:15:59', '2011-10-08T08:15:30.123', '2011-10-08T08:15Z', '2011-10-08T08:15:00+07:00', '2011-10-08T08:15-0500']) {
      expect(isoToMinutes(s), s).toBe(local);
    }
  });

  it('sorts like the dates it encodes', () => {
    const dates = ['2011-10-08T08:15', '1999-12-31T23:59', '2011-10-08', '2024-02-29', '2000-01-01'];
    const byMinutes = [...dates].sort((a, b) => isoToMinutes(a)! - isoToMinutes(b)!);
    expect(byMinutes).toEqual([...dates].sort());
  });

  it('accepts leap days only in leap years', () => {
    expect(isoToMinutes('2024-02-29')).toBe(isoToMinutes('2024-03-01')! - DAY);
    expect(isoToMinutes('2000-02-29')).not.toBeNull();
    expect(isoToMinutes('2023-02-29')).toBeNull();
    expect(isoToMinutes('1900-02-29')).toBeNull();
  });

  it('returns null for impossible dates and times and for other formats', () => {
    for (const s of ['2011-13-01', '2011-00-10', '2011-04-31', '2011-10-00', '2011-10-08T24:00', '2011-10-08T23:60',
      '8/10/2011', '08-10-2011', '2011-10-8', '2011-10-08T', '2011-10-08T08', 'hôm nay', '']) {
      expect(isoToMinutes(s), s).toBeNull();
    }
  });

  it('tolerates surrounding whitespace', () => {
    expect(isoToMinutes(' 2011-10-08 ')).toBe(isoToMinutes('2011-10-08'));
  });
});

describe('minutesToYear', () => {
  it('gives the calendar year, including the last minute of a year and before 1970', () => {
    expect(minutesToYear(isoToMinutes('2011-10-08')!)).toBe(2011);
    expect(minutesToYear(isoToMinutes('2011-12-31T23:59')!)).toBe(2011);
    expect(minutesToYear(isoToMinutes('2012-01-01')!)).toBe(2012);
    expect(minutesToYear(-1)).toBe(1969);
  });
});

describe('endOfDayMinutes', () => {
  it('is the last minute (23:59) of a plain date, for inclusive `to` filters', () => {
    expect(endOfDayMinutes('2011-10-08')).toBe(isoToMinutes('2011-10-08T23:59'));
    expect(endOfDayMinutes('2011-10-08')).toBe(isoToMinutes('2011-10-09')! - 1);
  });

  it('keeps an explicit time as given', () => {
    expect(endOfDayMinutes('2011-10-08T08:15')).toBe(isoToMinutes('2011-10-08T08:15'));
  });

  it('returns null for an impossible date', () => {
    expect(endOfDayMinutes('2023-02-29')).toBeNull();
    expect(endOfDayMinutes('2011-10-08T25:00')).toBeNull();
  });

  it('ignores surrounding whitespace like isoToMinutes does (a date, not the start of a day)', () => {
    expect(endOfDayMinutes('2011-10-08 ')).toBe(endOfDayMinutes('2011-10-08'));
    expect(endOfDayMinutes(' 2011-10-08')).toBe(endOfDayMinutes('2011-10-08'));
  });
});
