/**
 * Starts the Worker locally with wrangler's dev server (workerd + local Durable Objects + static
 * assets), like `wrangler dev`, but with the DevTools inspector disabled: wrangler's inspector proxy
 * records every subrequest body (Network domain), and loading index shards of tens of MB through
 * the ASSETS binding makes it run out of memory. Used by `npm run dev` and the benchmarks.
 * @module
 */
import { unstable_startWorker } from 'wrangler';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  port: number;
  host?: string;
  /** Static-assets folder holding `index/` (default: wrangler.toml's `dist/assets`). */
  assets?: string;
  /** Extra/overriding variables. */
  vars?: Record<string, string>;
  /** Restart on source changes (off for benchmarks). */
  watch?: boolean;
}

/** A running local Worker. */
export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the Worker and resolves once it accepts requests. */
export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    ...(o.assets ? { assets: o.assets } : {}),
    ...(o.vars ? { bindings: Object.fromEntries(Object.entries(o.vars).map(([k, v]) => [k, { type: 'plain_text' as const, value: v }])) } : {}),
    dev: {
      inspector: false,
      watch: o.watch ?? false,
      server: { hostname: o.host ?? '127.0.0.1', port: o.port },
      logLevel: 'warn',
    },
  });
  await worker.ready;
  const url = (await worker.url).toString().replace(/\/$/, '');
  return { url, stop: () => worker.dispose() };
}
