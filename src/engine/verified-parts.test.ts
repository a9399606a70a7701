import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArtifactError } from './artifact.js';
import { VerifiedParts } from './verified-parts.js';

const text = (s: string) => new TextEncoder().encode(s);
const entry = (name: string, bytes: Uint8Array) => ({ file: name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

/** Three parts on a fake store that counts reads; `damage` alters a file's bytes as served. */
function store() {
  const contents = ['alpha', 'beta', 'gamma'].map(text);
  const files = contents.map((c, i) => entry(`part-${i}.bin`, c));
  const reads: string[] = [];
  const damaged = new Set<string>();
  const fetchArtifact = async (file: string) => {
    reads.push(file);
    const c = contents[files.findIndex((f) => f.file === file)].slice();
    if (damaged.has(file)) c[0] ^= 0xff;
    return c.buffer;
  };
  return { files, reads, damaged, fetchArtifact };
}

const decode = (bytes: ArrayBuffer) => ({ value: new TextDecoder().decode(bytes), bytes: bytes.byteLength });

describe('VerifiedParts', () => {
  it('fetches a part once, verified and opened, and shares a load between concurrent callers', async () => {
    const s = store();
    const parts = new VerifiedParts(s.files, s.fetchArtifact, decode, 1024);
    expect(await Promise.all([parts.get(1), parts.get(1)])).toEqual(['beta', 'beta']);
    expect(await parts.get(1)).toBe('beta');
    expect(s.reads).toEqual(['part-1.bin']);
    expect(parts.stats()).toMatchObject({ entries: 1, bytes: 4 });
  });

  it('refuses a part whose bytes do not match the manifest, and reads it again next time', async () => {
    const s = store();
    const parts = new VerifiedParts(s.files, s.fetchArtifact, decode, 1024);
    s.damaged.add('part-0.bin');
    await expect(parts.get(0)).rejects.toBeInstanceOf(ArtifactError);
    s.damaged.clear();
    expect(await parts.get(0)).toBe('alpha');
    expect(s.reads).toEqual(['part-0.bin', 'part-0.bin']);
  });

  it('passes the manifest entry to the opener, whose refusal is not cached', async () => {
    const s = store();
    let refuse = true;
    const parts = new VerifiedParts(s.files, s.fetchArtifact, (bytes, file) => {
      if (refuse) throw new Error(`${file.file}: from another build`);
      return decode(bytes);
    }, 1024);
    await expect(parts.get(2)).rejects.toThrow('part-2.bin: from another build');
    refuse = false;
    expect(await parts.get(2)).toBe('gamma');
  });

  it('keeps opened parts within its byte budget', async () => {
    const s = store();
    const parts = new VerifiedParts(s.files, s.fetchArtifact, decode, 9);
    for (const p of [0, 1, 2]) await parts.get(p);
    expect(parts.stats().bytes).toBeLessThanOrEqual(9);
    await parts.get(0); // evicted: read again
    expect(s.reads.filter((f) => f === 'part-0.bin')).toHaveLength(2);
  });
});
