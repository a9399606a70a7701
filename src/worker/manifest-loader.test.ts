import { describe, expect, it } from 'vitest';
import { sharedManifest } from './manifest-loader.js';

/** A fake ASSETS binding serving `manifest.json` from `body()`, counting reads. */
function assets(body: () => { status: number; text: string }) {
  let reads = 0;
  const binding = { fetch: async () => { reads++; const b = body(); return new Response(b.text, { status: b.status }); } } as unknown as Fetcher;
  return { binding, reads: () => reads };
}

describe('sharedManifest', () => {
  it('reads the manifest once per assets binding and hands every caller the same one', async () => {
    const a = assets(() => ({ status: 200, text: '{}' }));
    const b = assets(() => ({ status: 200, text: '{}' }));
    const [x, y] = [sharedManifest(a.binding), sharedManifest(a.binding)];
    expect(x).toBe(y);
    await Promise.allSettled([x, sharedManifest(b.binding)]);
    expect(a.reads()).toBe(1);
    expect(b.reads()).toBe(1);
  });

  it('forgets a failed load, so the next call reads again', async () => {
    let status = 404;
    const a = assets(() => ({ status, text: 'missing' }));
    await expect(sharedManifest(a.binding)).rejects.toMatchObject({ code: 'index_missing' });
    status = 200;
    await expect(sharedManifest(a.binding)).rejects.toMatchObject({ code: expect.any(String) }); // '{}' is not a valid manifest: read again, refused again
    expect(a.reads()).toBe(2);
  });
});
