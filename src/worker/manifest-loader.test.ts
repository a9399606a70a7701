import { describe, expect, it } from 'vitest';
import { validManifest } from '../../test/support/manifest.js';
import { sharedManifest } from './manifest-loader.js';

/** A fake ASSETS binding serving `manifest.json` from `body()`, counting reads. */
function assets(body: () => { status: number; text: string }) {
  let reads = 0;
  const binding = { fetch: async () => { reads++; const b = body(); return new Response(b.text, { status: b.status }); } } as unknown as Fetcher;
  return { binding, reads: () => reads };
}

const VALID = JSON.stringify(validManifest());

describe('sharedManifest', () => {
  it('keeps a loaded manifest per assets binding: later callers get the same one without a read', async () => {
    const a = assets(() => ({ status: 200, text: VALID }));
    const b = assets(() => ({ status: 200, text: VALID }));
    const first = await sharedManifest(a.binding);
    expect(first.contentHash).toBe(validManifest().contentHash);
    expect(await sharedManifest(a.binding)).toBe(first);
    expect(a.reads()).toBe(1);
    expect(await sharedManifest(b.binding)).not.toBe(first);
    expect(b.reads()).toBe(1);
  });

  it('lets callers that arrive before any read has finished read for themselves, then hands all the first one kept', async () => {
    // No promise is shared between callers: in workerd, a promise settled in one Durable Object's
    // I/O context reaches an awaiter in another object late (see sharedManifest).
    const a = assets(() => ({ status: 200, text: VALID }));
    const [x, y] = await Promise.all([sharedManifest(a.binding), sharedManifest(a.binding)]);
    expect(a.reads()).toBe(2);
    expect(y).toBe(x);
    expect(await sharedManifest(a.binding)).toBe(x);
    expect(a.reads()).toBe(2);
  });

  it('forgets a failed load, so the next call reads again', async () => {
    let status = 404;
    const a = assets(() => ({ status, text: 'missing' }));
    await expect(sharedManifest(a.binding)).rejects.toMatchObject({ code: 'index_missing' });
    status = 200;
    await expect(sharedManifest(a.binding)).rejects.toMatchObject({ code: 'manifest_invalid' }); // 'missing' is not JSON: read again, refused again
    expect(a.reads()).toBe(2);
  });
});
