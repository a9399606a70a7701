/**
 * Starts the Worker locally with wrangler's dev server (workerd + local Durable Objects + static
 * assets), like `wrangler dev`, with the DevTools inspector off (nothing attaches to it here, and it
 * relays every console line to wrangler). Used by `npm run dev`; plain `npx wrangler dev` serves the
 * same index just as well (see patches/README.md and `npm run bench:wrangler-dev`).
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
