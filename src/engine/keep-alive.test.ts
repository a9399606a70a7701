import { afterEach, describe, expect, it } from 'vitest';
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
});

