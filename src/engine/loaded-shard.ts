/**
 * One shard, loaded on demand (since index format 3): the head on first use (per-document columns, id
 * dictionary, block directories), then only the postings blocks a query's keys live in and the
 * document blocks of the hits it returns, each verified against the SHA-256 the head lists and kept
 * in a byte-bounded cache. A shard therefore answers its first query after reading a small fraction
 * of its files, and its memory stays bounded however large it is. Pure TypeScript: the same code runs
 * inside a Durable Object, inside the front Worker for single-shard indexes, and in Node.
 * @module
 */
import MiniSearch from 'minisearch';
import type { StoredDocument } from '../index-format/document-store.js';
import { DocumentBlock, parseRecord } from '../index-format/document-block.js';
import type { IndexManifest, ShardEntry } from '../index-format/manifest.js';
import { PostingsBlock, type PostingList } from '../index-format/postings-block.js';
import type { PostingsView } from '../index-format/postings-view.js';
import { ShardHead, type BlockFile } from '../index-format/shard-head.js';
import { foldedKey } from '../index-format/term-keys.js';
import { TITLE_INDEX_OPTIONS, type TitleEntry } from '../suggest/title-index-options.js';
import { searchTitles } from '../suggest/title-search.js';
import { ArtifactError, type FetchArtifact } from './artifact.js';
import { readArtifact, type ArtifactStore, type CopyUnit } from './artifact-store.js';
import { ByteBudgetCache, type CacheStats } from './byte-budget-cache.js';
import { hitDocument, type HitDocument } from './hit-document.js';
import type { HighlightSpec, QueryPlan, SearchOptions, ShardResult } from './query-plan.js';
import { relatedCandidate, type RelatedCandidate } from './related/candidate.js';
import { KEY_MEMORY_KEYS, KeyMemory } from './key-memory.js';
import { ShardSearcher, type KeyEncoder } from './shard-searcher.js';

/** Answer of {@link LoadedShard.lookup}. */
export interface BaseLookup {
  /** Per key, the number of documents containing it. */
  df: number[];
  /** Per id, its local document or -1. */
  docs: number[];
}

/** A title suggestion from one shard. */
export interface TitleSuggestion {
  id: string;
  title: string;
  score: number;
}

const MiB = 1024 * 1024;

/**
 * Bytes a shard keeps of loaded blocks: a Durable Object's isolate has 128 MB and may host more than
 * one object, so a shard stays under half of it whatever its size. A shard cut at the build's
 * default size (~16 MB of postings, ~12 MB of documents) fits whole, so a warm shard reads nothing
 * again; the document share is large because a search returns the stored records of all the hits it
 * sends the front (about 8 per shard on the benchmark mix), not just the page's.
 */
export const SHARD_CACHE_BUDGET = { postings: 32 * MiB, documents: 24 * MiB };

/**
 * Block-cache budget of the shards a large archive makes bigger than the default cut
 * (index-build/shard-plan.ts, up to 80 MiB of stored text): half of {@link SHARD_CACHE_BUDGET}, since
 * such a shard peaks at ~79 MB with a query's blocks and its title index loaded (measured at ~17,500
 * articles of ~77 MiB per shard, `npm run bench:scale -- --corpus 350k --shards 20`), so that head +
 * title index + full caches stay ≤ ~96 MB.
 */
export const LARGE_SHARD_CACHE_BUDGET = { postings: 16 * MiB, documents: 12 * MiB };

/** The cache budget of a shard: {@link LARGE_SHARD_CACHE_BUDGET} above 16 MiB of stored documents. */
export function cacheBudgetFor(entry: { files: { documentsBytes: number } } | undefined): typeof SHARD_CACHE_BUDGET {
  return entry && entry.files.documentsBytes > 16 * MiB ? LARGE_SHARD_CACHE_BUDGET : SHARD_CACHE_BUDGET;
}

/**
 * Bytes of fetched files of packed blocks a shard keeps (index format 10): a query that needs several
 * blocks of one file before the shard's copy holds them fetches the file once. Small, since the copy
 * makes such fetches rare; the blocks themselves go to the block caches.
 */
export const PACK_CACHE_BYTES = 2 * MiB;

/** Options of {@link LoadedShard.load}. */
export interface LoadOptions {
  /** Bytes of blocks kept in memory (default: {@link cacheBudgetFor} the shard). */
  budget?: typeof SHARD_CACHE_BUDGET;
  /** Keys whose place the shard remembers across searches (default {@link KEY_MEMORY_KEYS}). */
  keyMemory?: number;
  /** A durable copy of the shard's files read before fetching (a Durable Object's own storage). */
  store?: ArtifactStore;
}

/** Memory and cache diagnostics of a shard. */
export interface ShardStats {
  shard: number;
  documents: number;
  headBytes: number;
  postings: CacheStats;
  documentsCache: CacheStats;
}

/** Every key a plan reads (terms, required and excluded keys, headline syllables and coverage keys). */
export function planKeys(plan: QueryPlan): string[] {
  const keys = new Set<string>();
  for (const t of plan.terms) keys.add(t.key);
  for (const k of plan.required) keys.add(k);
  for (const k of plan.excluded) keys.add(k);
  for (const f of plan.syllables) keys.add(foldedKey(f));
  // Headline coverage: the exact forms typed and the syllables of aliases and abbreviations.
  for (const k of plan.coverage?.exactKeys ?? []) if (k) keys.add(k);
  for (const alt of plan.coverage?.alternatives ?? []) for (const f of alt.folded) keys.add(foldedKey(f));
  return [...keys];
}

/** A shard's postings as query execution reads them: the head's columns and the blocks loaded for the current query. */
class BlockView implements PostingsView {
  /** Blocks of the query being executed (set around each synchronous search). */
  private blocks: Map<number, PostingsBlock> | null = null;
  /**
   * Where each key is: its block (where it would be: -1 when no block can hold it) and its index
   * there (-1 when the shard lacks it). Keyed by the encoded key (the shard's {@link KeyMemory} gives
   * one array per key) and kept across searches, since a shard's blocks never change: a whole-headline
   * search looks up 40 lists and 38 term numbers per shard (35k), mostly keys earlier searches looked
   * up, and the two binary searches (block directory, then block) cost about as much as summing a
   * short list. A key missing here is found again, in the block {@link blockFor} named.
   */
  private readonly found = new Map<Uint8Array, { block: number; i: number }>();

  constructor(private readonly head: ShardHead) {}

  get documentCount() { return this.head.documentCount; }
  get docDate() { return this.head.docDate; }
  get docCategory() { return this.head.docCategory; }
  get headlineStarts() { return this.head.headlineStarts; }
  get headlineTerms() { return this.head.headlineTerms; }
  get headlineExact() { return this.head.headlineExact; }

  /** Starts a search over `blocks` (every block {@link blockFor} names for its keys). */
  begin(blocks: Map<number, PostingsBlock>): void {
    this.blocks = blocks;
  }

  /** Ends the search begun by {@link begin}. */
  end(): void {
    this.blocks = null;
  }

  /** Forgets where keys are (their encoded arrays are being dropped). */
  forget(): void {
    this.found.clear();
  }

  /** The block a search for `key` must have loaded: where the key is or would be; -1 for none. */
  blockFor(key: Uint8Array): number {
    return this.found.get(key)?.block ?? this.head.blockOf(key);
  }

  private find(key: Uint8Array): { block: PostingsBlock; i: number } | null {
    let known = this.found.get(key);
    if (known === undefined) {
      const b = this.head.blockOf(key);
      known = { block: b, i: b < 0 ? -1 : this.loaded(b).indexOf(key) };
      this.found.set(key, known);
    }
    return known.i < 0 ? null : { block: this.loaded(known.block), i: known.i };
  }

  private loaded(b: number): PostingsBlock {
    const block = this.blocks?.get(b);
    if (!block) throw new Error(`postings block ${b} of shard ${this.head.meta.shard} was not loaded before the search (internal error)`);
    return block;
  }

  list(key: Uint8Array): PostingList | null {
    const f = this.find(key);
    return f ? f.block.list(f.i) : null;
  }

  headlineNumber(key: Uint8Array): number {
    const f = this.find(key);
    return f ? this.head.headlineNumber(f.block.meta.firstTerm + f.i) : -1;
  }
}

/** A shard whose head is loaded; blocks load as queries need them. */
export class LoadedShard {
  private titles: MiniSearch<TitleEntry> | null = null;
  private readonly view: BlockView;
  /** Keys' bytes across searches, so that the view remembers where each key is. */
  private readonly keys: KeyMemory;
  readonly searcher: ShardSearcher;
  private readonly postingsCache: ByteBudgetCache<number, PostingsBlock>;
  private readonly documentsCache: ByteBudgetCache<number, DocumentBlock>;
  private readonly packs = new ByteBudgetCache<string, ArrayBuffer>(PACK_CACHE_BYTES);
  /** Fetches a file through {@link packs}. */
  private readonly fetchPacked: FetchArtifact;

  private constructor(
    readonly entry: ShardEntry,
    readonly head: ShardHead,
    private readonly fetchArtifact: FetchArtifact,
    private readonly store: ArtifactStore | undefined,
    manifest: IndexManifest,
    budget: typeof SHARD_CACHE_BUDGET,
    keyMemory: number = KEY_MEMORY_KEYS,
  ) {
    this.view = new BlockView(head);
    this.keys = new KeyMemory(() => this.view.forget(), keyMemory);
    this.searcher = new ShardSearcher(entry.shard, this.view, manifest.scoring.impactScale, manifest.categories);
    this.postingsCache = new ByteBudgetCache(budget.postings);
    this.documentsCache = new ByteBudgetCache(budget.documents);
    this.fetchPacked = (file) => this.packs.getOrLoad(file, async () => {
      const bytes = await this.fetchArtifact(file);
      return { value: bytes, bytes: bytes.byteLength };
    });
  }

  /**
   * Loads a shard's head, verified (size and SHA-256) unless `opts.store` holds it; nothing else is read
   * until a query needs it. Every later file comes from the store when it holds it, else is fetched
   * and verified ({@link readArtifact}).
   */
  static async load(manifest: IndexManifest, shard: number, fetchArtifact: FetchArtifact, opts: LoadOptions = {}): Promise<LoadedShard> {
    const entry = manifest.shards[shard];
    if (!entry) throw new ArtifactError(`shard ${shard} is not in the manifest`);
    const head = new ShardHead(await readArtifact(entry.head, fetchArtifact, opts.store));
    if (head.meta.shard !== shard || head.documentCount !== entry.documentCount) {
      throw new ArtifactError(`shard ${shard}'s head is inconsistent with the manifest (corrupt file)`);
    }
    return new LoadedShard(entry, head, fetchArtifact, opts.store, manifest, opts.budget ?? cacheBudgetFor(entry), opts.keyMemory);
  }

  /**
   * Every file of the shard, as its copy stores them: head and title index whole, then each file of
   * postings blocks and of document blocks with the blocks it holds (stored block by block).
   */
  files(): CopyUnit[] {
    return [{ file: this.entry.head }, { file: this.entry.suggest }, ...this.head.packedFiles().map((p) => ({ file: p.file, parts: p.blocks }))];
  }

  /** A file's or block's bytes, from the store or fetched and verified. */
  private read(file: BlockFile): Promise<ArrayBuffer> {
    return readArtifact(file, file.offset === undefined ? this.fetchArtifact : this.fetchPacked, this.store);
  }

  /** Number of documents. */
  get documentCount(): number {
    return this.head.documentCount;
  }

  /**
   * Loads (or finds in the cache) the postings blocks holding `keys`, encoded by the shard's key
   * memory (trimmed first: see {@link KeyMemory.trim}).
   */
  private prepare(keys: readonly string[]): Promise<Map<number, PostingsBlock>> {
    this.keys.trim();
    const encode = this.keys.encoder;
    const wanted: number[] = [];
    for (const k of keys) {
      const b = this.view.blockFor(encode(k));
      if (b >= 0) wanted.push(b);
    }
    return this.postingsCache.getAllOrLoad(wanted, async (b) => {
      const block = new PostingsBlock(await this.read(this.head.blockFile(b)));
      return { value: block, bytes: block.byteLength };
    });
  }

  /**
   * Runs `fn` with the blocks of `keys` in place (no await inside: concurrent queries cannot interleave);
   * `fn` gets the encoder that found them, so each key is encoded once.
   */
  private async withBlocks<T>(keys: readonly string[], fn: (encode: KeyEncoder) => T): Promise<T> {
    const blocks = await this.prepare(keys);
    this.view.begin(blocks);
    try {
      return fn(this.keys.encoder);
    } finally {
      this.view.end();
    }
  }

  /**
   * Loads into the cache the postings blocks where the keys about each folded syllable of `forms`
   * begin (a syllable's keys sort together), so that a query about them finds its blocks in memory.
   * A hint: the query's plan may need other blocks, which it loads itself.
   */
  async prefetch(forms: readonly string[]): Promise<void> {
    await this.prepare(forms);
  }

  /** Stored records of local documents (views into their blocks: copy one to keep it), loading the blocks as needed. */
  async records(docs: readonly number[]): Promise<Uint8Array[]> {
    const numbers = docs.map((doc) => this.head.docBlockOf(doc));
    const blocks = await this.documentsCache.getAllOrLoad(numbers, async (b) => {
      const block = new DocumentBlock(await this.read(this.head.docBlockFile(b)));
      return { value: block, bytes: block.byteLength };
    });
    return docs.map((doc, i) => blocks.get(numbers[i])!.record(doc));
  }

  /**
   * Executes a plan (see {@link ShardSearcher.search}); with `opts.records`, the best hits' stored
   * records come along (past `opts.recordsRead`, only those whose block is in memory) as views into
   * their blocks: nothing is copied here. A caller that sends the answer over RPC packs them first
   * (`packRecords`); one in the same isolate reads them in place.
   */
  async search(plan: QueryPlan, opts: SearchOptions): Promise<ShardResult> {
    const result = await this.withBlocks(planKeys(plan), (encode) => this.searcher.search(plan, opts, encode));
    const n = Math.min(result.hits.length, Math.max(0, Math.floor(opts.records ?? 0)));
    if (n === 0) return result;
    const read = Math.min(n, Math.max(0, Math.floor(opts.recordsRead ?? n)));
    const docs = result.hits.slice(0, n).map((h) => h.doc);
    result.records = [...await this.records(docs.slice(0, read)), ...docs.slice(read).map((doc) => this.recordInMemory(doc))];
    return result;
  }

  /** The stored record of `doc` (a view into its block) if the block is in memory, else undefined; reads nothing. */
  private recordInMemory(doc: number): Uint8Array | undefined {
    return this.documentsCache.get(this.head.docBlockOf(doc))?.record(doc);
  }

  /** Stored fields plus highlighted title and snippet for local documents `docs`. */
  async hits(docs: number[], highlight: HighlightSpec): Promise<HitDocument[]> {
    return (await this.records(docs)).map((r) => hitDocument(parseRecord(r), highlight));
  }

  /**
   * Per key, how many of this shard's documents contain it (its posting list length); per id, the
   * local document that has it or -1. The live index scores and places its articles with these.
   */
  async lookup(keys: readonly string[], ids: readonly string[]): Promise<BaseLookup> {
    const df = await this.withBlocks(keys, (encode) => keys.map((k) => {
      const l = this.view.list(encode(k));
      return l ? l.end - l.start : 0;
    }));
    return { df, docs: ids.map((id) => this.head.findById(id)) };
  }

  /** Related-article candidates: each document's hit fields (unmarked) and its shingles (near-duplicate test). */
  async relatedCandidates(docs: number[]): Promise<RelatedCandidate[]> {
    return (await this.records(docs)).map((r) => relatedCandidate(parseRecord(r)));
  }

  /** The stored article with this id, or null. */
  async article(id: string): Promise<StoredDocument | null> {
    const doc = this.head.findById(id);
    return doc < 0 ? null : parseRecord((await this.records([doc]))[0]);
  }

  /** Title completions for `q` (prefix on the last word, diacritic-insensitive). */
  async suggest(q: string, limit: number): Promise<TitleSuggestion[]> {
    if (!this.titles) {
      const bytes = await this.read(this.entry.suggest);
      this.titles = MiniSearch.loadJSON<TitleEntry>(new TextDecoder().decode(bytes), TITLE_INDEX_OPTIONS);
    }
    const results = searchTitles(this.titles, q);
    return results.slice(0, limit).map((r) => ({ id: this.head.idOf(Number(r.id)), title: String(r.title), score: r.score }));
  }

  /** Memory and cache diagnostics. */
  stats(): ShardStats {
    return { shard: this.entry.shard, documents: this.head.documentCount, headBytes: this.head.byteLength, postings: this.postingsCache.stats(), documentsCache: this.documentsCache.stats() };
  }
}
