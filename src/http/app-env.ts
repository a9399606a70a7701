/**
 * Hono environment type of the app: bindings and per-request variables.
 * @module
 */
import type { SearchOutcome } from '../insights/events.js';
import type { Env } from '../worker/env.js';
import type { IndexRuntime } from '../worker/index-runtime.js';

/** Variables set by middleware and handlers during a request. */
export interface AppVariables {
  /** Extra fields for the structured request log line. */
  logFields: Record<string, unknown>;
  /** The loaded index (set by the `index-context` middleware on routes that need it). */
  index: IndexRuntime;
  /** The live index's sequence number at the start of the request (fetched once, on first call). */
  liveSeq: () => Promise<number>;
  /** The live sequence number a route's answer reflects (set by the routes; used for its ETag). */
  servedSeq: number;
  /** Why the index could not be loaded (lenient `index-context` only). */
  indexError: unknown;
  /** What a search handler found, for search insights (set only when a search ran). */
  searchOutcome: SearchOutcome;
  /** Shards the `cold-prefetch` middleware warmed for this search while the index loaded (set only when it tried). */
  prefetched: Promise<number>;
}

/** The app's Hono generic. */
export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
