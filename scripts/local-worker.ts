/**
 * The one way to start the Worker locally (workerd, local Durable Objects and their storage, static
 * assets, from wrangler.toml), used by `npm run dev`, every benchmark and the browser tests:
 * - {@link startLocalWorker}: wrangler's programmatic `wrangler dev` (`unstable_startWorker`) in this
 *   process, with the DevTools inspector off (nothing attaches to it here, and it relays every
 *   console line to wrangler);
 * - {@link startLocalWorkerProcess}: the same in a child process (scripts/local-worker-child.ts), so
 *   the server's Node side and a load generator do not share an event loop;
 * - {@link startWranglerDev}: the `wrangler dev` CLI in a child process, inspector included — with
 *   `asTyped`, exactly `npx wrangler dev --port <n>` as a user types it.
 * Each resolves once the Worker is ready (by default `/health` answers 200: every shard loaded and
 * verified) and gives a {@link LocalWorker} whose `stop()` ends everything it started.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Repository root (wrangler.toml's folder). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A running local Worker. */
export interface LocalWorker {
  /** Origin, e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  /** A process whose descendants include the Worker's workerd processes (for /proc sampling). */
  pid: number;
  /** Milliseconds from the start call until the Worker was ready. */
  readyMs: number;
  /** The last lines the server printed (child processes only; '' in-process). */
  output: () => string;
  /** Stops the Worker and every process it started. */
  stop: () => Promise<void>;
}

/** Options of the start functions. */
export interface LocalWorkerOptions {
  /** Port (default: a free one). */
  port?: number;
  /**
   * wrangler.toml of the Worker to run (default: this repository's). Benchmarks run a control Worker
   * this way (`bench/load/control-worker/`) to measure what the local runtime itself does under load.
   */
  config?: string;
  /** Interface (default 127.0.0.1). */
  host?: string;
  /** Static-assets folder holding `index/` (default: wrangler.toml's `dist/assets`). */
  assets?: string;
  /** Extra or overriding variables. */
  vars?: Record<string, string>;
  /** Where Durable Object storage persists (default: wrangler's `.wrangler/state`). */
  persistTo?: string;
  /** Restart on source changes (in-process only; off by default). */
  watch?: boolean;
  /** File receiving everything a child-process server prints. */
  logFile?: string;
  /**
   * `healthy` (default): ready when `/health` answers 200 (every shard loaded and verified);
   * `started`: as soon as the Worker accepts requests, without touching the index (for measuring
   * the first query against a cold index, and for `npm run dev`).
   */
  readyWhen?: 'healthy' | 'started';
  /**
   * Turn the runtime's V8 inspector on (off by default), so that a benchmark can force a garbage
   * collection and read the live heap (bench/lib/heap-probe.ts). wrangler's inspector proxy starts
   * with it; nothing attaches to the proxy, so it records no network traffic (patches/README.md).
   */
  inspector?: boolean;
  /** Give up after this many milliseconds (default 180,000). */
  timeoutMs?: number;
}

/** A free TCP port on 127.0.0.1 (bound to port 0, read, closed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Polls the Worker until it is ready; throws after the timeout or when `failed()` says it died. */
async function waitReady(url: string, o: LocalWorkerOptions, failed: () => string | null): Promise<void> {
  const timeout = o.timeoutMs ?? 180_000;
  const deadline = Date.now() + timeout;
  const target = o.readyWhen === 'started' ? url + '/openapi.json' : url + '/health';
  while (Date.now() < deadline) {
    const why = failed();
    if (why) throw new Error(why);
    try {
      const res = await fetch(target, { signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch { /* not listening yet, or still loading */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${target} did not answer 200 within ${timeout / 1000} s`);
}

/** Starts the Worker in this process with wrangler's programmatic `wrangler dev` (inspector off). */
export async function startLocalWorker(o: LocalWorkerOptions = {}): Promise<LocalWorker> {
  const started = Date.now();
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: o.config ?? path.join(ROOT, 'wrangler.toml'),
    ...(o.assets ? { assets: o.assets } : {}),
    ...(o.vars ? { bindings: Object.fromEntries(Object.entries(o.vars).map(([k, v]) => [k, { type: 'plain_text' as const, value: v }])) } : {}),
    dev: {
      inspector: o.inspector ? { hostname: '127.0.0.1', port: await freePort() } : false,
      watch: o.watch ?? false,
      server: { hostname: o.host ?? '127.0.0.1', port: o.port ?? await freePort() },
      ...(o.persistTo ? { persist: o.persistTo } : {}),
      logLevel: 'warn',
    },
  });
  await worker.ready;
  const url = new URL(await worker.url).origin;
  const stop = () => worker.dispose();
  try {
    if (o.readyWhen !== 'started') await waitReady(url, o, () => null);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: process.pid, readyMs: Date.now() - started, output: () => '', stop };
}

/** Wraps a detached child: its output tail (and log file), a stop that ends its process group. */
function adopt(child: ChildProcess, logFile: string | undefined) {
  let tail = '';
  const log = logFile ? createWriteStream(logFile) : null;
  const keep = (b: Buffer) => { log?.write(b); tail = (tail + b.toString()).slice(-6000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: string | null = null;
  child.on('exit', (code, signal) => { exited = `exited (${code ?? signal})`; });
  const stop = async () => {
    if (child.pid === undefined) return;
    const signal = (s: NodeJS.Signals) => { try { process.kill(-child.pid!, s); } catch { /* already gone */ } };
    if (exited === null) {
      const gone = new Promise((r) => child.once('exit', r));
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 8_000);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      clearTimeout(timer);
    }
    signal('SIGKILL'); // workerd children that outlived their parent, if any
    log?.end();
  };
  return { output: () => tail, exited: () => exited, stop };
}

/** {@link startLocalWorker} in a child process (scripts/local-worker-child.ts). */
export async function startLocalWorkerProcess(o: LocalWorkerOptions = {}): Promise<LocalWorker> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/local-worker-child.ts'), JSON.stringify({ ...o, logFile: undefined })],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const c = adopt(child, o.logFile);
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      const m = /^\{"url":"([^"]+)"\}$/.exec(line.trim());
      if (!m) continue;
      child.stdout!.resume(); // keep draining: a full pipe would block the child
      return { url: m[1], pid: child.pid!, readyMs: Date.now() - started, output: c.output, stop: c.stop };
    }
    throw new Error('exited before printing its URL');
  } catch (e) {
    await c.stop();
    throw new Error(`the local Worker did not start (${(e as Error).message}):\n${c.output()}`);
  }
}

/** Options of {@link startWranglerDev}. */
export interface WranglerDevOptions extends LocalWorkerOptions {
  /** Run exactly `npx wrangler dev --port <n>` (everything else from wrangler.toml and .dev.vars). */
  asTyped?: boolean;
  /** Called with the wrangler process id as soon as it is spawned (to sample it from the start). */
  onSpawn?: (pid: number) => void;
}

/** Starts the `wrangler dev` CLI (inspector on) in a child process and waits until it is ready. */
export async function startWranglerDev(o: WranglerDevOptions = {}): Promise<LocalWorker> {
  const started = Date.now();
  const port = o.port ?? await freePort();
  const [command, args] = o.asTyped
    ? ['npx', ['wrangler', 'dev', '--port', String(port)]]
    : [process.execPath, [path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', o.host ?? '127.0.0.1', '--port', String(port),
        '--inspector-port', String(await freePort()), '--show-interactive-dev-session=false', '--log-level', 'warn',
        ...(o.assets ? ['--assets', o.assets] : []), ...(o.persistTo ? ['--persist-to', o.persistTo] : []),
        ...Object.entries(o.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])]];
  const child = spawn(command, args, {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: o.asTyped ? process.env : { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  o.onSpawn?.(child.pid!);
  const c = adopt(child, o.logFile);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, o, () => { const why = c.exited(); return why ? `wrangler dev ${why}` : null; });
  } catch (e) {
    await c.stop();
    throw new Error(`${(e as Error).message}:\n${c.output()}`);
  }
  return { url, pid: child.pid!, readyMs: Date.now() - started, output: c.output, stop: c.stop };
}
