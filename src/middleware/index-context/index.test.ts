import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../http/app-env.js';

const runtime = { manifest: { contentHash: 'abc' }, service: { liveSeq: vi.fn(async () => 12) }, scoreBounds: vi.fn(async () => {}) };
let failWith: Error | null = null;
vi.mock('../../worker/index-runtime.js', () => ({
  getIndexRuntime: async () => { if (failWith) throw failWith; return runtime; },
}));
const { indexContext } = await import('./index.js');

afterEach(() => { failWith = null; runtime.service.liveSeq.mockClear(); runtime.scoreBounds.mockClear(); });

function app(lenient = false) {
  const a = new Hono<AppEnv>();
  a.use('*', indexContext({ lenient }));
  a.get('/', async (c) => {
    if (c.var.indexError !== undefined) return c.text(`unavailable: ${(c.var.indexError as Error).message}`, 503);
    const [x, y] = await Promise.all([c.var.liveSeq(), c.var.liveSeq()]);
    return c.json({ hash: c.var.index.manifest.contentHash, x, y });
  });
  a.onError((err, c) => c.json({ error: err.message }, 503));
  return a;
}

describe('indexContext', () => {
  it('puts the loaded index on the context and reads the live sequence number at most once per request', async () => {
    const res = await app().request('/');
    expect(await res.json()).toEqual({ hash: 'abc', x: 12, y: 12 });
    expect(runtime.service.liveSeq).toHaveBeenCalledTimes(1);
  });

  it('starts loading the score bounds once the request\'s own work is done', async () => {
    const a = new Hono<AppEnv>();
    a.use('*', indexContext());
    let startedBeforeHandler = true;
    a.get('/', (c) => { startedBeforeHandler = runtime.scoreBounds.mock.calls.length > 0; return c.text('ok'); });
    expect((await a.request('/')).status).toBe(200);
    expect(startedBeforeHandler).toBe(false);
    expect(runtime.scoreBounds).toHaveBeenCalledTimes(1);
    runtime.scoreBounds.mockImplementationOnce(async () => { throw new Error('corrupt'); });
    expect((await a.request('/')).status).toBe(200); // a failed load never fails the request that started it
  });

  it('fails the request when the index cannot be loaded, or records why (lenient)', async () => {
    failWith = new Error('no index deployed');
    expect(await (await app().request('/')).json()).toEqual({ error: 'no index deployed' });
    const lenient = await app(true).request('/');
    expect(lenient.status).toBe(503);
    expect(await lenient.text()).toBe('unavailable: no index deployed');
  });
});
