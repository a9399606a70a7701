/**
 * The collection-wide lexicon, loaded by the front Worker to plan queries before they fan out:
 * - folded syllables with their document frequency (prefix completion, fuzzy candidates, rarity);
 * - exact (accented) syllables with their collection counts, grouped by folded form
 *   (which readings `dang` has: đang, đảng, dạng, …);
 * - exact syllable pairs with their counts (diacritic restoration: `chinh phu` → `chính phủ`);
 * - the exact syllable triples that change a restoration, with their counts (`taxi truyen thong` →
 *   truyền thống, where the pair alone says truyền thông).
 *
 * Pairs and triples are most of a large archive's lexicon, so the build writes them as pair parts
 * by first syllable (`pair-section.ts`; `meta.pairParts`): the lexicon then holds only the syllable
 * dictionaries, and pair lookups go through a request-scoped view that holds the parts the query
 * needs ({@link Lexicon.withPairParts}). Small lexicons (tests, fixtures) keep them inline.
 * @module
 */
import { foldDiacritics } from '../analyzer/fold.js';
import { ContainerError, readContainer, requireSections, writeContainer } from './binary-container.js';
import { tailPartFor, type TailEntry } from './lexicon-tail.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { MAX_PAIR_PARTS, MAX_PAIRS_PER_PART, PAIR_SECTIONS, PairSection, type PairArrays } from './pair-section.js';
import { TermDictionary } from './term-dictionary.js';

const MAGIC = 'VNLX';

/**
 * Folded syllables seen in fewer documents than this are not typo corrections (often typos
 * themselves), so the typo orders leave them out.
 */
export const TYPO_MIN_DF = 2;
const encoder = new TextEncoder();

/** Header data of the lexicon. */
export interface LexiconMeta {
  documentCount: number;
  /** Minimum count an exact pair needs to be kept (pairs seen fewer times are dropped). */
  minBigramCount: number;
  /** Minimum count a kept exact triple has (informative triples seen fewer times are dropped). */
  minTrigramCount: number;
  /**
   * Minimum count of a kept four-syllable window (`quadPair`/`quadHash`: the dominant spelling of a
   * folded window seen at least this often; 0 when none is kept).
   */
  minQuadCount?: number;
  /**
   * Occurrences of the syllables kept in the lexicon's tail (`lexicon-tail.ts`; absent or 0 when
   * there is none): part of {@link Lexicon.totalCount}.
   */
  tailCount?: number;
  /**
   * Folded syllables seen in fewer documents than this are in the tail, not here (absent or 1: the
   * lexicon holds every syllable).
   */
  minHotDf?: number;
  /**
   * The first folded syllable of each pair part, ascending (absent: the pairs and triples are in the
   * lexicon's own sections). A pair `a b` is in the last part whose first syllable is ≤ fold(a).
   */
  pairParts?: string[];
  /** Pairs in all parts (with {@link pairParts}). */
  pairTotal?: number;
  /** Triples in all parts (with {@link pairParts}). */
  tripleTotal?: number;
  /** Four-syllable windows in all parts (with {@link pairParts}). */
  quadTotal?: number;
  /** Bytes of the pairs' text plus 8 per pair (offset and count) in all parts (with {@link pairParts}). */
  pairDictionaryBytes?: number;
}

/** Arrays of a lexicon as produced by the build (pairs and triples empty when they are in parts). */
export interface LexiconArrays extends PairArrays {
  foldedBytes: Uint8Array;
  foldedOffsets: Uint32Array;
  /** Documents containing each folded syllable. */
  foldedDf: Uint32Array;
  exactBytes: Uint8Array;
  exactOffsets: Uint32Array;
  /** Occurrences of each exact syllable in the collection. */
  exactCount: Uint32Array;
  /** `groupStarts[f]..groupStarts[f+1]` index `groupMembers` for folded term f. */
  groupStarts: Uint32Array;
  /** Exact term indices, most frequent reading first within a group. */
  groupMembers: Uint32Array;
  /**
   * The folded terms seen in at least {@link TYPO_MIN_DF} documents, each written backwards, sorted
   * (typo search from the end of a word walks them as a trie; see `engine/fuzzy.ts`).
   */
  typoReversedBytes: Uint8Array;
  typoReversedOffsets: Uint32Array;
  /** For each of those, its folded term index. */
  typoReversedIndex: Uint32Array;
}

/**
 * The reversed typo dictionary of a folded dictionary (see {@link LexiconArrays.typoReversedBytes}).
 */
export function reversedTypoDictionary(bytes: Uint8Array, offsets: Uint32Array, df: ArrayLike<number>): Pick<LexiconArrays, 'typoReversedBytes' | 'typoReversedOffsets' | 'typoReversedIndex'> {
  const eligible: number[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) if (df[i] >= TYPO_MIN_DF) eligible.push(i);
  eligible.sort((x, y) => {
    let a = offsets[x + 1] - 1;
    let b = offsets[y + 1] - 1;
    for (; a >= offsets[x] && b >= offsets[y]; a--, b--) if (bytes[a] !== bytes[b]) return bytes[a] - bytes[b];
    return (offsets[x + 1] - offsets[x]) - (offsets[y + 1] - offsets[y]) || x - y;
  });
  const typoReversedOffsets = new Uint32Array(eligible.length + 1);
  let total = 0;
  eligible.forEach((t, i) => { typoReversedOffsets[i] = total; total += offsets[t + 1] - offsets[t]; });
  typoReversedOffsets[eligible.length] = total;
  const typoReversedBytes = new Uint8Array(total);
  eligible.forEach((t, i) => {
    for (let k = offsets[t + 1] - 1, o = typoReversedOffsets[i]; k >= offsets[t]; k--, o++) typoReversedBytes[o] = bytes[k];
  });
  return { typoReversedBytes, typoReversedOffsets, typoReversedIndex: Uint32Array.from(eligible) };
}

/**
 * Encoded pair and triple-group indexes of a lexicon with pair parts carry their part:
 * `part · PART_STRIDE + index in the part`. Parts hold fewer pairs and groups than the stride and a
 * lexicon lists at most {@link MAX_PAIR_PARTS} parts (both checked on load), so every encoded index is
 * below 2^31. Without parts an index is the inline section's own.
 */
const PART_STRIDE = MAX_PAIRS_PER_PART;
/** The stride of a lexicon whose pairs are inline: part 0 only, so the index is never split. */
const INLINE_STRIDE = 2 ** 53;

/** Serializes a lexicon. */
export function writeLexicon(meta: LexiconMeta, a: LexiconArrays): Uint8Array {
  return writeContainer(MAGIC, INDEX_FORMAT_VERSION, meta, { ...a });
}

/** One accented reading of a folded syllable. */
export interface Reading {
  exact: string;
  count: number;
}

/**
 * The pair part holding the pairs that start with syllable `a` (exact or folded), given the parts'
 * first folded syllables (`LexiconMeta.pairParts`, also listed by the manifest); -1 when none can.
 */
export function pairPartFor(firsts: readonly string[], a: string): number {
  return tailPartFor(firsts, foldDiacritics(a));
}

/** A loaded lexicon. */
export class Lexicon {
  readonly meta: LexiconMeta;
  readonly folded: TermDictionary;
  readonly exact: TermDictionary;
  readonly byteLength: number;
  private readonly a: LexiconArrays;
  /** The lexicon's own pairs (empty when they are in parts). */
  private readonly inlinePairs: PairSection;
  /** Tail syllables a request-scoped view knows (see {@link withTail}). */
  private tailEntries: ReadonlyMap<string, TailEntry | null> | undefined;
  /** Pair parts a request-scoped view holds, by part number (see {@link withPairParts}). */
  private partSections: ReadonlyMap<number, PairSection> | undefined;
  /** Parts a view was asked about without holding them. */
  private missedParts: Set<number> | undefined;
  /** {@link PART_STRIDE}, or {@link INLINE_STRIDE} when the pairs are inline. */
  private readonly stride: number;

  /** Opens the bytes of a lexicon; throws when corrupt. */
  constructor(buffer: ArrayBuffer) {
    const c = readContainer<LexiconMeta>(buffer, MAGIC, INDEX_FORMAT_VERSION);
    const a = c.sections as unknown as LexiconArrays;
    requireSections(a as unknown as Record<string, unknown>, ['foldedBytes', 'foldedOffsets', 'foldedDf', 'exactBytes', 'exactOffsets', 'exactCount', 'groupStarts', 'groupMembers', ...PAIR_SECTIONS, 'typoReversedBytes', 'typoReversedOffsets', 'typoReversedIndex'], 'lexicon');
    this.a = a;
    this.meta = c.meta;
    this.byteLength = c.byteLength;
    this.folded = new TermDictionary(a.foldedBytes, a.foldedOffsets);
    this.exact = new TermDictionary(a.exactBytes, a.exactOffsets);
    this.inlinePairs = new PairSection(a);
    const parts = c.meta.pairParts;
    if (a.foldedDf.length !== this.folded.size || a.groupStarts.length !== this.folded.size + 1 || a.exactCount.length !== this.exact.size || a.typoReversedOffsets.length !== a.typoReversedIndex.length + 1
      || (parts !== undefined && (!Array.isArray(parts) || this.inlinePairs.pairs.size > 0))) {
      throw new ContainerError('lexicon is inconsistent (corrupt file)');
    }
    if (parts !== undefined && parts.length > MAX_PAIR_PARTS) throw new ContainerError(`lexicon lists ${parts.length} pair parts; at most ${MAX_PAIR_PARTS} are supported (corrupt file, or built by another version)`);
    this.stride = parts ? PART_STRIDE : INLINE_STRIDE;
  }

  /**
   * A view of this lexicon that also knows some syllables of the lexicon's tail (fetched for one
   * request by `engine/lexicon-tail-loader.ts`): {@link df}, {@link readings} and {@link exactCount}
   * answer for them as for the lexicon's own. Shares every array; the lexicon itself is unchanged.
   * @param entries each syllable looked up in the tail: its entry, or null when the tail lacks it too
   */
  withTail(entries: ReadonlyMap<string, TailEntry | null>): Lexicon {
    if (entries.size === 0) return this;
    void this.totalCount; // computed once here, inherited by every view
    const view = Object.create(this) as Lexicon;
    view.tailEntries = entries;
    return view;
  }

  /**
   * The tail entry of a folded syllable this view looked up: null when neither the lexicon nor its
   * tail holds it, undefined when it was not looked up (or is the lexicon's own).
   */
  tailEntry(folded: string): TailEntry | null | undefined {
    return this.tailEntries?.get(folded);
  }

  /**
   * A view of this lexicon (or of a view of it) that holds some of its pair parts: pair and triple
   * lookups answer from them. A lookup whose part the view does not hold answers as for an unknown
   * pair and adds the part to `missed`, so a caller can fetch the missing parts and run again
   * (`engine/pair-part-loader.ts`). Shares every array.
   * @param parts loaded parts by part number
   * @param missed receives the parts asked about and not held (a fresh set per view)
   */
  withPairParts(parts: ReadonlyMap<number, PairSection>, missed: Set<number>): Lexicon {
    void this.totalCount;
    const view = Object.create(this) as Lexicon;
    view.partSections = parts;
    view.missedParts = missed;
    return view;
  }

  /** Number of pair parts (0 when the pairs are in the lexicon). */
  get pairPartCount(): number {
    return this.meta.pairParts?.length ?? 0;
  }

  /** The pair part that holds the pairs starting with exact syllable `a` (0 without parts; -1: none can). */
  pairPartOf(a: string): number {
    const firsts = this.meta.pairParts;
    return firsts ? pairPartFor(firsts, a) : 0;
  }

  /**
   * The pairs of part `p`: the lexicon's own without parts; in a view, the part when it holds it
   * (else the part is recorded as missed). Throws on a lexicon with parts outside a view: a lookup
   * there would silently find nothing.
   */
  private section(p: number): PairSection | undefined {
    if (!this.meta.pairParts) return this.inlinePairs;
    if (p < 0) return undefined;
    if (!this.missedParts) throw new Error('this lexicon keeps its pairs in parts: look pairs up through Lexicon.withPairParts (engine/pair-part-loader.ts)');
    const s = this.partSections!.get(p);
    if (!s) this.missedParts.add(p);
    return s;
  }

  /** Number of documents containing some reading of the folded syllable (0 when unknown). */
  df(folded: string): number {
    const i = this.folded.indexOf(folded);
    return i < 0 ? (this.tailEntries?.get(folded)?.df ?? 0) : this.a.foldedDf[i];
  }

  /** Occurrences of an exact syllable (0 when unknown). */
  exactCount(exact: string): number {
    const i = this.exact.indexOf(exact);
    if (i >= 0) return this.a.exactCount[i];
    if (!this.tailEntries) return 0;
    return this.tailEntries.get(foldDiacritics(exact))?.readings.find((r) => r.exact === exact)?.count ?? 0;
  }

  private total = -1;

  /** Occurrences of all syllables in the collection (computed on first use). */
  get totalCount(): number {
    if (this.total < 0) {
      let t = this.meta.tailCount ?? 0;
      for (const c of this.a.exactCount) t += c;
      this.total = t;
    }
    return this.total;
  }

  /** Accented readings of a folded syllable, most frequent first. */
  readings(folded: string, limit = 8): Reading[] {
    const f = this.folded.indexOf(folded);
    if (f < 0) return this.tailEntries?.get(folded)?.readings.slice(0, limit) ?? [];
    const out: Reading[] = [];
    const end = Math.min(this.a.groupStarts[f + 1], this.a.groupStarts[f] + limit);
    for (let g = this.a.groupStarts[f]; g < end; g++) {
      const e = this.a.groupMembers[g];
      out.push({ exact: this.exact.termAt(e), count: this.a.exactCount[e] });
    }
    return out;
  }

  /** How often the exact pair `a b` occurs adjacently (0 when unknown or below the kept minimum). */
  pairCount(a: string, b: string): number {
    return this.pairCountAt(this.pairIndex(a, b));
  }

  /**
   * Index of the exact pair `a b` (-1 when not kept); see {@link pairCountAt} and {@link tripleGroup}.
   * With pair parts the part is in its high bits; it is always below 2^31.
   */
  pairIndex(a: string, b: string): number {
    const p = this.pairPartOf(a);
    const s = this.section(p);
    const i = s ? s.indexOf(a, b) : -1;
    return i < 0 ? -1 : p * this.stride + i;
  }

  /** Occurrences of the exact pair at `pairIndex` (from {@link pairIndex}). */
  pairCountAt(pairIndex: number): number {
    if (pairIndex < 0) return 0;
    const s = this.section(Math.floor(pairIndex / this.stride));
    return s ? s.countAt(pairIndex % this.stride) : 0;
  }

  /**
   * The group of kept triples starting with the pair at `pairIndex` (-1 when none): a cheap test
   * before {@link tripleCountIn}.
   */
  tripleGroup(pairIndex: number): number {
    if (pairIndex < 0) return -1;
    const p = Math.floor(pairIndex / this.stride);
    const g = this.section(p)?.tripleGroup(pairIndex % this.stride) ?? -1;
    return g < 0 ? -1 : p * this.stride + g;
  }

  /** Number of kept triples in `group` (distinct third syllables seen after its pair). */
  tripleGroupSize(group: number): number {
    if (group < 0) return 0;
    return this.section(Math.floor(group / this.stride))?.tripleGroupSize(group % this.stride) ?? 0;
  }

  /**
   * Occurrences of the kept triple of `group` (from {@link tripleGroup}) ending with exact syllable
   * `thirdIndex` of {@link exact}; 0 when not kept (never seen, too rare, or no more informative
   * than its pairs).
   */
  tripleCountIn(group: number, thirdIndex: number): number {
    if (group < 0 || thirdIndex < 0) return 0;
    return this.section(Math.floor(group / this.stride))?.tripleCountIn(group % this.stride, thirdIndex) ?? 0;
  }

  /**
   * Whether the exact window `a b c d` is one the corpus repeats in this spelling (seen at least
   * `meta.minQuadCount` times, as the dominant reading of its folded form): the pair index of `a b`
   * from {@link pairIndex} and the window's `quadFingerprint`.
   */
  hasQuadAt(pairIndex: number, hash: number): boolean {
    if (pairIndex < 0) return false;
    return this.section(Math.floor(pairIndex / this.stride))?.hasQuad(pairIndex % this.stride, hash) ?? false;
  }

  /** Number of kept four-syllable windows (in the lexicon or in all its parts). */
  get quadSize(): number {
    return this.meta.pairParts ? (this.meta.quadTotal ?? 0) : this.inlinePairs.quadSize;
  }

  /** Occurrences of the kept exact triple `a b c` (see {@link tripleCountIn}). */
  tripleCount(a: string, b: string, c: string): number {
    return this.tripleCountIn(this.tripleGroup(this.pairIndex(a, b)), this.exact.indexOf(c));
  }

  /**
   * The first `limit` kept pairs starting with exact syllable `a`, in byte order of the second
   * syllable, with their occurrences (what can follow `a`).
   */
  followers(a: string, limit: number): Array<{ word: string; count: number }> {
    const s = this.section(this.pairPartOf(a));
    if (!s) return [];
    const [start, end] = s.pairs.prefixRange(a + ' ');
    const out: Array<{ word: string; count: number }> = [];
    for (let i = start; i < Math.min(end, start + limit); i++) out.push({ word: s.pairs.termAt(i).slice(a.length + 1), count: s.countAt(i) });
    return out;
  }

  /** Number of kept pairs (in the lexicon or in all its parts). */
  get pairSize(): number {
    return this.meta.pairParts ? (this.meta.pairTotal ?? 0) : this.inlinePairs.pairs.size;
  }

  /** Bytes of the kept pairs' text plus 8 per pair (offset and count), wherever they are. */
  get pairDictionaryBytes(): number {
    return this.meta.pairParts ? (this.meta.pairDictionaryBytes ?? 0) : this.inlinePairs.pairs.bytes.length + 8 * this.inlinePairs.pairs.size;
  }

  /** Number of kept triples (in the lexicon or in all its parts). */
  get tripleSize(): number {
    return this.meta.pairParts ? (this.meta.tripleTotal ?? 0) : this.inlinePairs.tripleSize;
  }

  /** Whether the index keeps a tail (`meta.minHotDf` > 1): syllables absent here may be there. */
  get hasTail(): boolean {
    return (this.meta.minHotDf ?? 1) > 1;
  }

  /** Up to `limit` folded syllables starting with `prefix`, highest document frequency first. */
  completions(prefix: string, limit: number): Array<{ term: string; df: number }> {
    if (limit <= 0) return [];
    const [start, end] = this.folded.prefixRange(prefix);
    const best: Array<{ i: number; df: number }> = [];
    for (let i = start; i < end; i++) {
      const df = this.a.foldedDf[i];
      if (best.length < limit) {
        best.push({ i, df });
        best.sort((x, y) => y.df - x.df || x.i - y.i);
      } else if (df > best[best.length - 1].df) {
        best[best.length - 1] = { i, df };
        best.sort((x, y) => y.df - x.df || x.i - y.i);
      }
    }
    return best.map(({ i, df }) => ({ term: this.folded.termAt(i), df }));
  }

  /**
   * The folded terms fit to be typo corrections written backwards and sorted, with each one's folded
   * term index (see {@link LexiconArrays.typoReversedBytes}).
   */
  get typoReversed(): { bytes: Uint8Array; offsets: Uint32Array; index: Uint32Array } {
    return { bytes: this.a.typoReversedBytes, offsets: this.a.typoReversedOffsets, index: this.a.typoReversedIndex };
  }

  /** Document frequency of folded term index `i` (for scans over {@link folded}). */
  dfAt(i: number): number {
    return this.a.foldedDf[i];
  }
}
