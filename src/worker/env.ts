/**
 * The Worker's bindings. `Cloudflare.Env` is generated from wrangler.toml by `npm run types`
 * (`wrangler types`, committed as worker-configuration.d.ts); this alias is what the code imports.
 * @module
 */
/**
 * Secrets: set with `wrangler secret put` (locally in `.dev.vars`), never in wrangler.toml, so
 * `wrangler types` does not see them. Optional: an unset secret switches its routes off (403).
 */
export interface Secrets {
  /** Bearer token of the write API (`PUT`/`DELETE /articles/:id`, `POST /articles`, `GET /changes`). */
  INGEST_TOKEN?: string;
  /** Read-only bearer token of search insights (`GET /insights`); INGEST_TOKEN is accepted there too. */
  INSIGHTS_TOKEN?: string;
}

/** Bindings, variables and secrets of the Worker and its Durable Objects. */
export type Env = Cloudflare.Env & Secrets;
