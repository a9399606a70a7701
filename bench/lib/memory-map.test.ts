import { describe, expect, it } from 'vitest';
import { describeWindowChanges, memoryWindows, parseMemoryWindows, windowChanges } from './memory-map.js';

const mapping = (range: string, name: string, anonymousKb: number) =>
  `${range} rw-p 00000000 00:00 0          ${name}\nSize:               1024 kB\nRss:                 ${anonymousKb} kB\nAnonymous:           ${anonymousKb} kB\nVmFlags: rd wr mr mw me ac\n`;

const SMAPS = [
  mapping('116600300000-116600340000', '', 256),
  mapping('116600400000-116600500000', '', 1024),
  mapping('53237f200000-532380000000', '', 11824),
  mapping('7ffd1c000000-7ffd1c021000', '[stack]', 132),
  mapping('55c1c1458000-55c1c33c3000', '/usr/bin/workerd', 0),
].join('');

describe('parseMemoryWindows', () => {
  it('sums anonymous memory per 4 GiB window, ascending, and skips mappings without any', () => {
    expect(parseMemoryWindows(SMAPS)).toEqual([
      { window: '0x116600000000', anonymousKb: 1280, writableKb: 2048, mappings: 2, names: [''] },
      { window: '0x532300000000', anonymousKb: 11824, writableKb: 1024, mappings: 1, names: [''] },
      { window: '0x7ffd00000000', anonymousKb: 132, writableKb: 1024, mappings: 1, names: ['[stack]'] },
    ]);
  });

  it('counts writable private mappings without resident memory, but not read-only or inaccessible ones', () => {
    const reserved = `116600600000-116600700000 ---p 00000000 00:00 0\nSize:               1024 kB\nRss:                    0 kB\nAnonymous:              0 kB\n`;
    const committed = mapping('116600700000-116600800000', '', 0);
    const readOnly = mapping('116600800000-116600900000', '', 64).replace('rw-p', 'r--p');
    const [cage] = parseMemoryWindows(mapping('116600300000-116600340000', '', 256) + reserved + committed + readOnly);
    expect(cage).toEqual({ window: '0x116600000000', anonymousKb: 320, writableKb: 2048, mappings: 2, names: [''] });
  });

  it('reads this process', () => {
    const own = memoryWindows(process.pid);
    expect(own).not.toBeNull();
    expect(own!.reduce((a, w) => a + w.anonymousKb, 0)).toBeGreaterThan(0);
    expect(memoryWindows(-1)).toBeNull();
  });
});

describe('windowChanges', () => {
  it('lists the largest changes first, windows that appeared or vanished included', () => {
    const before = parseMemoryWindows(SMAPS);
    const after = parseMemoryWindows([
      mapping('116600300000-116600340000', '', 256),
      mapping('116600400000-116600500000', '', 21504),
      mapping('53237f200000-532380000000', '', 11824),
      mapping('2a0000000000-2a0000100000', '', 2048),
    ].join(''));
    const changes = windowChanges(before, after, 3);
    expect(changes.map((c) => [c.window, c.changeMb])).toEqual([['0x116600000000', 20], ['0x2a0000000000', 2], ['0x7ffd00000000', -0.1]]);
    expect(describeWindowChanges(changes.slice(0, 1))).toBe('0x116600000000: 1.3 → 21.3 MB (+20; writable 2 → 2 MB; 2 mappings, unnamed)');
  });
});
