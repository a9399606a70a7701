/**
 * Per-shard score upper bounds, kept by the front Worker (`score-bounds.bin`, listed in the manifest
 * as `scoreBounds`): for each listed key, the shards that contain it and, per shard, its largest
 * stored impact, exactly (the u16 the shard stores: the top hits of different shards are often within
 * 1–2 % of each other, so a rounded bound could not tell them apart); per shard, the largest impact of
 * any key not listed. With them the front computes, for a
 * plan, an upper bound of every shard's best score and which shards cannot hold a match at all
 * (`engine/shard-bounds.ts`), and skips shards exactly (MaxScore at the level of shards).
 *
 * Listed keys: every single-syllable key (folded or exact: they decide whether a word clause can
 * match in a shard), every headline start (`ha^noi`: one per article) and every pair found in at least
 * {@link SCORE_BOUNDS_MIN_DF} documents of the collection, or more when needed to keep the artifact
 * within {@link SCORE_BOUNDS_BUDGET_BYTES}. Rarer keys cost nothing here; a plan using
 * one gets that shard's "any unlisted key" maximum for it, a valid (loose) bound.
 * @module
 */
import { ContainerError, readContainer, requireSections, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { TermDictionary } from './term-dictionary.js';

const MAGIC = 'VNSB';

/** Version of this artifact's layout (inside the index format version). */
export const SCORE_BOUNDS_VERSION = 2;

/** File name of the score-bounds artifact. */
export const SCORE_BOUNDS_FILE = 'score-bounds.bin';

/** Multi-syllable keys seen in fewer documents than this are not listed (see the module comment). */
export const SCORE_BOUNDS_MIN_DF = 8;

/**
 * Budget of the artifact in the front Worker (beside the lexicon): when the listed keys would take
 * more, the rarest multi-syllable keys are dropped first (the artifact's `minDf` says from where).
 */
export const SCORE_BOUNDS_BUDGET_BYTES = 8 * 1024 * 1024;

/**
 * Keys the artifact lists whatever their frequency: single syllables (folded `ha`, exact `ha=hà`) and
 * headline starts (`ha^noi`). Such a key missing from the artifact is in no shard.
 */
export function alwaysListed(key: string): boolean {
  return /^[^ =^]+([=^][^ =^]+)?$/.test(key);
}


/** Header data of the artifact. */
export interface ScoreBoundsMeta {
  version: number;
  shards: number;
  minDf: number;
}

/** The arrays of the artifact. */
export interface ScoreBoundsArrays {
  /** Listed keys, ascending UTF-8 byte order (a `TermDictionary`). */
  termBytes: Uint8Array;
  termOffsets: Uint32Array;
  /** `entryStarts[k]..entryStarts[k+1]` are key k's entries. */
  entryStarts: Uint32Array;
  /** Shard of each entry, ascending within a key. */
  entryShards: Uint16Array;
  /** The key's largest stored impact in that shard. */
  entryImpacts: Uint16Array;
  /** Per shard: the largest impact (u16) of any key the artifact does not list (0 when none). */
  unlistedMax: Uint16Array;
}

/** Serializes the artifact. */
export function writeScoreBounds(meta: Omit<ScoreBoundsMeta, 'version'>, a: ScoreBoundsArrays): Uint8Array {
  return writeContainer<ScoreBoundsMeta>(MAGIC, INDEX_FORMAT_VERSION, { version: SCORE_BOUNDS_VERSION, ...meta }, { ...a });
}

/** A key's bounds: the shards holding it and the largest impact (upper bound) in each. */
export interface KeyBounds {
  shards: ArrayLike<number>;
  /** Parallel to `shards`: upper bound of the key's largest stored impact there. */
  impacts: ArrayLike<number>;
}

/** The bounds of a key in no shard. */
export const NOWHERE: KeyBounds = { shards: new Uint16Array(0), impacts: [] };

/** The loaded artifact (zero-copy views). */
export class ScoreBounds {
  readonly meta: ScoreBoundsMeta;
  readonly dictionary: TermDictionary;
  readonly unlistedMax: Uint16Array;
  private readonly entryStarts: Uint32Array;
  private readonly entryShards: Uint16Array;
  private readonly entryImpacts: Uint16Array;

  /** Opens the bytes; throws `ContainerError` when they are corrupt or of another version. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<ScoreBoundsMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const s = c.sections as unknown as ScoreBoundsArrays;
    if (c.meta.version !== SCORE_BOUNDS_VERSION) throw new ContainerError(`score-bounds artifact version ${c.meta.version}, this code reads ${SCORE_BOUNDS_VERSION}`);
    requireSections(s as unknown as Record<string, unknown>, ['termBytes', 'termOffsets', 'entryStarts', 'entryShards', 'entryImpacts', 'unlistedMax'], 'score-bounds artifact');
    this.meta = c.meta;
    this.dictionary = new TermDictionary(s.termBytes, s.termOffsets);
    this.entryStarts = s.entryStarts;
    this.entryShards = s.entryShards;
    this.entryImpacts = s.entryImpacts;
    this.unlistedMax = s.unlistedMax;
    if (this.entryStarts.length !== this.dictionary.size + 1 || this.entryShards.length !== this.entryImpacts.length || this.unlistedMax.length !== c.meta.shards) {
      throw new ContainerError('score-bounds artifact is inconsistent (corrupt file)');
    }
  }

  /** Number of shards the bounds describe. */
  get shards(): number {
    return this.meta.shards;
  }

  /**
   * The bounds of a key: the shards holding it (none for an {@link alwaysListed} key that is not
   * listed), or null for a rarer key that may be in any shard (see {@link unlistedMax}).
   */
  key(key: string): KeyBounds | null {
    const i = this.dictionary.indexOf(key);
    if (i < 0) return alwaysListed(key) ? NOWHERE : null;
    const from = this.entryStarts[i];
    const to = this.entryStarts[i + 1];
    return { shards: this.entryShards.subarray(from, to), impacts: this.entryImpacts.subarray(from, to) };
  }
}
