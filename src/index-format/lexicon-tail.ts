/**
 * The lexicon's tail: the rarest folded syllables of a large archive, kept out of the front Worker's
 * lexicon (one static asset of at most 25 MiB, loaded at start-up) and written instead as parts of
 * about {@link TAIL_PART_BYTES}, each a contiguous range of the folded dictionary in byte order. The
 * manifest lists each part with its first syllable (`IndexManifest.lexiconTail`), so the front knows
 * which one part can hold a syllable and fetches only that one, when a query uses a syllable its
 * lexicon does not have.
 *
 * Each tail syllable carries what the lexicon would have said of it — its document frequency and its
 * accented readings with their counts — and the shards holding it (the score-bounds artifact lists
 * no key of a tail syllable; a search still calls only those shards).
 *
 * A syllable is in the tail when it occurs in fewer than `minHotDf` documents (manifest); the build
 * picks the smallest such minimum that keeps the lexicon's dictionaries within their budget, so an
 * archive whose vocabulary fits keeps no tail at all.
 * @module
 */
import { ContainerError, readContainer, requireSections, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { TermDictionary, compareTermsByBytes } from './term-dictionary.js';

const MAGIC = 'VNLT';

/** Target size of one tail part (a part closes once it reaches this). */
export const TAIL_PART_BYTES = 1024 * 1024;

/** One accented reading of a tail syllable. */
export interface TailReading {
  exact: string;
  count: number;
}

/** What the tail knows of one folded syllable. */
export interface TailEntry {
  /** Documents holding some reading of it. */
  df: number;
  /** Its accented readings, most frequent first. */
  readings: TailReading[];
  /** The shards holding it, ascending. */
  shards: Uint16Array;
}

/** The arrays of one tail part. */
export interface LexiconTailArrays {
  /** The part's folded syllables, ascending byte order (a `TermDictionary`). */
  foldedBytes: Uint8Array;
  foldedOffsets: Uint32Array;
  foldedDf: Uint32Array;
  /** `readingStarts[f]..readingStarts[f+1]` index the readings of syllable f. */
  readingStarts: Uint32Array;
  /** The readings' UTF-8 text, concatenated in syllable order. */
  exactBytes: Uint8Array;
  exactOffsets: Uint32Array;
  exactCount: Uint32Array;
  /** `shardStarts[f]..shardStarts[f+1]` index `shards` for syllable f. */
  shardStarts: Uint32Array;
  shards: Uint16Array;
}

/** One syllable as the build hands it to {@link writeLexiconTailPart}. */
export interface TailSyllable extends TailEntry {
  folded: string;
}

const encoder = new TextEncoder();

/** Serializes one part; `syllables` must be in ascending byte order of `folded`. */
export function writeLexiconTailPart(syllables: readonly TailSyllable[]): Uint8Array {
  const folded = syllables.map((s) => encoder.encode(s.folded));
  const readings = syllables.flatMap((s) => s.readings.map((r) => ({ bytes: encoder.encode(r.exact), count: r.count })));
  const foldedOffsets = offsetsOf(folded);
  const exactOffsets = offsetsOf(readings.map((r) => r.bytes));
  const readingStarts = new Uint32Array(syllables.length + 1);
  const shardStarts = new Uint32Array(syllables.length + 1);
  syllables.forEach((s, i) => {
    if (i > 0 && compareTermsByBytes(syllables[i - 1].folded, s.folded) >= 0) throw new Error(`tail syllables are not strictly ascending at ${JSON.stringify(s.folded)}`);
    readingStarts[i + 1] = readingStarts[i] + s.readings.length;
    shardStarts[i + 1] = shardStarts[i] + s.shards.length;
  });
  const shards = new Uint16Array(shardStarts[syllables.length]);
  syllables.forEach((s, i) => shards.set(s.shards, shardStarts[i]));
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, { syllables: syllables.length }, {
    foldedBytes: concat(folded, foldedOffsets), foldedOffsets, foldedDf: Uint32Array.from(syllables, (s) => s.df),
    readingStarts, exactBytes: concat(readings.map((r) => r.bytes), exactOffsets), exactOffsets,
    exactCount: Uint32Array.from(readings, (r) => r.count), shardStarts, shards,
  });
}

function offsetsOf(parts: readonly Uint8Array[]): Uint32Array {
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => { offsets[i + 1] = offsets[i] + p.length; });
  return offsets;
}

function concat(parts: readonly Uint8Array[], offsets: Uint32Array): Uint8Array {
  const out = new Uint8Array(offsets[parts.length]);
  parts.forEach((p, i) => out.set(p, offsets[i]));
  return out;
}

/** Bytes a syllable costs in a part (text, offsets, counts, shards): what the build packs parts by. */
export function tailSyllableBytes(s: TailSyllable): number {
  let bytes = encoder.encode(s.folded).length + 16 + 2 * s.shards.length;
  for (const r of s.readings) bytes += encoder.encode(r.exact).length + 8;
  return bytes;
}

/** A loaded tail part (zero-copy views over its bytes). */
export class LexiconTailPart {
  /** The part's folded syllables. */
  readonly folded: TermDictionary;
  /** Bytes of the part (what a cache of parts counts). */
  readonly byteLength: number;
  private readonly a: LexiconTailArrays;
  private readonly decoder = new TextDecoder();

  /** Opens a part's bytes; throws `ContainerError` when they are corrupt or of another format. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<{ syllables: number }>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const a = c.sections as unknown as LexiconTailArrays;
    requireSections(a as unknown as Record<string, unknown>, ['foldedBytes', 'foldedOffsets', 'foldedDf', 'readingStarts', 'exactBytes', 'exactOffsets', 'exactCount', 'shardStarts', 'shards'], 'lexicon tail part');
    this.a = a;
    this.byteLength = c.byteLength;
    this.folded = new TermDictionary(a.foldedBytes, a.foldedOffsets);
    const n = this.folded.size;
    if (n !== c.meta.syllables || a.foldedDf.length !== n || a.readingStarts.length !== n + 1 || a.shardStarts.length !== n + 1
      || a.readingStarts[n] !== a.exactCount.length || a.exactOffsets.length !== a.exactCount.length + 1 || a.shardStarts[n] !== a.shards.length) {
      throw new ContainerError('lexicon tail part is inconsistent (corrupt file)');
    }
  }

  /** What the part knows of a folded syllable (null when the part does not hold it). */
  entry(folded: string): TailEntry | null {
    const f = this.folded.indexOf(folded);
    if (f < 0) return null;
    const a = this.a;
    const readings: TailReading[] = [];
    for (let r = a.readingStarts[f]; r < a.readingStarts[f + 1]; r++) {
      readings.push({ exact: this.decoder.decode(a.exactBytes.subarray(a.exactOffsets[r], a.exactOffsets[r + 1])), count: a.exactCount[r] });
    }
    return { df: a.foldedDf[f], readings, shards: a.shards.slice(a.shardStarts[f], a.shardStarts[f + 1]) };
  }
}

/**
 * The part that can hold `folded`, given each part's first syllable (ascending): the last part whose
 * first syllable is ≤ `folded`, or -1 when `folded` sorts before every part.
 */
export function tailPartFor(firsts: readonly string[], folded: string): number {
  let lo = 0;
  let hi = firsts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTermsByBytes(firsts[mid], folded) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
