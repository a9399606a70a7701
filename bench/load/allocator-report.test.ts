import { describe, expect, it } from 'vitest';
import type { AllocatorReading } from '../lib/allocator-probe.js';
import { AllocatorLog, summarizeAllocator, type AllocatorLabel } from './allocator-report.js';

const reading = (inUse: number, held: number, rssMb: number, anonMb: number, before?: number, cageKb = 1024): AllocatorReading => ({
  mb: { inUse, held },
  resident: { rssMb, anonMb, fileMb: rssMb - anonMb },
  windows: [{ window: '0x116600000000', anonymousKb: cageKb, writableKb: 4096, mappings: 4, names: [''] }],
  ...(before !== undefined ? { before: { rssMb: before, anonMb: before - 50, fileMb: 50 } } : {}),
});

describe('summarizeAllocator', () => {
  it('splits RSS into what tcmalloc uses, what it keeps free, and what lies outside it', () => {
    const m = new Map<AllocatorLabel, AllocatorReading>([
      ['before', reading(100, 150, 600, 550)],
      ['after', reading(101, 190, 650, 600, undefined, 11264)],
      ['released', reading(101, 110, 570, 520, 650)],
    ]);
    expect(summarizeAllocator(m)).toEqual({
      inUseBeforeMb: 100, inUseAfterMb: 101, heldBeforeMb: 150, heldAfterMb: 190,
      rssBeforeMb: 600, rssAfterMb: 650, outsideBeforeMb: 400, outsideAfterMb: 410,
      rssAfterReleaseMb: 570, releasedMb: 80,
      windows: [{ window: '0x116600000000', beforeMb: 1, afterMb: 11, changeMb: 10, writableBeforeMb: 4, writableAfterMb: 4, mappings: 4, names: [''] }],
    });
  });

  it('needs both a before and an after reading', () => {
    expect(summarizeAllocator(new Map([['before', reading(1, 2, 3, 2)]]))).toBeNull();
  });
});

describe('AllocatorLog', () => {
  it('records why it could not read, stops trying, and has no table then', async () => {
    const log = new AllocatorLog();
    await log.read('off', undefined, 'before');
    expect(log.unavailable).toMatch(/no workerd process found for off/);
    await log.read('off', process.pid, 'after'); // not tried again
    expect(log.summaries()).toEqual({});
    expect(log.table()).toBeNull();
    expect(log.windowLines()).toEqual([]);
  });
});
