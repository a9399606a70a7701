/**
 * An {@link ArtifactStore} in memory: for tests and Node tools that want a shard's files copied once
 * (a Durable Object keeps them in its SQLite storage instead: src/worker/sqlite-artifact-store.ts).
 * @module
 */
import type { ArtifactFile } from '../index-format/manifest.js';
import type { ArtifactStore } from './artifact-store.js';

/** Artifact bytes in a map, counting writes. */
export class MemoryArtifactStore implements ArtifactStore {
  private readonly map = new Map<string, ArrayBuffer>();
  /** Number of {@link put} calls so far. */
  puts = 0;

  /** See {@link ArtifactStore.get}. */
  get(file: ArtifactFile): ArrayBuffer | null {
    return this.map.get(file.sha256) ?? null;
  }

  /** See {@link ArtifactStore.has}. */
  has(file: ArtifactFile): boolean {
    return this.map.has(file.sha256);
  }

  /** See {@link ArtifactStore.put}. */
  put(file: ArtifactFile, bytes: ArrayBuffer): void {
    this.puts++;
    this.map.set(file.sha256, bytes);
  }
}
