import { describe, expect, it } from 'vitest';
import { commandLine, cpuSecondsOf, descendants, loadAverage, openFds, rssMb, slope, workerdPids, workerdRssMb } from './proc.js';

describe('slope', () => {
  it('is the least-squares slope, 0 for flat or single samples', () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 7 }, { x: 5, y: 7 }])).toBe(0);
    expect(slope([{ x: 0, y: 7 }])).toBe(0);
  });
});

describe('/proc readings', () => {
  it('finds no workerd under a process without children, and lists descendants of init', () => {
    expect(workerdRssMb(process.pid).mb).toBe(0);
    expect(workerdPids()).toEqual([]);
    expect(descendants(1).some((p) => p.pid === process.pid)).toBe(true);
  });

  it('reads this process: memory, descriptors, command line, CPU time; nothing for a gone process', () => {
    expect(rssMb(process.pid)).toBeGreaterThan(10);
    expect(openFds(process.pid)).toBeGreaterThan(2);
    expect(commandLine(process.pid)).toContain('node');
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(0);
    const gone = 2 ** 22 + 12345; // above Linux's pid_max
    expect([rssMb(gone), openFds(gone), commandLine(gone), cpuSecondsOf(gone)]).toEqual([0, 0, '', null]);
    expect(loadAverage()).toHaveLength(3);
  });
});
