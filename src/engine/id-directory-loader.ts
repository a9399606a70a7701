/**
 * The front Worker's access to the id directory (`index-format/id-directory.ts`): the one part that
 * can hold an id is fetched on first use, verified against the manifest and kept in a byte-bounded
 * cache, and tells which shards hold the article.
 * @module
 */
import { IdDirectoryPart, idHash, idPartOf } from '../index-format/id-directory.js';
import type { ArtifactFile, IndexManifest } from '../index-format/manifest.js';
import type { FetchArtifact } from './artifact.js';
import { VerifiedParts } from './verified-parts.js';

/** Bytes of directory parts the front keeps (a part is ~0.4 MB; 10 parts cover 650,000 ids). */
export const ID_DIRECTORY_CACHE_BYTES = 4 * 1024 * 1024;

/** Looks up which shards hold an article. */
export class IdDirectoryLoader {
  private readonly parts: VerifiedParts<ArtifactFile, IdDirectoryPart>;
  private readonly count: number;

  /**
   * @param files the manifest's `idDirectory.parts`, in part order
   * @param fetchArtifact reads an index file
   */
  constructor(files: readonly ArtifactFile[], fetchArtifact: FetchArtifact, budgetBytes = ID_DIRECTORY_CACHE_BYTES) {
    this.count = files.length;
    this.parts = new VerifiedParts(files, fetchArtifact, (bytes, file) => {
      const part = new IdDirectoryPart(bytes, files.indexOf(file), files.length);
      return { value: part, bytes: part.byteLength };
    }, budgetBytes);
  }

  /** The loader of an index's directory, or null when the index has none (requests by id then ask every shard). */
  static forManifest(manifest: IndexManifest, fetchArtifact: FetchArtifact): IdDirectoryLoader | null {
    const parts = manifest.idDirectory?.parts;
    return parts && parts.length > 0 ? new IdDirectoryLoader(parts, fetchArtifact) : null;
  }

  /** Fetches and verifies every part in turn (for `/health`); rejects with the first part's failure. */
  async verifyAll(): Promise<void> {
    for (let p = 0; p < this.count; p++) await this.parts.get(p);
  }

  /**
   * The shards holding a built article with this id, ascending: usually one, none when the build has
   * no such article, two or more only when ids' hashes collide. Rejects when the part cannot be read.
   */
  async shardsOf(id: string): Promise<number[]> {
    const hash = idHash(id);
    const part = await this.parts.get(idPartOf(hash, this.count));
    return part.shardsOf(hash);
  }
}
