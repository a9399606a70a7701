import { describe, expect, it } from 'vitest';
import { mapConcurrent } from './map-concurrent.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrent', () => {
  it('keeps input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await mapConcurrent(
      [5, 1, 4, 2, 3, 0, 2, 1],
      3,
      async (n, i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick(n);
        inFlight--;
        return `${i}:${n}`;
      },
      (done, total) => {
        expect(total).toBe(8);
        progress.push(done);
      },
    );
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:2', '7:1']);
    expect(peak).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('handles an empty list', async () => {
    expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
  });
  it('rejects when a call fails', async () => {
    await expect(
      mapConcurrent([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('bad item');
        return n;
      }),
    ).rejects.toThrow('bad item');
  });
});
