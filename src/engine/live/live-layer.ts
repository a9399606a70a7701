/**
 * The contract between the search front end and the live index (articles written through the API
 * since the deployed build, held by one Durable Object): plain data, so it crosses RPC. Every call
 * names the deployed build it is made against ({@link BaseRef}), because which live changes are
 * still needed, and where a replaced or deleted article sits in the built shards, depend on it.
 * @module
 */
import type { StoredDocument } from '../../index-format/document-store.js';
import type { HitDocument } from '../hit-document.js';
import type { TitleSuggestion } from '../loaded-shard.js';
import type { HighlightSpec, QueryPlan, ShardResult } from '../query-plan.js';
import type { LiveSearchOptions } from './live-index.js';

/** The deployed build a call is made against. */
export interface BaseRef {
  /** The manifest's content hash. */
  contentHash: string;
  /** The last live sequence number the build folded in (0 when it folded none). */
  liveSeq: number;
}

/**
 * Built articles the live index took down or replaced, to leave out of every built shard's results.
 * `version` changes whenever the set does, so a front end sends its version and receives the lists
 * only when they changed.
 */
export interface Suppression {
  version: number;
  /** Per shard number (as a string key), local documents to leave out. */
  shards: Record<string, number[]>;
  /** The ids of those documents (to filter title suggestions). */
  ids: string[];
}

/** The live index's state as a front end needs it for one request. */
export interface LiveView {
  /** Sequence number of the last acknowledged write (ETags and cache keys include it). */
  seq: number;
  suppressionVersion: number;
  /** The suppression lists, when the caller's version differs from `suppressionVersion`. */
  suppression?: Suppression;
}

/** What the live index knows about an id, with its sequence number at the time (`seq`). */
export type LiveArticle = { seq: number } & (
  | { state: 'live'; article: StoredDocument }
  | { state: 'deleted' }
  | { state: 'absent' }
);

/** Read operations of the live index used by searches. */
export interface LiveLayer {
  view(base: BaseRef, knownVersion: number): Promise<LiveView>;
  search(base: BaseRef, plan: QueryPlan, opts: LiveSearchOptions, knownVersion: number): Promise<{ view: LiveView; result: ShardResult }>;
  /** Hit documents of live slots (null for a slot replaced or deleted since the search). */
  hits(base: BaseRef, slots: number[], highlight: HighlightSpec): Promise<Array<HitDocument | null>>;
  suggest(base: BaseRef, q: string, limit: number, knownVersion: number): Promise<{ view: LiveView; suggestions: TitleSuggestion[] }>;
  article(base: BaseRef, id: string): Promise<LiveArticle>;
}
