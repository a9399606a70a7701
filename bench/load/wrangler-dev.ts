/**
 * Starting and stopping `wrangler dev` for a benchmark, two ways:
 * - {@link startDevWorker} (default): wrangler's programmatic `wrangler dev` (`unstable_startWorker`:
 *   same wrangler.toml, Miniflare, workerd and Durable Objects) with the DevTools inspector off;
 * - {@link startWranglerDev}: the `wrangler dev` CLI in a child process, with its DevTools inspector.
 *   Unpatched wrangler 4.86 switched on network recording there, which cost one loopback socket per
 *   4 KiB of asset data read and exhausted the proxy's file descriptors on the baomoi index;
 *   patches/wrangler+4.86.0.patch fixes that (patches/README.md).
 * Both wait until `/health` answers 200 (every shard loaded and verified). The benchmark runs the
 * first in a child process ({@link startDevWorkerProcess}).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { unstable_startWorker } from 'wrangler';
import { freePort } from '../lib/free-port.js';


/** A running `wrangler dev`. */
export interface DevServer {
  url: string;
  /** A process whose descendants include the server's workerd processes (for memory sampling). */
  pid: number;
  /** Last lines wrangler printed (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Options of {@link startWranglerDev}. */
export interface DevOptions {
  assets: string;
  vars: Record<string, string>;
  persistTo: string;
  /** File receiving everything the server prints (child-process servers only). */
  logFile?: string;
}

/** Polls `/health` until it answers 200; throws after 3 minutes or when `failed()` says the server died. */
async function waitHealthy(url: string, failed: () => boolean): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (failed()) throw new Error('the server exited before it was ready');
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(15_000) });
      await res.text();
      if (res.status === 200) return;
    } catch { /* not listening yet, or still loading */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no 200 from ${url}/health within 3 minutes`);
}

/** Starts wrangler's programmatic `wrangler dev` (inspector off) on a free port and waits for `/health`. */
export async function startDevWorker(opts: DevOptions): Promise<DevServer> {
  const worker = await unstable_startWorker({
    config: 'wrangler.toml',
    assets: opts.assets,
    bindings: Object.fromEntries(Object.entries(opts.vars).map(([k, v]) => [k, { type: 'plain_text' as const, value: v }])),
    dev: { inspector: false, server: { hostname: '127.0.0.1', port: await freePort() }, persist: opts.persistTo, watch: false, logLevel: 'warn' },
  });
  await worker.ready;
  const url = new URL(await worker.url).origin;
  const stop = () => worker.dispose();
  try {
    await waitHealthy(url, () => false);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: process.pid, output: () => '', stop };
}

/**
 * Runs {@link startDevWorker} in a child process (bench/load/serve.ts) and waits for its URL, so the
 * server's Node side (Miniflare) and the load generator do not share an event loop.
 */
export async function startDevWorkerProcess(opts: DevOptions): Promise<DevServer> {
  const pairs = Object.entries(opts.vars).map(([k, v]) => `${k}=${v}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/serve.ts', opts.assets, opts.persistTo, ...pairs], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (opts.logFile) {
    const log = createWriteStream(opts.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  return adopt(child, 'the dev server', async (lines) => {
    for await (const line of lines) {
      const m = /^\{"url":"([^"]+)"\}$/.exec(line.trim());
      if (m) return m[1];
    }
    throw new Error('exited before printing its URL');
  });
}

/** Wraps a detached child: its output tail, a stop that ends its process group, and its URL. */
async function adopt(child: ChildProcess, what: string, urlOf: (lines: AsyncIterable<string>) => Promise<string>): Promise<DevServer> {
  let tail = '';
  const keep = (b: Buffer) => { tail = (tail + b.toString()).slice(-4000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    await gone;
    clearTimeout(timer);
  };
  try {
    const url = await urlOf(createInterface({ input: child.stdout! }));
    child.stdout!.resume(); // keep draining: a full pipe would block the child
    return { url, pid: child.pid!, output: () => tail, stop };
  } catch (e) {
    await stop();
    throw new Error(`${what} did not start (${(e as Error).message}):\n${tail}`);
  }
}

/** Starts the `wrangler dev` CLI on free ports and waits until `/health` answers 200 (max 3 minutes). */
export async function startWranglerDev(opts: DevOptions): Promise<DevServer> {
  const [port, inspector] = [await freePort(), await freePort()];
  const args = ['node_modules/wrangler/bin/wrangler.js', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector),
    '--assets', opts.assets, '--persist-to', opts.persistTo, '--log-level', 'warn', '--show-interactive-dev-session=false',
    ...Object.entries(opts.vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' } });
  let exited = false;
  child.on('exit', () => { exited = true; });
  return adopt(child, 'wrangler dev', async () => {
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, () => exited);
    return url;
  });
}
