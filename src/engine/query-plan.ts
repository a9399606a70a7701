/**
 * The contract between the query planner (front Worker, which knows the collection-wide lexicon) and
 * the shards (which hold postings). A plan is plain data so it can cross a Durable Object RPC call.
 * @module
 */

import type { Freshness } from '../scoring/freshness.js';

/** One posting list to add into the score. */
export interface PlannedTerm {
  /** Dictionary key (see `term-keys.ts`). */
  key: string;
  /** Multiplier of the stored impact. */
  weight: number;
  /**
   * The query clause (typically one query syllable) this evidence satisfies, for counting how many
   * clauses a document matches. Ids from `clauseCount` on are adjacency clauses (one per
   * adjacent query pair): they raise the score share but do not count toward `minShouldMatch`.
   * -1 for evidence that only adds score.
   */
  clause: number;
}

/** Which document fields are highlighted and how. */
export interface HighlightSpec {
  /** Folded syllables to mark wherever they occur (unaccented query words, expansions). */
  folded: string[];
  /**
   * Exact syllables the user typed with diacritics: marked where they occur exactly; when a field
   * has none of them, their folded forms are marked instead.
   */
  exact: string[];
  /** Folded syllable sequences marked only where they occur adjacently (synonym expansions). */
  phrases: string[][];
  /**
   * `false`: the matches still choose the snippet's passage, but no `<mark>` is written (the
   * response's `highlight=false`). Default `true`.
   */
  mark?: boolean;
}

/** A fully analyzed query, ready to execute on any shard. */
export interface QueryPlan {
  terms: PlannedTerm[];
  /** Number of word clauses (query syllables or synonym spans). */
  clauseCount: number;
  /** Number of adjacency clauses (ids `clauseCount … clauseCount + pairClauseCount - 1`). */
  pairClauseCount: number;
  /** A document must match at least this many clauses. */
  minShouldMatch: number;
  /** Keys a document must all contain (quoted phrases: their pairs; quoted words: their exact form). */
  required: string[];
  /** Keys a document must not contain (`-word`). */
  excluded: string[];
  /**
   * The query's folded syllables in order (excluded words left out), matched as a run against each
   * headline (`scoring/headline-match.ts`).
   */
  syllables: string[];
  /** How headlines cover the query (`scoring/headline-match.ts`); absent: runs only, no coverage. */
  coverage?: CoverageSpecKeys;
  highlight: HighlightSpec;
}

/** The query side of headline coverage, as index keys (each shard turns them into its term numbers). */
export interface CoverageSpecKeys {
  /**
   * Parallel to `syllables`: the key a headline syllable must have to cover it — the exact key of a
   * syllable typed with diacritics (`=đảng`), the folded key of one meant as written (`ty` in
   * `công ty`) — or '' for any reading.
   */
  exactKeys: string[];
  /** Parallel to `syllables`: forms one word with the previous syllable (see `planner/collocations.ts`). */
  bound: boolean[];
  /** Synonyms and abbreviations of spans of the query, as folded syllables. */
  alternatives: Array<{ start: number; end: number; folded: string[] }>;
}

/** Result orders a search accepts: by score, newest first, oldest first. */
export const SORT_VALUES = ['relevance', 'date:desc', 'date:asc'] as const;

/** Filters, facets and ordering of a search request, evaluated inside each shard. */
export interface SearchOptions {
  /** Number of best hits each shard must return (offset + limit). */
  topK: number;
  /** Inclusive date bounds in stored minutes (see `dates.ts`). */
  fromMinutes?: number;
  toMinutes?: number;
  /** Allowed category indexes (into the manifest's categories); empty or absent means any. */
  categories?: number[];
  /** Score order, newest first or oldest first (undated articles last in both date orders). */
  sort: (typeof SORT_VALUES)[number];
  /**
   * Multiply each match's score by its freshness factor (`scoring/freshness.ts`): relevance that
   * prefers recent news. Every shard and the live index of one search get the same reference time.
   */
  freshness?: Freshness;
  /** Facets to count over all matching documents. */
  facets: Array<'category' | 'year'>;
  /**
   * Local documents of this shard to leave out as if they did not exist (taken down or replaced
   * through the live index): filtered before the top k, so pages are full and totals exact.
   */
  suppressed?: number[];
  /**
   * The front's k-th best hit so far (from shards already answered): return only hits that rank
   * above it in the merged order (sort, then shard, then document). Totals and facets still count
   * every match.
   */
  ref?: ShardHit;
  /**
   * Attach the stored records of the best this-many returned hits (`ShardResult.records`), saving a
   * second call for the page; 0 or absent: none.
   */
  records?: number;
  /**
   * Of those, read the document blocks of at most the best this-many (default: all of them); later
   * hits' records come only from blocks already in memory, the rest stay out of `records`. A cold
   * shard then reads a few blocks instead of one per hit sent, most of which never reach the page.
   */
  recordsRead?: number;
}

/** A scored document reference from one shard. */
export interface ShardHit {
  shard: number;
  doc: number;
  score: number;
  /** Stored date minutes or `NO_DATE`, for date sorting and merging. */
  date: number;
}

/** Result of executing a plan on one shard. */
export interface ShardResult {
  total: number;
  hits: ShardHit[];
  /**
   * With `SearchOptions.records`: the stored article of each of the best hits as UTF-8 JSON, in hit
   * order (may be shorter than `hits`; an entry is `undefined` where `recordsRead` left it out).
   * Read-only: a shard answers with views into its document blocks, and a transport that serializes
   * the answer packs them into one buffer first (`packRecords`, as the shard object does for RPC).
   */
  records?: Array<Uint8Array | undefined>;
  facets: { category?: Record<string, number>; year?: Record<string, number> };
}
