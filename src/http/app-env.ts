/**
 * Hono environment type of the app: bindings and per-request variables.
 * @module
 */
import type { Env } from '../worker/env.js';

/** Variables set by middleware and handlers during a request. */
export interface AppVariables {
  /** Extra fields for the structured request log line. */
  logFields: Record<string, unknown>;
}

/** The app's Hono generic. */
export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
