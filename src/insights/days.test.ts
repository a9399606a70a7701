import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayRange, daysBetween, isDayKey, parseUtcOffset, startOfDay } from './days.js';

describe('days', () => {
  it('parses UTC offsets', () => {
    expect(parseUtcOffset('+07:00')).toBe(420);
    expect(parseUtcOffset('+7')).toBe(420);
    expect(parseUtcOffset('-03:30')).toBe(-210);
    expect(parseUtcOffset('+0530')).toBe(330);
    expect(parseUtcOffset('Z')).toBe(0);
    for (const bad of ['', '7', '+25:00', '+07:75', 'Asia/Ho_Chi_Minh', undefined]) expect(parseUtcOffset(bad), String(bad)).toBeNull();
  });

  it('puts an instant on the day of the offset', () => {
    const t = Date.parse('2026-03-01T18:30:00Z'); // 01:30 on March 2nd in Vietnam
    expect(dayOf(t, 0)).toBe('2026-03-01');
    expect(dayOf(t, 420)).toBe('2026-03-02');
    expect(startOfDay('2026-03-02', 420)).toBe(Date.parse('2026-03-01T17:00:00Z'));
    expect(dayOf(startOfDay('2026-03-02', 420), 420)).toBe('2026-03-02');
    expect(dayOf(startOfDay('2026-03-02', 420) - 1, 420)).toBe('2026-03-01');
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysBetween('2024-01-02', '2024-01-01')).toBe(0);
    expect(dayRange('2023-12-30', '2024-01-02')).toEqual(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02']);
    expect(isDayKey('2024-02-29')).toBe(true);
    expect(isDayKey('2023-02-29')).toBe(false);
    expect(isDayKey('2024-2-1')).toBe(false);
  });
});
