import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAlive, setKeepAliveHook, sharedLoad, type KeepAliveHook } from './keep-alive.js';

let restore: KeepAliveHook | null = null;
afterEach(() => { if (restore) setKeepAliveHook(restore); restore = null; });

describe('keepAlive', () => {
  it('hands the runtime a promise that settles with the work and never rejects', async () => {
    const kept: Array<Promise<unknown>> = [];
    restore = setKeepAliveHook((p) => { kept.push(p); });
    const failing = Promise.reject(new Error('load failed'));
    failing.catch(() => {});
    keepAlive(Promise.resolve(1));
    keepAlive(failing);
    expect(kept).toHaveLength(2);
    await expect(Promise.all(kept)).resolves.toEqual([undefined, undefined]);
  });

  it('does nothing outside a request (a hook that throws is ignored)', () => {
    restore = setKeepAliveHook(() => { throw new Error('waitUntil outside a request'); });
    expect(() => keepAlive(Promise.resolve())).not.toThrow();
  });
});

describe('sharedLoad', () => {
  it('loads once for every caller, keeps the load alive, and tries again after a failure', async () => {
    const kept: Array<Promise<unknown>> = [];
    restore = setKeepAliveHook((p) => { kept.push(p); });
    let calls = 0;
    let fail = true;
    const get = sharedLoad(async () => { calls++; if (fail) throw new Error('not yet'); return calls; });
    const first = get();
    expect(get()).toBe(first);
    await expect(first).rejects.toThrow('not yet');
    fail = false;
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
    expect(calls).toBe(2);
    expect(kept).toHaveLength(2);
  });

  it('with retryAfterMs, hands out the same failure until that long after it, then loads again', async () => {
    let calls = 0;
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      const get = sharedLoad(async () => { calls++; throw new Error(`failed ${calls}`); }, { retryAfterMs: 60_000 });
      const first = get();
      await expect(first).rejects.toThrow('failed 1');
      now.mockReturnValue(1_000_000 + 59_999);
      expect(get()).toBe(first);
      expect(calls).toBe(1);
      now.mockReturnValue(1_000_000 + 60_000);
      await expect(get()).rejects.toThrow('failed 2');
      expect(calls).toBe(2);
    } finally {
      now.mockRestore();
    }
  });
});

