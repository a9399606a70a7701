/**
 * Hono environment type of the app: bindings and per-request variables.
 * @module
 */
import type { SearchOutcome } from '../insights/events.js';
import type { Env } from '../worker/env.js';

/** Variables set by middleware and handlers during a request. */
export interface AppVariables {
  /** Extra fields for the structured request log line. */
  logFields: Record<string, unknown>;
  /** What a search handler found, for search insights (set only when a search ran). */
  searchOutcome: SearchOutcome;
}

/** The app's Hono generic. */
export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
