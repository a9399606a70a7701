/**
 * Starting and stopping `wrangler dev` for a benchmark: free ports, readiness polling, and a clean
 * stop of the process group it was started in (only the processes this module started).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (asked of the OS). */
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

/** A running `wrangler dev`. */
export interface DevServer {
  url: string;
  /** Process id of the wrangler process (root of the tree, leader of its process group). */
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
}

/** Starts `wrangler dev` on free ports and waits until `/health` answers 200 (max 3 minutes). */
export async function startWranglerDev(opts: DevOptions): Promise<DevServer> {
  const [port, inspector] = [await freePort(), await freePort()];
  const args = ['node_modules/wrangler/bin/wrangler.js', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector),
    '--assets', opts.assets, '--persist-to', opts.persistTo, '--log-level', 'warn', '--show-interactive-dev-session=false',
    ...Object.entries(opts.vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])];
  const child: ChildProcess = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' } });
  let tail = '';
  const keep = (b: Buffer) => { tail = (tail + b.toString()).slice(-4000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited before it was ready:\n${tail}`);
    try {
      const res = await fetch(`${url}/health`);
      await res.text();
      if (res.status === 200) return { url, pid: child.pid!, output: () => tail, stop };
      if (res.status >= 500 && res.status !== 503) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy at ${url}/health:\n${tail}`);
}
