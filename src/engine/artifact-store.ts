/**
 * A durable local copy of a shard's artifacts. A Durable Object evicted when idle loses its memory but
 * keeps its storage; with the shard's files copied there (by SHA-256, each verified against the head or
 * manifest before it is stored), a restarted object answers from its own storage instead of fetching
 * static assets again. The copy is a cache: a file it lacks is fetched and verified as before.
 * @module
 */
import type { ArtifactFile } from '../index-format/manifest.js';
import { verifyArtifact, type FetchArtifact } from './artifact.js';

/**
 * Artifact files' bytes, kept under their SHA-256: two entries of the manifest or a head with the same
 * SHA-256 are the same stored file, whatever their names.
 */
export interface ArtifactStore {
  /** The bytes stored for this file, or null. */
  get(file: ArtifactFile): ArrayBuffer | null;
  /** Whether the file is stored (reads no bytes). */
  has(file: ArtifactFile): boolean;
  /** Stores the file's bytes, already verified against its size and SHA-256. */
  put(file: ArtifactFile, bytes: ArrayBuffer): void;
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
  /** Entries of the shard stored (head, title index, and each postings and document block). */
  files: number;
  /** Entries the shard's copy holds once complete. */
  of: number;
  /** Bytes stored. */
  bytes: number;
}

/**
 * A file to copy and the entries it is stored as: the file itself, or (for a file of packed blocks,
 * index format 10) each block it holds, so that a restarted shard reads one block, not the file.
 */
export interface CopyUnit {
  file: ArtifactFile;
  /** The blocks the file holds, in order (absent: the file is stored whole). */
  parts?: readonly ArtifactFile[];
}

/** What one {@link copyMissing} call did and where the next one starts. */
export interface CopyProgress {
  /** Files fetched, verified and stored by this call. */
  copied: number;
  /** Their bytes. */
  bytes: number;
  /**
   * Where in `units` the next call starts: every file before it is stored. `units.length` once the
   * copy is complete.
   */
  next: number;
}

/**
 * Copies into `store` the files of `units` from index `from` on that it lacks, in order, until at
 * least `maxBytes` were copied (at least one file per call, so any file gets copied); a caller that
 * passes the returned {@link CopyProgress.next} as the next `from` asks the store about each file
 * about once, however many calls the copy takes. Each file is fetched and every entry it is stored as
 * verified first, so a corrupt file is never stored: the error propagates and nothing of it is kept.
 */
export async function copyMissing(units: readonly CopyUnit[], fetchArtifact: FetchArtifact, store: ArtifactStore, maxBytes: number, from = 0): Promise<CopyProgress> {
  let bytes = 0;
  let copied = 0;
  let i = Math.max(0, from);
  for (; i < units.length; i++) {
    const unit = units[i];
    const parts = unit.parts ?? [unit.file];
    if (parts.every((p) => store.has(p))) continue; // stored before, or entries with the same SHA-256
    if (copied > 0 && bytes >= maxBytes) break;
    const whole = await fetchArtifact(unit.file.file);
    const verified = await Promise.all(parts.map((p) => verifyArtifact(p, whole)));
    verified.forEach((b, k) => store.put(parts[k], b));
    bytes += whole.byteLength;
    copied++;
  }
  return { copied, bytes, next: i };
}
