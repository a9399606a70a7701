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
import { TITLE_INDEX_OPTIONS, type TitleEntry } from '../suggest/title-index-options.js';
import { verifyArtifact, type FetchArtifact } from './artifact.js';
import type { HighlightSpec, QueryPlan, SearchOptions, ShardResult } from './query-plan.js';
import { relatedCandidate, type RelatedCandidate } from './related/candidate.js';
import { ShardSearcher } from './shard-searcher.js';
import { highlightAll, makeSnippet } from './snippet.js';

/** A document as returned in a search hit. */
export interface HitDocument {
  id: string;
  title: string;
  /** Title, HTML-escaped, with matches marked. */
  title_html: string;
  snippet: string;
  date?: string;
  url?: string;
  category?: string;
  author?: string;
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
    if (!entry) throw new Error(`shard ${shard} is not in the manifest`);
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
  hits(docs: number[], highlight: HighlightSpec, snippetChars = 240): HitDocument[] {
    return docs.map((doc) => {
      const d = this.documents.get(doc);
      const title = d.title;
      const text = [d.lead, d.body].filter(Boolean).join('\n');
      const hit: HitDocument = { id: d.id, title, title_html: highlightAll(title, highlight), snippet: makeSnippet(text, highlight, snippetChars) };
      if (d.date) hit.date = d.date;
      if (d.url) hit.url = d.url;
      if (d.category) hit.category = d.category;
      if (d.author) hit.author = d.author;
      return hit;
    });
  }

  /** Related-article candidates: each document's hit fields (unmarked) and its shingles (near-duplicate test). */
  relatedCandidates(docs: number[]): RelatedCandidate[] {
    return docs.map((doc) => relatedCandidate(this.documents.get(doc)));
  }

  /** Documents in this shard containing each key (posting-list lengths; 0 for keys it lacks). */
  documentFrequencies(keys: string[]): number[] {
    return keys.map((k) => {
      const r = this.postings.lookup(k);
      return r ? r.end - r.start : 0;
    });
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
    const results = this.titles.search(q, { prefix: (_t, i, terms) => i === terms.length - 1, combineWith: 'AND', fuzzy: (t) => (t.length >= 6 ? 1 : 0) });
    return results.slice(0, limit).map((r) => ({ id: this.documents.get(Number(r.id)).id, title: String(r.title), score: r.score }));
  }
}
