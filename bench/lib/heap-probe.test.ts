import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { HeapProbe } from './heap-probe.js';

describe('HeapProbe', () => {
  let wss: WebSocketServer | null = null;
  afterEach(() => { wss?.close(); wss = null; });

  /** A fake inspector: a collection frees half the heap, and answers only after the Worker is poked. */
  async function fakeInspector(): Promise<{ url: string; poke: () => Promise<void> }> {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss!.once('listening', r));
    let used = 64 * 1048576;
    let waiting: (() => void) | null = null;
    wss.on('connection', (ws) => ws.on('message', (m) => {
      const { id, method } = JSON.parse(String(m)) as { id: number; method: string };
      if (method === 'Runtime.getHeapUsage') ws.send(JSON.stringify({ id, result: { usedSize: used, totalSize: 128 * 1048576, backingStorageSize: 3 * 1048576, embedderHeapUsedSize: 5 * 1048576 } }));
      else if (method === 'HeapProfiler.collectGarbage') waiting = () => { used /= 2; ws.send(JSON.stringify({ id, result: {} })); };
      else ws.send(JSON.stringify({ id, error: { code: -32601, message: `'${method}' wasn't found` } }));
    }));
    const { port } = wss.address() as { port: number };
    return { url: `ws://127.0.0.1:${port}/core:user:test`, poke: async () => { waiting?.(); waiting = null; } };
  }

  it('reads the heap, and what survives a collection once the Worker takes a turn', async () => {
    const { url, poke } = await fakeInspector();
    const probe = new HeapProbe(url, poke);
    try {
      expect(await probe.usage()).toEqual({ usedMb: 64, totalMb: 128, backingMb: 3, embedderMb: 5 });
      expect(await probe.liveHeap()).toEqual({ usedMb: 32, totalMb: 128, backingMb: 3, embedderMb: 5 });
    } finally {
      probe.close();
    }
  });

  it('sends a command again on a new connection when the inspector closes the first one', async () => {
    const { url, poke } = await fakeInspector();
    let first = true;
    wss!.on('connection', (ws) => { if (first) { first = false; ws.close(); } });
    const probe = new HeapProbe(url, poke);
    try {
      expect(await probe.usage()).toEqual({ usedMb: 64, totalMb: 128, backingMb: 3, embedderMb: 5 });
    } finally {
      probe.close();
    }
  });

  it('fails where nothing listens', async () => {
    const { url } = await fakeInspector();
    const port = Number(new URL(url).port);
    wss!.close();
    await new Promise((r) => setTimeout(r, 50));
    await expect(new HeapProbe(`ws://127.0.0.1:${port}/x`, async () => undefined).usage()).rejects.toThrow();
  });
});
