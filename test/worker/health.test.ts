import { describe, expect, it } from 'vitest';
import { expectedShards, getJson } from '../support/helpers.js';

describe('GET /health', () => {
  it('reports the manifest and document count', async () => {
    const { status, body } = await getJson('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.documents).toBe(48);
    expect(body.shards).toBe(expectedShards);
    expect(body.mode).toBe(expectedShards === 1 ? 'in-process' : 'durable-objects');
    expect(body.manifest.analyzerVersion).toBe(body.code.analyzerVersion);
    expect(body.manifest.formatVersion).toBe(body.code.formatVersion);
    expect(body.manifest.contentHash).toMatch(/^[0-9a-f]{64}$/);
    if (expectedShards === 1) {
      expect(body.copies).toBeUndefined(); // served in this isolate: no shard object, no copy
    } else {
      expect(body.copies).toHaveLength(expectedShards);
      for (const [i, c] of body.copies.entries()) {
        expect(c.shard).toBe(i);
        expect(c.of).toBeGreaterThan(2); // head, title index and at least one block of each kind
        expect(c.files).toBeGreaterThanOrEqual(0);
        expect(c.files).toBeLessThanOrEqual(c.of);
      }
    }
  });
});
