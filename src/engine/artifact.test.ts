import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArtifactFile } from '../index-format/manifest.js';
import { ArtifactError, verifyArtifact } from './artifact.js';

const bytes = new TextEncoder().encode('Chỉ mục tìm kiếm tiếng Việt: Hà Nội, Đà Nẵng').buffer as ArrayBuffer;
const manifestEntry = (b: ArrayBuffer, file = 'shard-0.postings.bin'): ArtifactFile => ({
  file,
  bytes: b.byteLength,
  sha256: createHash('sha256').update(new Uint8Array(b)).digest('hex'),
});

describe('verifyArtifact', () => {
  it('returns the very bytes when size and SHA-256 match', async () => {
    await expect(verifyArtifact(manifestEntry(bytes), bytes)).resolves.toBe(bytes);
  });

  it('accepts an empty file whose hash is the empty SHA-256', async () => {
    const empty = new ArrayBuffer(0);
    const entry = manifestEntry(empty);
    expect(entry.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await expect(verifyArtifact(entry, empty)).resolves.toBe(empty);
  });

  it('refuses a truncated file, naming the file and both sizes', async () => {
    const entry = manifestEntry(bytes);
    const cut = bytes.slice(0, bytes.byteLength - 1);
    await expect(verifyArtifact(entry, cut)).rejects.toBeInstanceOf(ArtifactError);
    await expect(verifyArtifact(entry, cut)).rejects.toThrow(`shard-0.postings.bin has ${bytes.byteLength - 1} bytes, the manifest says ${bytes.byteLength}`);
  });

  it('refuses a file of the right size with one byte changed', async () => {
    const entry = manifestEntry(bytes);
    const altered = bytes.slice(0);
    new Uint8Array(altered)[10] ^= 1;
    await expect(verifyArtifact(entry, altered)).rejects.toBeInstanceOf(ArtifactError);
    await expect(verifyArtifact(entry, altered)).rejects.toThrow(/SHA-256 mismatch/);
  });

  it('compares against the lower-case hex digest the manifest records', async () => {
    const entry = manifestEntry(bytes);
    await expect(verifyArtifact({ ...entry, sha256: entry.sha256.toUpperCase() }, bytes)).rejects.toThrow(/SHA-256 mismatch/);
  });
});
