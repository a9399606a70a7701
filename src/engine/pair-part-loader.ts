/**
 * The front Worker's access to the lexicon's pair parts (`index-format/pair-section.ts`): a query's
 * planning (or a suggestion, or related articles) runs over a request-scoped view of the lexicon
 * holding the parts it looks pairs up in. The parts of the query's own syllables are fetched first;
 * a run that still asked about a part the view lacked (a synonym's words, a typo correction) fetches
 * those and runs again, until nothing was missed, so the result is the one the whole lexicon gives.
 * Parts are verified against the manifest and kept in a byte-bounded cache.
 * @module
 */
import { ContainerError } from '../index-format/binary-container.js';
import { pairPartFor, type Lexicon } from '../index-format/lexicon.js';
import type { IndexManifest, LexiconPairsEntry } from '../index-format/manifest.js';
import { PairPart, type PairSection } from '../index-format/pair-section.js';
import type { FetchArtifact } from './artifact.js';
import type { CacheStats } from './byte-budget-cache.js';
import { VerifiedParts } from './verified-parts.js';

/**
 * Bytes of pair parts the front keeps, those queries have used, least recently used dropped first:
 * baomoi-35k's parts are 32 MB since they hold four-syllable windows (format 8; 19 MB before), so a
 * front that has served every kind of query re-reads some; a whole headline needs a dozen parts.
 */
export const PAIR_CACHE_BYTES = 28 * 1024 * 1024;

/** What one {@link PairPartLoader.run} did. */
export interface PairRun<T> {
  value: T;
  /** The view `fn` ran over last. */
  lexicon: Lexicon;
  /** Times `fn` ran (1 when the first parts fetched were all it needed). */
  runs: number;
}

/** Loads pair parts for requests. */
export class PairPartLoader {
  private readonly parts: VerifiedParts<LexiconPairsEntry['parts'][number], PairSection>;

  /**
   * @param files the manifest's pair parts, in the lexicon's order
   * @param fetchArtifact reads an index file
   */
  constructor(files: LexiconPairsEntry['parts'], fetchArtifact: FetchArtifact, budgetBytes = PAIR_CACHE_BYTES) {
    this.parts = new VerifiedParts(files, fetchArtifact, (bytes, file) => {
      const part = new PairPart(bytes);
      if (part.meta.first !== file.first) throw new ContainerError(`pair part ${file.file} starts at ${JSON.stringify(part.meta.first)}, the manifest says ${JSON.stringify(file.first)} (files from different builds)`);
      return { value: part.section, bytes: part.byteLength };
    }, budgetBytes);
  }

  /**
   * A loader of the pair parts the manifest lists, before the lexicon is there (a cold front can
   * {@link warm} parts while its lexicon loads), or null when it lists none. {@link forIndex} checks
   * it against the lexicon.
   */
  static forManifest(manifest: IndexManifest, fetchArtifact: FetchArtifact): PairPartLoader | null {
    const parts = manifest.lexiconPairs?.parts ?? [];
    return parts.length ? new PairPartLoader(parts, fetchArtifact) : null;
  }

  /**
   * The loader of an index whose lexicon keeps its pairs in parts, or null when it keeps them itself;
   * throws `ContainerError` when the manifest and the lexicon disagree (files from different builds).
   * @param early the loader {@link forManifest} made for this manifest, if any (its loaded parts are kept)
   */
  static forIndex(manifest: IndexManifest, lexicon: Lexicon, fetchArtifact: FetchArtifact, early: PairPartLoader | null = null): PairPartLoader | null {
    const parts = manifest.lexiconPairs?.parts ?? [];
    const firsts = lexicon.meta.pairParts;
    if (!firsts) {
      if (parts.length) throw new ContainerError('the manifest lists pair parts, the lexicon keeps its pairs itself (files from different builds)');
      return null;
    }
    if (parts.length !== firsts.length || parts.some((p, i) => p.first !== firsts[i])) {
      throw new ContainerError('the manifest and the lexicon list different pair parts (files from different builds)');
    }
    return early && early.parts.files === parts ? early : new PairPartLoader(parts, fetchArtifact);
  }

  /**
   * Starts loading, in the background, the parts holding the pairs that begin with these syllables —
   * the parts {@link run} fetches first for them — without the lexicon: the manifest's part boundaries
   * are the lexicon's (checked by {@link forIndex}). A cold front calls it while its lexicon loads, so
   * the first search's plan finds its parts loaded or on their way instead of fetching them after the
   * lexicon, one more round trip (traced locally at 35k: 37–71 ms; the local runtime runs everything
   * on one busy thread, so there the cold search gained little, 352 vs 360 ms alternating restarts,
   * docs/scaling.md). A hint: a failed load is not kept, and the search that needs the part fetches
   * it again and reports the failure. Returns the parts started.
   */
  warm(syllables: Iterable<string>): number {
    const firsts = this.parts.files.map((f) => f.first);
    const parts = new Set<number>();
    for (const s of syllables) {
      const p = pairPartFor(firsts, s);
      if (p >= 0) parts.add(p);
    }
    for (const p of parts) this.parts.get(p).catch(() => undefined);
    return parts.size;
  }

  /**
   * Runs `fn` over a view of `lexicon` that holds every pair part `fn` looks up.
   * @param syllables syllables whose pairs `fn` will likely need (their parts are fetched first)
   */
  async run<T>(lexicon: Lexicon, syllables: Iterable<string>, fn: (view: Lexicon) => T): Promise<PairRun<T>> {
    const held = new Map<number, PairSection>();
    const first = new Set<number>();
    for (const s of syllables) {
      const p = lexicon.pairPartOf(s);
      if (p >= 0) first.add(p);
    }
    await this.load(first, held);
    // Each run that misses fetches at least one more part, and a view holding every part misses
    // none, so this ends after at most every part.
    for (let runs = 1; ; runs++) {
      const missed = new Set<number>();
      const view = lexicon.withPairParts(held, missed);
      const value = fn(view);
      if (missed.size === 0) return { value, lexicon: view, runs };
      await this.load(missed, held);
    }
  }

  /** Every part (tools that look pairs up without a query: benches, diagnostics). */
  async all(): Promise<Map<number, PairSection>> {
    const held = new Map<number, PairSection>();
    await this.load(this.parts.files.map((_, i) => i), held);
    return held;
  }

  private async load(parts: Iterable<number>, into: Map<number, PairSection>): Promise<void> {
    await Promise.all([...parts].filter((p) => !into.has(p)).map(async (p) => {
      into.set(p, await this.parts.get(p));
    }));
  }

  /** Cache counters (diagnostics). */
  stats(): CacheStats {
    return this.parts.stats();
  }
}
