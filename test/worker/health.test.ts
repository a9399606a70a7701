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
  });
});
