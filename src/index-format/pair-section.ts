/**
 * Exact syllable pairs, the informative triples that extend them and the kept four-syllable windows
 * that start with them (diacritic restoration, collocations, phrase completion): inside the lexicon
 * for a small archive, or cut into **pair parts** by the folded form of the pair's first syllable,
 * each its own file, so that the front Worker loads before its first query only the lexicon's
 * syllable dictionaries and then, per query, the parts of the syllables it types
 * (`engine/pair-part-loader.ts`). A part holds every pair whose first syllable folds into its range,
 * their triples (the third syllable as an index of the lexicon's exact dictionary) and windows (a
 * fingerprint of all four syllables), so one lookup never needs two parts.
 * @module
 */
import { ContainerError, readContainer, requireSections, writeContainer } from './binary-container.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { lowerBound } from './sorted-numbers.js';
import { TermDictionary, utf8Bytes } from './term-dictionary.js';

const MAGIC = 'VNLP';

/** The pair and triple arrays of a lexicon or of one pair part. */
export interface PairArrays {
  /** Exact pairs `a b` in ascending byte order (a `TermDictionary`). */
  pairBytes: Uint8Array;
  pairOffsets: Uint32Array;
  /** Occurrences of each pair. */
  pairCount: Uint32Array;
  /**
   * Kept exact triples `a b c`, grouped by their first pair `a b`: `tripleGroupPair` lists, ascending,
   * the pair indexes (in this section's pair dictionary) that start kept triples; group g's triples
   * are `tripleGroupStart[g]..tripleGroupStart[g+1]`, each the lexicon's exact index of `c`
   * (ascending within the group) and its occurrences (capped at 65535).
   */
  tripleGroupPair: Uint32Array;
  tripleGroupStart: Uint32Array;
  tripleThird: Uint32Array;
  tripleCount: Uint16Array;
  /**
   * Kept exact four-syllable windows `a b c d` (the dominant readings of word sequences the corpus
   * repeats): `quadPair[q]` is the index of the pair `a b` in this section's pair dictionary and
   * `quadHash[q]` the window's {@link quadFingerprint}, sorted by pair, then fingerprint.
   */
  quadPair: Uint32Array;
  quadHash: Uint32Array;
}

/** Names of the {@link PairArrays} sections, as containers store them. */
export const PAIR_SECTIONS = ['pairBytes', 'pairOffsets', 'pairCount', 'tripleGroupPair', 'tripleGroupStart', 'tripleThird', 'tripleCount', 'quadPair', 'quadHash'] as const;

/**
 * A 32-bit fingerprint (FNV-1a over the UTF-16 code units of `a b c d`) of an exact four-syllable
 * window: the build stores it, the restoration model looks candidate readings up by it. Two windows
 * starting with the same pair collide with probability ~2^-32 per lookup.
 */
export function quadFingerprint(a: string, b: string, c: string, d: string): number {
  let h = 0x811c9dc5;
  const words = [a, b, c, d];
  for (let w = 0; w < 4; w++) {
    const text = words[w];
    if (w > 0) h = Math.imul(h ^ 0x20, 0x01000193); // the space between words
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** The pair and triple sections of a lexicon that keeps none (its pairs are in parts, or it has none). */
export function noPairs(): PairArrays {
  return { pairBytes: new Uint8Array(0), pairOffsets: Uint32Array.of(0), pairCount: new Uint32Array(0), tripleGroupPair: new Uint32Array(0), tripleGroupStart: Uint32Array.of(0), tripleThird: new Uint32Array(0), tripleCount: new Uint16Array(0), quadPair: new Uint32Array(0), quadHash: new Uint32Array(0) };
}

/**
 * Most pairs, and most triple groups, one pair part may hold: the lexicon encodes a pair's index as
 * `part · MAX_PAIRS_PER_PART + index in the part`, so with at most {@link MAX_PAIR_PARTS} parts every
 * encoded index stays below 2^31 (safe in an Int32Array). Parts are cut by bytes (128 KiB), far below.
 */
export const MAX_PAIRS_PER_PART = 2 ** 21;

/** Most pair parts a lexicon may list (see {@link MAX_PAIRS_PER_PART}). */
export const MAX_PAIR_PARTS = 2 ** 31 / MAX_PAIRS_PER_PART;

/** Pairs and triples over one set of {@link PairArrays} (zero-copy). */
export class PairSection {
  /** The pairs, `a b` in ascending byte order. */
  readonly pairs: TermDictionary;

  /** Checks the arrays' shapes; throws `ContainerError` when they disagree. */
  constructor(private readonly a: PairArrays) {
    this.pairs = new TermDictionary(a.pairBytes, a.pairOffsets);
    if (a.pairCount.length !== this.pairs.size || a.tripleGroupStart.length !== a.tripleGroupPair.length + 1 || a.tripleCount.length !== a.tripleThird.length || a.tripleGroupStart[a.tripleGroupPair.length] !== a.tripleThird.length || a.quadPair.length !== a.quadHash.length) {
      throw new ContainerError('pairs are inconsistent (corrupt file)');
    }
  }

  /** Index of the exact pair `a b` (-1 when not kept). */
  indexOf(a: string, b: string): number {
    return this.pairs.indexOfBytes(utf8Bytes(a + ' ' + b));
  }

  /** Occurrences of the pair at index `i`. */
  countAt(i: number): number {
    return this.a.pairCount[i];
  }

  /** The triple group of the pair at index `i` (-1 when no kept triple starts with it). */
  tripleGroup(i: number): number {
    const p = this.a.tripleGroupPair;
    const at = lowerBound(p, i, 0, p.length);
    return at < p.length && p[at] === i ? at : -1;
  }

  /** Number of triples in group `g`. */
  tripleGroupSize(g: number): number {
    return this.a.tripleGroupStart[g + 1] - this.a.tripleGroupStart[g];
  }

  /** Occurrences of the triple of group `g` ending with exact syllable `third` (0 when not kept). */
  tripleCountIn(g: number, third: number): number {
    const start = this.a.tripleGroupStart[g];
    const end = this.a.tripleGroupStart[g + 1];
    const at = lowerBound(this.a.tripleThird, third, start, end);
    return at < end && this.a.tripleThird[at] === third ? this.a.tripleCount[at] : 0;
  }

  /**
   * Whether the window with fingerprint `hash` (see {@link quadFingerprint}) starting with the pair at
   * index `i` is kept.
   */
  hasQuad(i: number, hash: number): boolean {
    const { quadPair, quadHash } = this.a;
    const start = lowerBound(quadPair, i, 0, quadPair.length);
    if (start === quadPair.length || quadPair[start] !== i) return false;
    const end = lowerBound(quadPair, i + 1, start, quadPair.length);
    const at = lowerBound(quadHash, hash, start, end);
    return at < end && quadHash[at] === hash;
  }

  /** Number of kept four-syllable windows. */
  get quadSize(): number {
    return this.a.quadHash.length;
  }

  /** Number of triple groups (pairs some kept triple starts with). */
  get tripleGroupCount(): number {
    return this.a.tripleGroupPair.length;
  }

  /** Number of kept triples. */
  get tripleSize(): number {
    return this.a.tripleThird.length;
  }
}

/** Header of a pair part. */
export interface PairPartMeta {
  /** The first folded syllable of the part's range (the manifest lists it too). */
  first: string;
  pairs: number;
  triples: number;
  /** Kept four-syllable windows. */
  quads: number;
}

/** Serializes one pair part. */
export function writePairPart(meta: PairPartMeta, a: PairArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a });
}

/** A loaded pair part. */
export class PairPart {
  readonly section: PairSection;
  readonly meta: PairPartMeta;
  /** Bytes of the part (what a cache of parts counts). */
  readonly byteLength: number;

  /** Opens a part's bytes; throws `ContainerError` when they are corrupt or of another format. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<PairPartMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    requireSections(c.sections, [...PAIR_SECTIONS], 'pair part');
    this.section = new PairSection(c.sections as unknown as PairArrays);
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    if (this.section.pairs.size !== c.meta.pairs || this.section.tripleSize !== c.meta.triples || this.section.quadSize !== c.meta.quads) throw new ContainerError('pair part is inconsistent (corrupt file)');
    if (this.section.pairs.size > MAX_PAIRS_PER_PART || this.section.tripleGroupCount > MAX_PAIRS_PER_PART) {
      throw new ContainerError(`pair part holds ${this.section.pairs.size} pairs in ${this.section.tripleGroupCount} triple groups; at most ${MAX_PAIRS_PER_PART} of each are supported (corrupt file, or built by another version)`);
    }
  }
}
