import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { commandLine, cpuSecondsOf, descendants, loadAverage, openFds, pageCache, rssMb, slope, workerdPids, workerdRssMb, listeningPorts, listeningPortsOf, socketInodes } from './proc.js';

describe('slope', () => {
  it('is the least-squares slope, 0 for flat or single samples', () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 7 }, { x: 5, y: 7 }])).toBe(0);
    expect(slope([{ x: 0, y: 7 }])).toBe(0);
  });
});

describe('pageCache', () => {
  it('reads the page cache and free memory in GiB, and null without them', () => {
    const meminfo = 'MemTotal:       24000000 kB\nMemFree:        13631488 kB\nBuffers:          100000 kB\nCached:          4718592 kB\nSwapCached:            0 kB\n';
    expect(pageCache(meminfo)).toEqual({ cachedGB: 4.5, freeGB: 13 });
    expect(pageCache('MemTotal: 1 kB\n')).toBeNull();
    expect(pageCache()).not.toBeNull(); // this machine's own
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

const TABLE = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F92 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 20 4 30 10 -1`;

describe('listeningPorts', () => {
  it('keeps sockets in LISTEN state whose inode the process holds', () => {
    expect(listeningPorts(TABLE, new Set(['111', '333']))).toEqual([8080]);
    expect(listeningPorts(TABLE, new Set(['111', '222']))).toEqual([8080, 8081]);
    expect(listeningPorts('header only', new Set(['111']))).toEqual([]);
  });

  it('finds a port this process listens on', async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      expect(listeningPorts(readFileSync('/proc/self/net/tcp', 'utf8'), socketInodes(process.pid))).toContain(port);
      expect(listeningPortsOf(process.pid)).toContain(port);
    } finally {
      server.close();
    }
  });
});
