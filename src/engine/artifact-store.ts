/**
 * A durable local copy of a shard's artifacts. A Durable Object evicted when idle loses its memory but
 * keeps its storage; with the shard's files copied there (by SHA-256, each verified against the head or
 * manifest before it is stored), a restarted object answers from its own storage instead of fetching
 * static assets again. The copy is a cache: a file it lacks is fetched and verified as before.
 * @module
 */
import type { ArtifactFile } from '../index-format/manifest.js';
import { verifyArtifact, type FetchArtifact } from './artifact.js';

/** Artifact bytes kept under their SHA-256. */
export interface ArtifactStore {
  /** The bytes stored for this file (looked up by its SHA-256), or null. */
  get(file: ArtifactFile): ArrayBuffer | null;
  /** Whether bytes are stored under this SHA-256 (reads no bytes). */
  has(sha256: string): boolean;
  /** Stores bytes that were verified against `sha256`. */
  put(sha256: string, bytes: ArrayBuffer): void;
}

/**
 * An artifact's bytes: from `store` when it holds the file's SHA-256 with the file's size (they were
 * verified when stored), otherwise fetched and verified (size and SHA-256; throws `ArtifactError`).
 * Reading never writes to the store: copying is {@link copyMissing}'s job, off the query path.
 */
export async function readArtifact(file: ArtifactFile, fetchArtifact: FetchArtifact, store?: ArtifactStore): Promise<ArrayBuffer> {
  const stored = store?.get(file);
  if (stored && stored.byteLength === file.bytes) return stored;
  return verifyArtifact(file, await fetchArtifact(file.file));
}

/** How far a shard's copy in its store is (`/health`). */
export interface CopyStatus {
  /** Files of the shard stored (head, title index, postings and document blocks). */
  files: number;
  /** Files the shard has. */
  of: number;
  /** Bytes stored. */
  bytes: number;
}

/** What one {@link copyMissing} call did and what is left. */
export interface CopyProgress {
  /** Files fetched, verified and stored by this call. */
  copied: number;
  /** Their bytes. */
  bytes: number;
  /** Files still missing from the store afterwards. */
  missing: number;
}

/**
 * Copies into `store` the `files` it lacks, one at a time, until at least `maxBytes` were copied (at
 * least one file per call, so any file gets copied). Each file is fetched and verified first, so a
 * corrupt file is never stored: the error propagates and nothing of it is kept.
 */
export async function copyMissing(files: readonly ArtifactFile[], fetchArtifact: FetchArtifact, store: ArtifactStore, maxBytes: number): Promise<CopyProgress> {
  const seen = new Set<string>();
  const missing = files.filter((f) => !seen.has(f.sha256) && seen.add(f.sha256) && !store.has(f.sha256));
  let bytes = 0;
  let copied = 0;
  for (const file of missing) {
    if (copied > 0 && bytes >= maxBytes) break;
    const verified = await verifyArtifact(file, await fetchArtifact(file.file));
    store.put(file.sha256, verified);
    bytes += verified.byteLength;
    copied++;
  }
  return { copied, bytes, missing: missing.length - copied };
}
