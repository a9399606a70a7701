import { afterEach, describe, expect, it } from 'vitest';
import { keepAlive, setKeepAliveHook, type KeepAliveHook } from './keep-alive.js';

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
