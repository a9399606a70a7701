/**
 * The front Worker's access to the lexicon's tail (`index-format/lexicon-tail.ts`): before a query is
 * planned, the syllables it may use that the lexicon lacks are looked up in the one tail part that
 * can hold each, fetched on first use, verified against the manifest and kept in a byte-bounded
 * cache. The planner then sees a request-scoped view of the lexicon that knows them
 * (`Lexicon.withTail`), so planning stays synchronous.
 * @module
 */
import type { Lexicon } from '../index-format/lexicon.js';
import { LexiconTailPart, tailPartFor, type TailEntry } from '../index-format/lexicon-tail.js';
import { ContainerError } from '../index-format/binary-container.js';
import type { IndexManifest, LexiconTailEntry } from '../index-format/manifest.js';
import type { FetchArtifact } from './artifact.js';
import type { CacheStats } from './byte-budget-cache.js';
import { VerifiedParts } from './verified-parts.js';

/** Bytes of tail parts the front keeps (parts are ~1 MiB; a query needs one per rare syllable). */
export const TAIL_CACHE_BYTES = 8 * 1024 * 1024;

/** Most tail syllables one query looks up (a query is planned from at most a few dozen syllables). */
export const MAX_TAIL_LOOKUPS = 16;

/** Loads tail parts for queries. */
export class LexiconTailLoader {
  private readonly firsts: string[];
  private readonly parts: VerifiedParts<LexiconTailEntry['parts'][number], LexiconTailPart>;

  /**
   * @param tail the manifest's `lexiconTail`
   * @param fetchArtifact reads an index file
   */
  constructor(tail: LexiconTailEntry, fetchArtifact: FetchArtifact, budgetBytes = TAIL_CACHE_BYTES) {
    this.firsts = tail.parts.map((p) => p.first);
    this.parts = new VerifiedParts(tail.parts, fetchArtifact, (bytes) => {
      const part = new LexiconTailPart(bytes);
      return { value: part, bytes: part.byteLength };
    }, budgetBytes);
  }

  /**
   * The loader of an index's tail, or null when it keeps none; throws `ContainerError` when the
   * manifest and the lexicon disagree about it (files from different builds).
   */
  static forIndex(manifest: IndexManifest, lexicon: Lexicon, fetchArtifact: FetchArtifact): LexiconTailLoader | null {
    const listed = manifest.lexiconTail?.minHotDf ?? 1;
    if (listed !== (lexicon.meta.minHotDf ?? 1)) throw new ContainerError(`the manifest's lexicon tail starts below ${listed} documents, the lexicon's below ${lexicon.meta.minHotDf ?? 1} (files from different builds)`);
    return manifest.lexiconTail ? new LexiconTailLoader(manifest.lexiconTail, fetchArtifact) : null;
  }

  /**
   * Of a query's folded forms (`queryFoldedForms`: as typed and as decoded from Telex/VNI, `hoaf` →
   * hoa), those the lexicon does not hold, at most {@link MAX_TAIL_LOOKUPS}.
   */
  static missingSyllables(lexicon: Lexicon, forms: readonly string[]): string[] {
    return forms.filter((folded) => lexicon.folded.indexOf(folded) < 0).slice(0, MAX_TAIL_LOOKUPS);
  }

  /**
   * The tail entry of each of `syllables` (null when the tail does not hold it), fetching the parts
   * not cached.
   */
  async entries(syllables: readonly string[]): Promise<Map<string, TailEntry | null>> {
    const out = new Map<string, TailEntry | null>();
    const byPart = new Map<number, string[]>();
    for (const s of syllables) {
      const p = tailPartFor(this.firsts, s);
      if (p >= 0) byPart.set(p, [...(byPart.get(p) ?? []), s]);
      else out.set(s, null);
    }
    await Promise.all([...byPart].map(async ([p, wanted]) => {
      const part = await this.parts.get(p);
      for (const s of wanted) {
        out.set(s, part.entry(s));
      }
    }));
    return out;
  }

  /**
   * A view of `lexicon` that knows the tail syllables among a query's folded forms (`queryFoldedForms`);
   * the lexicon itself when none.
   */
  async viewFor(lexicon: Lexicon, forms: readonly string[]): Promise<Lexicon> {
    const missing = LexiconTailLoader.missingSyllables(lexicon, forms);
    if (missing.length === 0) return lexicon;
    return lexicon.withTail(await this.entries(missing));
  }

  /** Cache counters (diagnostics). */
  stats(): CacheStats {
    return this.parts.stats();
  }
}
