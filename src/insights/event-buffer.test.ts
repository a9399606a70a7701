import { describe, expect, it } from 'vitest';
import { EventBuffer } from './event-buffer.js';

/** A manual clock: sleeps resolve when `tick()` is called. */
function manualSleep() {
  const waiting: Array<() => void> = [];
  return {
    sleep: (_ms: number) => new Promise<void>((r) => waiting.push(r)),
    tick: async () => { for (const r of waiting.splice(0)) r(); await new Promise((r) => setTimeout(r, 0)); },
    get waiting() { return waiting.length; },
  };
}

describe('EventBuffer', () => {
  it('schedules one flush for the items pushed before it runs, and batches them', async () => {
    const clock = manualSleep();
    const buffer = new EventBuffer<number>({ delayMs: 100, maxBatch: 3, maxPending: 100, maxRounds: 5 }, clock.sleep);
    const sent: Array<{ items: number[]; lost: number }> = [];
    const send = async (items: number[], lost: number) => { sent.push({ items, lost }); };
    const first = buffer.push(1, send);
    expect(first).toBeInstanceOf(Promise);
    for (let i = 2; i <= 7; i++) expect(buffer.push(i, send)).toBeNull();
    expect(sent).toEqual([]); // nothing is sent on the push (the response path)
    await clock.tick();
    await first;
    expect(sent.map((s) => s.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(buffer.size).toBe(0);
    // The next push schedules a new flush.
    const next = buffer.push(8, send);
    expect(next).toBeInstanceOf(Promise);
    await clock.tick();
    await next;
    expect(sent.at(-1)!.items).toEqual([8]);
    expect(buffer.stats).toEqual({ pushed: 8, sent: 8, lost: 0, failedSends: 0 });
  });

  it('bounds memory: beyond maxPending items are dropped and reported as lost with the next batch', async () => {
    const clock = manualSleep();
    const buffer = new EventBuffer<number>({ delayMs: 1, maxBatch: 100, maxPending: 5, maxRounds: 5 }, clock.sleep);
    const sent: Array<{ items: number[]; lost: number }> = [];
    const send = async (items: number[], lost: number) => { sent.push({ items, lost }); };
    const flush = buffer.push(0, send)!;
    for (let i = 1; i < 20; i++) buffer.push(i, send);
    expect(buffer.size).toBe(5);
    await clock.tick();
    await flush;
    expect(sent).toEqual([{ items: [0, 1, 2, 3, 4], lost: 15 }]);
    expect(buffer.stats.lost).toBe(15);
  });

  it('counts a failed send as lost and reports it with the next successful batch', async () => {
    const clock = manualSleep();
    const buffer = new EventBuffer<number>({ delayMs: 1, maxBatch: 100, maxPending: 100, maxRounds: 5 }, clock.sleep);
    const sent: Array<{ items: number[]; lost: number }> = [];
    let fail = true;
    const send = async (items: number[], lost: number) => { if (fail) throw new Error('store down'); sent.push({ items, lost }); };
    const f1 = buffer.push(1, send)!;
    buffer.push(2, send);
    await clock.tick();
    await f1;
    fail = false;
    const f2 = buffer.push(3, send)!;
    await clock.tick();
    await f2;
    expect(sent).toEqual([{ items: [3], lost: 2 }]);
    expect(buffer.stats).toMatchObject({ lost: 2, failedSends: 1, sent: 1 });
  });

  it('limits the rounds of one flush; leftovers go with the next flush', async () => {
    const clock = manualSleep();
    const buffer = new EventBuffer<number>({ delayMs: 1, maxBatch: 2, maxPending: 100, maxRounds: 2 }, clock.sleep);
    const sent: number[][] = [];
    const send = async (items: number[]) => { sent.push(items); };
    const f = buffer.push(0, send)!;
    for (let i = 1; i < 7; i++) buffer.push(i, send);
    await clock.tick();
    await f;
    expect(sent).toEqual([[0, 1], [2, 3]]);
    const g = buffer.push(7, send)!;
    await clock.tick();
    await g;
    expect(sent.slice(2)).toEqual([[4, 5], [6, 7]]);
  });
});
