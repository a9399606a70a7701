/**
 * The searchable part of the live index, in memory: the articles written since the deployed build,
 * as small immutable segments in the shard format (the near-real-time segments of Lucene), each
 * searched with the same {@link ShardSearcher} as a built shard, so live and built articles score on
 * one scale and merge exactly. A write adds a one-article segment; segments of a similar size are
 * merged (tiered, {@link MERGE_FACTOR} at a time) from their postings, without analyzing text again:
 * small merges at once, large ones in the background, in slices between requests (searches keep
 * using the old segments until the merged one replaces them). A replaced or deleted article is a
 * dead document until its segment is merged or rewritten.
 * Article text is not held here (the live store keeps it); titles are, in a MiniSearch index for
 * suggestions.
 * @module
 */
import MiniSearch from 'minisearch';
import { mergeShardPostingsArtifact, mergeShardPostingsAsync } from '../../index-format/merge-shard-postings.js';
import { NO_CATEGORY, ShardPostings } from '../../index-format/shard-postings.js';
import { TITLE_INDEX_OPTIONS, type TitleEntry } from '../../suggest/title-index-options.js';
import { searchTitles } from '../../suggest/title-search.js';
import type { QueryPlan, SearchOptions, ShardHit, ShardResult } from '../query-plan.js';
import { KeyMemory } from '../key-memory.js';
import { hitOrder, ShardSearcher } from '../shard-searcher.js';
import { TopK } from '../top-k.js';
import type { PreparedArticle } from './prepared-article.js';

/** Shard number of hits that come from the live index. */
export const LIVE_SHARD = -1;

/** Segments of similar size merged at once. */
export const MERGE_FACTOR = 8;

/**
 * Largest merge done at once, in articles (about 50 ms for 512 baomoi articles on the benchmark
 * machine); larger merges run in the background ({@link BACKGROUND_MERGE_MIN}).
 */
export const MAX_MERGED_DOCS = 512;

/**
 * Segments of at least {@link MAX_MERGED_DOCS} articles are merged in the background once this many
 * exist, so 10,000 live articles are searched as a handful of segments, not dozens.
 */
export const BACKGROUND_MERGE_MIN = 4;

/** Yields to other work (a macrotask), between slices of a background merge. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Search options of the live index: categories by name (live articles may bring new ones). */
export type LiveSearchOptions = Omit<SearchOptions, 'categories' | 'suppressed'> & { categoryNames?: string[] };

/** A title suggestion from the live index. */
export interface LiveTitleSuggestion {
  slot: number;
  title: string;
  score: number;
}

interface Segment {
  postings: ShardPostings;
  searcher: ShardSearcher;
  /** Local document → slot. */
  slots: Uint32Array;
  /** Local documents no longer live. */
  dead: Set<number>;
  deadList: number[];
  /** Being merged in the background (left alone by other merges). */
  merging: boolean;
}

/** Bytes of searcher scratch space per document (see ShardSearcher). */
const SCRATCH_BYTES_PER_DOC = 8 + 2 + 2 + 4 + 2 + 1 + 1 + 4;

const tier = (liveDocs: number) => Math.floor(Math.log(Math.max(1, liveDocs)) / Math.log(MERGE_FACTOR) + 1e-9);
const live = (s: Segment) => s.postings.documentCount - s.dead.size;

/** The live articles' segments and title index. */
export class LiveIndex {
  private segments: Segment[] = [];
  private readonly where = new Map<number, { segment: Segment; local: number }>();
  /** Live category table: names are appended as articles bring them. */
  private readonly categories: string[] = [];
  private readonly categoryIndex = new Map<string, number>();
  private titles = new MiniSearch<TitleEntry>(TITLE_INDEX_OPTIONS);
  private merges = 0;
  private background: Promise<void> | null = null;

  /** @param impactScale the deployed index's `scoring.impactScale` (impacts are multiples of it) */
  constructor(private readonly impactScale: number) {}

  /** Number of live articles searchable. */
  get documentCount(): number {
    return this.where.size;
  }

  /** Number of segments (for diagnostics). */
  get segmentCount(): number {
    return this.segments.length;
  }

  /** True while a background merge runs (searches meanwhile share the isolate with it). */
  get merging(): boolean {
    return this.background !== null;
  }

  /** Segment merges done so far (for diagnostics). */
  get mergeCount(): number {
    return this.merges;
  }

  /** Bytes held by segments (postings and search scratch space), not counting titles. */
  get byteLength(): number {
    let b = 0;
    for (const s of this.segments) b += s.postings.byteLength + s.postings.documentCount * SCRATCH_BYTES_PER_DOC;
    return b;
  }

  /** Resolves when no background merge is running (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.background) await this.background;
  }

  /** Whether `slot` is live. */
  has(slot: number): boolean {
    return this.where.has(slot);
  }

  /** Adds an article under a new slot (slots are never reused). */
  add(slot: number, p: PreparedArticle): void {
    if (this.where.has(slot)) throw new Error(`live slot ${slot} is already in use`);
    // A view over a copy: the category column is set here, in the live category table.
    const postings = new ShardPostings(p.postings.slice().buffer as ArrayBuffer);
    if (postings.documentCount !== 1) throw new Error(`a prepared live article must hold one document (slot ${slot})`);
    postings.docCategory[0] = p.category === undefined ? NO_CATEGORY : this.category(p.category);
    const segment = this.segment(postings, Uint32Array.of(slot));
    this.segments.push(segment);
    this.where.set(slot, { segment, local: 0 });
    this.titles.add({ doc: slot, title: p.title });
    this.mergeTail();
  }

  /** Removes a live article (replaced or deleted); unknown slots are ignored. */
  remove(slot: number): void {
    const at = this.where.get(slot);
    if (!at) return;
    this.where.delete(slot);
    this.titles.discard(slot);
    const s = at.segment;
    s.dead.add(at.local);
    s.deadList = [...s.dead];
    const n = s.postings.documentCount;
    if (s.merging) return; // the background merge drops it
    if (s.dead.size === n) {
      this.segments = this.segments.filter((x) => x !== s);
    } else if (s.dead.size * 2 > n && n - s.dead.size <= MAX_MERGED_DOCS) {
      // Mostly dead: rewrite it without the dead documents.
      this.replace([s]);
    }
  }

  /** Runs a plan over every segment; hits carry {@link LIVE_SHARD} and their slot as `doc`. */
  search(plan: QueryPlan, opts: LiveSearchOptions): ShardResult {
    const categories = opts.categoryNames?.length ? opts.categoryNames.map((c) => this.categoryIndex.get(c) ?? -1) : undefined;
    const { categoryNames: _names, ...rest } = opts;
    const top = new TopK<ShardHit>(opts.topK, hitOrder(opts.sort));
    const facets: ShardResult['facets'] = {};
    let total = 0;
    const encode = new KeyMemory().encoder; // each key encoded once for all segments
    for (const s of this.segments) {
      const r = s.searcher.search(plan, { ...rest, ...(categories ? { categories } : {}), suppressed: s.deadList }, encode);
      total += r.total;
      for (const h of r.hits) top.push({ shard: LIVE_SHARD, doc: s.slots[h.doc], score: h.score, date: h.date });
      for (const [name, counts] of Object.entries(r.facets) as Array<[keyof ShardResult['facets'], Record<string, number>]>) {
        const target = (facets[name] ??= {});
        for (const [k, v] of Object.entries(counts)) target[k] = (target[k] ?? 0) + v;
      }
    }
    return { total, hits: top.sorted(), facets };
  }

  /** Live titles matching what was typed (as the built shards' title indexes do). */
  suggest(q: string, limit: number): LiveTitleSuggestion[] {
    return searchTitles(this.titles, q).slice(0, limit).map((r) => ({ slot: Number(r.id), title: String(r.title), score: r.score }));
  }

  private category(name: string): number {
    let i = this.categoryIndex.get(name);
    if (i === undefined) {
      i = this.categories.length;
      if (i >= NO_CATEGORY) throw new Error('the live index holds too many categories');
      this.categories.push(name);
      this.categoryIndex.set(name, i);
    }
    return i;
  }

  private segment(postings: ShardPostings, slots: Uint32Array): Segment {
    return { postings, searcher: new ShardSearcher(0, postings, this.impactScale, this.categories), slots, dead: new Set(), deadList: [], merging: false };
  }

  /**
   * Merges the newest segments while the last {@link MERGE_FACTOR} of them are of one size tier and
   * small; then starts a background merge of large segments when enough have accumulated.
   */
  private mergeTail(): void {
    for (;;) {
      const tail = this.segments.filter((s) => !s.merging).slice(-MERGE_FACTOR);
      if (tail.length < MERGE_FACTOR || tail.some((s) => this.segments.indexOf(s) < this.segments.length - MERGE_FACTOR)) break;
      const t = tier(live(tail[0]));
      if (!tail.every((s) => tier(live(s)) === t)) break;
      if (tail.reduce((sum, s) => sum + live(s), 0) > MAX_MERGED_DOCS) break;
      this.replace(tail);
    }
    this.startBackgroundMerge();
  }

  /** Merges the large segments in slices between other work, when enough exist and none is running. */
  private startBackgroundMerge(): void {
    if (this.background) return;
    const large = this.segments.filter((s) => !s.merging && live(s) >= MAX_MERGED_DOCS);
    // Of similar size (within 2×), the smallest first: a big segment is not merged again for little gain.
    large.sort((a, b) => live(a) - live(b));
    const group = large.slice(0, MERGE_FACTOR).filter((s, _i, g) => live(s) <= 2 * live(g[0]));
    if (group.length < BACKGROUND_MERGE_MIN) return;
    for (const s of group) s.merging = true;
    const drops = group.map((s) => new Set(s.dead));
    this.background = (async () => {
      try {
        const { postings, docMaps } = await mergeShardPostingsAsync(group.map((s, i) => ({ postings: s.postings, drop: drops[i] })), pause);
        this.install(group, postings, docMaps, drops);
      } catch (e) {
        for (const s of group) s.merging = false; // leave the segments as they were
        console.error(JSON.stringify({ level: 'error', event: 'live_merge_failed', error: (e as Error).message }));
      } finally {
        this.background = null;
      }
      this.startBackgroundMerge();
    })();
  }

  /**
   * Puts a merged segment in place of its inputs; documents that died while the merge ran are
   * marked dead in it.
   */
  private install(group: Segment[], postings: ShardPostings, docMaps: Int32Array[], drops: Set<number>[]): void {
    const slots = new Uint32Array(postings.documentCount);
    group.forEach((s, i) => docMaps[i].forEach((nd, local) => { if (nd >= 0) slots[nd] = s.slots[local]; }));
    const merged = this.segment(postings, slots);
    group.forEach((s, i) => {
      for (const d of s.dead) if (!drops[i].has(d) && docMaps[i][d] >= 0) merged.dead.add(docMaps[i][d]);
    });
    merged.deadList = [...merged.dead];
    slots.forEach((slot, local) => { if (!merged.dead.has(local)) this.where.set(slot, { segment: merged, local }); });
    const first = Math.min(...group.map((s) => this.segments.indexOf(s)));
    const rest = this.segments.filter((s) => !group.includes(s));
    rest.splice(first, 0, ...(postings.documentCount > merged.dead.size ? [merged] : []));
    this.segments = rest;
    this.merges++;
  }

  /** Replaces consecutive segments by their merge (dead documents dropped). */
  private replace(group: Segment[]): void {
    const { postings, docMaps } = mergeShardPostingsArtifact(0, group.map((s) => ({ postings: s.postings, drop: s.dead })));
    const slots = new Uint32Array(postings.documentCount);
    group.forEach((s, i) => docMaps[i].forEach((nd, local) => { if (nd >= 0) slots[nd] = s.slots[local]; }));
    const merged = this.segment(postings, slots);
    slots.forEach((slot, local) => this.where.set(slot, { segment: merged, local }));
    const first = this.segments.indexOf(group[0]);
    this.segments.splice(first, group.length, ...(postings.documentCount ? [merged] : []));
    this.merges++;
  }
}
