/**
 * Fetching and verifying index artifacts. A missing, truncated or altered file is refused, never
 * served: the Worker answers 503 with what to rebuild instead of wrong results.
 * @module
 */
import type { ArtifactFile } from '../index-format/manifest.js';
import { hex } from '../index-format/hex.js';

/** Returns the bytes of an artifact file (from Workers static assets, R2, disk, …). */
export type FetchArtifact = (file: string) => Promise<ArrayBuffer>;

/** An index artifact is missing or does not match the manifest. */
export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

/**
 * Checks an artifact's size and SHA-256 against the manifest; returns the bytes when they match. `bytes`
 * is the whole file: for a block inside a file (`expected.offset` set), the block's bytes are cut out
 * of it first and checked (and returned) alone.
 */
export async function verifyArtifact(expected: ArtifactFile, bytes: ArrayBuffer): Promise<ArrayBuffer> {
  const at = expected.offset;
  const part = at === undefined ? bytes : bytes.slice(at, at + expected.bytes);
  const what = at === undefined ? `index file ${expected.file}` : `the block at byte ${at} of index file ${expected.file}`;
  if (part.byteLength !== expected.bytes) {
    throw new ArtifactError(`${what} has ${part.byteLength} bytes, the manifest says ${expected.bytes} (truncated or from another build)`);
  }
  const digest = hex(await crypto.subtle.digest('SHA-256', part));
  if (digest !== expected.sha256) {
    throw new ArtifactError(`${what} is corrupt or from another build (SHA-256 mismatch)`);
  }
  return part;
}
