/**
 * An {@link ArtifactStore} over a built index folder, read without verifying again: how a shard served
 * in Node behaves when its Durable Object's copy of its files is complete (src/worker/shard-copy.ts:
 * each file was verified once, when it was stored, and is then read locally without hashing). Used
 * by benchmarks to model the production path with copies (`openIndex(…, { copies: true })`).
 * @module
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactStore } from '../src/engine/artifact-store.js';
import type { ArtifactFile } from '../src/index-format/manifest.js';

/** Every file of the index folder, as a complete copy. */
export class FolderCopyStore implements ArtifactStore {
  constructor(private readonly indexDir: string, private readonly onRead?: (file: string) => void) {}

  /** The file's bytes (or the block's, for a block inside a file) from the folder (not hashed), or null when it is missing. */
  get(file: ArtifactFile): ArrayBuffer | null {
    try {
      const name = path.join(this.indexDir, file.file);
      if (file.offset === undefined) {
        const b = readFileSync(name);
        this.onRead?.(file.file);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      }
      // A block inside a file: read its bytes only, as a shard object reads one stored block.
      const out = new Uint8Array(file.bytes);
      const fd = openSync(name, 'r');
      try {
        const n = readSync(fd, out, 0, file.bytes, file.offset);
        this.onRead?.(file.file);
        return n === file.bytes ? out.buffer : null;
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  }

  /** A complete copy holds every file. */
  has(_file: ArtifactFile): boolean {
    return true;
  }

  /** Read-only: the folder is the copy. */
  put(_file: ArtifactFile, _bytes: ArrayBuffer): void {
    throw new Error('FolderCopyStore is read-only: the index folder is the copy');
  }
}
