import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_PROPERTIES, allocatorScript, parseAllocatorOutput, readAllocator } from './allocator-probe.js';
import { residentSplit } from './proc.js';

describe('allocatorScript', () => {
  it('reads every property with its exact length, and releases only when asked', () => {
    const s = allocatorScript(false);
    for (const prop of Object.values(ALLOCATOR_PROPERTIES)) expect(s).toContain(`("${prop}", ${prop.length}, $buf)`);
    expect(s).not.toContain('ReleaseMemoryToSystem');
    expect(allocatorScript(true)).toContain('ReleaseMemoryToSystem');
    expect(s.trim().split('\n').at(-1)).toBe('quit');
  });
});

describe('parseAllocatorOutput', () => {
  it('turns bytes into MB, leaves out what tcmalloc did not recognise, and sees the release', () => {
    const out = [
      '0x00007f in epoll_pwait () at epoll_pwait.c:40',
      'ALLOC inUse 1 17446472',
      'ALLOC held 1 39597886',
      'ALLOC cpuFree 0 12345',
      'ALLOC released 1 0',
    ].join('\n');
    expect(parseAllocatorOutput(out)).toEqual({ mb: { inUse: 16.6, held: 37.8 }, released: true });
  });

  it("throws with gdb's last words when nothing was read", () => {
    expect(() => parseAllocatorOutput('ptrace: Operation not permitted.\nNo symbol table is loaded.')).toThrow(/no allocator properties.*Operation not permitted/);
    expect(() => parseAllocatorOutput('')).toThrow(/empty/);
  });
});

describe('residentSplit', () => {
  it('reads VmRSS, RssAnon and RssFile in MB, null when one is missing', () => {
    expect(residentSplit('VmRSS:\t  104896 kB\nRssAnon:\t   51412 kB\nRssFile:\t   53452 kB\n')).toEqual({ rssMb: 102.4, anonMb: 50.2, fileMb: 52.2 });
    expect(residentSplit('VmRSS: 1 kB\n')).toBeNull();
    expect(residentSplit(process.pid)!.rssMb).toBeGreaterThan(0);
    expect(residentSplit(2 ** 30)).toBeNull();
  });
});

describe('readAllocator', () => {
  it('rejects, saying why, for a process without tcmalloc (or where gdb is missing)', async () => {
    const child = spawn('sleep', ['30']);
    try {
      await expect(readAllocator(child.pid!)).rejects.toThrow(/gdb is not installed|no allocator properties/);
    } finally {
      child.kill();
    }
  }, 60_000);
});
