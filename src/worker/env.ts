/**
 * The Worker's bindings. `Cloudflare.Env` is generated from wrangler.toml by `npm run types`
 * (`wrangler types`, committed as worker-configuration.d.ts); this alias is what the code imports.
 * @module
 */
/** Bindings and variables of the Worker and its Durable Objects. */
export type Env = Cloudflare.Env;
