import { describe, expect, it } from 'vitest';
import { isolatesChange, isolatesTable, sumIsolates, type IsolatesReadings } from './isolates-report.js';

const readings: IsolatesReadings = {
  count: 4,
  before: [
    { id: 'core:entry', usedMb: 1.2, totalMb: 1.9 },
    { id: 'assets:router:vn-search', usedMb: 1.3, totalMb: 1.7 },
    { id: 'assets:assets-service:vn-search', usedMb: 18.4, totalMb: 66.9 },
    { id: 'cache:0', usedMb: 0.7, totalMb: 1.5 },
  ],
  after: [
    { id: 'core:entry', usedMb: 2.9, totalMb: 5.9 },
    { id: 'assets:router:vn-search', usedMb: 3, totalMb: 3.7 },
    { id: 'assets:assets-service:vn-search', usedMb: 18.4, totalMb: 66.9 },
  ],
};

describe('isolates report', () => {
  it('sums heaps', () => {
    expect(sumIsolates(readings.before)).toEqual({ usedMb: 21.6, totalMb: 72 });
    expect(sumIsolates([])).toEqual({ usedMb: 0, totalMb: 0 });
  });

  it('compares only the isolates read both times and names the largest changes', () => {
    const c = isolatesChange(readings, 2);
    expect(c.answered).toBe(3);
    expect(c.before).toEqual({ usedMb: 20.9, totalMb: 70.5 });
    expect(c.after).toEqual({ usedMb: 24.3, totalMb: 76.5 });
    expect(c.largest).toEqual([
      { id: 'core:entry', beforeMb: 1.9, afterMb: 5.9 },
      { id: 'assets:router:vn-search', beforeMb: 1.7, afterMb: 3.7 },
    ]);
  });

  it('tabulates every server, saying how many isolates answered', () => {
    const t = isolatesTable({ off: readings, control: { count: 2, before: [], after: [] } });
    expect(t).toContain('| off');
    expect(t).toContain('3 of 4');
    expect(t).toContain('70.5 → 76.5 MB');
    expect(t).toContain('+6 MB');
    expect(t).toContain('core:entry 1.9 → 5.9');
    expect(t).toMatch(/\| control +\| +0 of 2/);
    expect(isolatesTable({})).toBe('');
  });
});
