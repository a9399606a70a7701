/**
 * Index files the front fetches by number on first use — the lexicon's tail parts and its pair parts:
 * each verified against the size and SHA-256 the manifest lists, opened, and kept in a byte-bounded
 * cache. Concurrent requests for one part share its load (kept alive past the request that started it,
 * see `keep-alive.ts`); a failed load is not cached.
 * @module
 */
import type { ArtifactFile } from '../index-format/manifest.js';
import { verifyArtifact, type FetchArtifact } from './artifact.js';
import { ByteBudgetCache, type CacheStats } from './byte-budget-cache.js';

/** Opens a verified part: its value and the bytes it holds (what the cache counts). */
export type OpenPart<F extends ArtifactFile, T> = (bytes: ArrayBuffer, file: F) => { value: T; bytes: number };

/** A numbered list of index files, loaded and verified on demand. */
export class VerifiedParts<F extends ArtifactFile, T> {
  private readonly cache: ByteBudgetCache<number, T>;

  /**
   * @param files the manifest's entries, in part order
   * @param fetchArtifact reads an index file
   * @param open turns a verified file into its value (may throw `ContainerError` on a damaged one)
   * @param budgetBytes bytes of opened parts kept
   */
  constructor(readonly files: readonly F[], private readonly fetchArtifact: FetchArtifact, private readonly open: OpenPart<F, T>, budgetBytes: number) {
    this.cache = new ByteBudgetCache(budgetBytes);
  }

  /** Part `p`, from the cache or fetched, verified and opened. */
  get(p: number): Promise<T> {
    return this.cache.getOrLoad(p, async () => {
      const file = this.files[p];
      return this.open(await verifyArtifact(file, await this.fetchArtifact(file.file)), file);
    });
  }

  /** Cache counters (diagnostics). */
  stats(): CacheStats {
    return this.cache.stats();
  }
}
