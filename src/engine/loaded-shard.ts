/**
 * One shard in memory: postings (search), document store (snippets, articles) and, on first use, the
 * MiniSearch title index (suggestions). Pure TypeScript: the same code runs inside a Durable Object,
 * inside the front Worker for single-shard indexes, and in Node for benchmarks.
 * @module
 */
import MiniSearch from 'minisearch';
import { DocumentStore, type StoredDocument } from '../index-format/document-store.js';
import type { IndexManifest, ShardEntry } from '../index-format/manifest.js';
import { ShardPostings } from '../index-format/shard-postings.js';
import { TITLE_INDEX_OPTIONS, TITLE_SEARCH_OPTIONS, type TitleEntry } from '../suggest/title-index-options.js';
import { ArtifactError, verifyArtifact, type FetchArtifact } from './artifact.js';
import type { HighlightSpec, QueryPlan, SearchOptions, ShardResult } from './query-plan.js';
import { relatedCandidate, type RelatedCandidate } from './related/candidate.js';
import { ShardSearcher } from './shard-searcher.js';
import { hitDocument, type HitDocument } from './hit-document.js';

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

/** A shard loaded into memory. */
export class LoadedShard {
  private titles: MiniSearch<TitleEntry> | null = null;
  readonly searcher: ShardSearcher;

  private constructor(
    readonly entry: ShardEntry,
    readonly postings: ShardPostings,
    readonly documents: DocumentStore,
    private readonly fetchArtifact: FetchArtifact,
    manifest: IndexManifest,
  ) {
    this.searcher = new ShardSearcher(entry.shard, postings, manifest.scoring.impactScale, manifest.categories);
  }

  /** Loads and verifies (size and SHA-256) a shard's postings and documents. */
  static async load(manifest: IndexManifest, shard: number, fetchArtifact: FetchArtifact): Promise<LoadedShard> {
    const entry = manifest.shards[shard];
    if (!entry) throw new ArtifactError(`shard ${shard} is not in the manifest`);
    // Fetch both, then verify both: verifying the first while the second is still being fetched left
    // its rejection (a corrupt file) unhandled until Promise.all was reached.
    const [pb, db] = await Promise.all([fetchArtifact(entry.postings.file), fetchArtifact(entry.documents.file)]);
    const [p, d] = await Promise.all([verifyArtifact(entry.postings, pb), verifyArtifact(entry.documents, db)]);
    return new LoadedShard(entry, new ShardPostings(p), new DocumentStore(d), fetchArtifact, manifest);
  }

  /** Executes a plan (see {@link ShardSearcher.search}). */
  search(plan: QueryPlan, opts: SearchOptions): ShardResult {
    return this.searcher.search(plan, opts);
  }

  /** Stored fields plus highlighted title and snippet for local documents `docs`. */
  hits(docs: number[], highlight: HighlightSpec): HitDocument[] {
    return docs.map((doc) => hitDocument(this.documents.get(doc), highlight));
  }

  /**
   * Per key, how many of this shard's documents contain it (its posting list length); per id, the
   * local document that has it or -1. The live index scores and places its articles with these.
   */
  lookup(keys: readonly string[], ids: readonly string[]): BaseLookup {
    return {
      df: keys.map((k) => {
        const r = this.postings.lookup(k);
        return r ? r.end - r.start : 0;
      }),
      docs: ids.map((id) => this.documents.findById(id)),
    };
  }

  /** Related-article candidates: each document's hit fields (unmarked) and its shingles (near-duplicate test). */
  relatedCandidates(docs: number[]): RelatedCandidate[] {
    return docs.map((doc) => relatedCandidate(this.documents.get(doc)));
  }

  /** The stored article with this id, or null. */
  article(id: string): StoredDocument | null {
    const doc = this.documents.findById(id);
    return doc < 0 ? null : this.documents.get(doc);
  }

  /** Title completions for `q` (prefix on the last word, diacritic-insensitive). */
  async suggest(q: string, limit: number): Promise<TitleSuggestion[]> {
    if (!this.titles) {
      const bytes = await verifyArtifact(this.entry.suggest, await this.fetchArtifact(this.entry.suggest.file));
      this.titles = MiniSearch.loadJSON<TitleEntry>(new TextDecoder().decode(bytes), TITLE_INDEX_OPTIONS);
    }
    const results = this.titles.search(q, TITLE_SEARCH_OPTIONS);
    return results.slice(0, limit).map((r) => ({ id: this.documents.get(Number(r.id)).id, title: String(r.title), score: r.score }));
  }
}
