/**
 * How the front end talks to a shard, wherever it lives: in the same isolate (small indexes, tests,
 * benchmarks) or in its own Durable Object (large indexes). Every method takes and returns plain data.
 * @module
 */
import { sharedLoad } from './keep-alive.js';
import type { CopyStatus } from './artifact-store.js';
import type { StoredDocument } from '../index-format/document-store.js';
import type { HitDocument } from './hit-document.js';
import type { BaseLookup, LoadedShard, TitleSuggestion } from './loaded-shard.js';
import type { HighlightSpec, QueryPlan, SearchOptions, ShardResult } from './query-plan.js';
import type { RelatedCandidate } from './related/candidate.js';

/** Operations a shard offers. */
export interface ShardClient {
  search(plan: QueryPlan, opts: SearchOptions): Promise<ShardResult>;
  hits(docs: number[], highlight: HighlightSpec): Promise<HitDocument[]>;
  suggest(q: string, limit: number): Promise<TitleSuggestion[]>;
  article(id: string): Promise<StoredDocument | null>;
  lookup(keys: string[], ids: string[]): Promise<BaseLookup>;
  /** Related-article candidates among local documents (see {@link LoadedShard.relatedCandidates}). */
  relatedCandidates(docs: number[]): Promise<RelatedCandidate[]>;
  /**
   * Loads the shard and the postings blocks of the query syllables `forms` (folded), ahead of the
   * plan (see {@link LoadedShard.prefetch}). Optional: a client without it is simply not warmed.
   */
  prefetch?(forms: string[]): Promise<void>;
  /**
   * Loads the shard and tells how far its durable copy of its files is. Optional: only shards in
   * Durable Objects keep one (src/worker/shard-copy.ts).
   */
  copyStatus?(): Promise<CopyStatus>;
}

/** A client over a shard loaded in this isolate, loading it on first use. */
export class InProcessShardClient implements ShardClient {
  /** The shard, loaded on first use (a failed load is tried again next time). */
  private readonly shard: () => Promise<LoadedShard>;

  constructor(load: () => Promise<LoadedShard>) {
    this.shard = sharedLoad(load);
  }

  async search(plan: QueryPlan, opts: SearchOptions) { return (await this.shard()).search(plan, opts); }
  async hits(docs: number[], highlight: HighlightSpec) { return (await this.shard()).hits(docs, highlight); }
  async suggest(q: string, limit: number) { return (await this.shard()).suggest(q, limit); }
  async article(id: string) { return (await this.shard()).article(id); }
  async lookup(keys: string[], ids: string[]) { return (await this.shard()).lookup(keys, ids); }
  async relatedCandidates(docs: number[]) { return (await this.shard()).relatedCandidates(docs); }
  async prefetch(forms: string[]) { return (await this.shard()).prefetch(forms); }
}
