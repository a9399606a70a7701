/**
 * Global setup of the `browser` test project: checks that Chromium is installed, then starts
 * `wrangler dev` on a free port serving the single-shard test index and waits for /health. The
 * Worker's URL (or the reason the browser tests cannot run) is provided to the tests; teardown stops
 * the wrangler process group.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, freePort, INSIGHTS_TEST_TOKEN, ROOT } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Worker under `wrangler dev`, '' when not started. */
    workerUrl: string;
    /** Why the browser tests cannot run here ('' when they can). */
    browserUnavailable: string;
  }
}

const READY_TIMEOUT_MS = 120_000;

/** Waits until GET url answers 200, the process exits, or the timeout passes. */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before ${url} answered:\n${output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer 200 on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Stops a detached process group: SIGTERM, then SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => { try { process.kill(-child.pid!, s); } catch { /* already gone */ } };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
  clearTimeout(timer);
  signal('SIGKILL'); // workerd children that outlived wrangler, if any
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    project.provide('browserUnavailable', `Chromium is not installed at ${CHROMIUM_PATH}; the browser tests need it (install it with: apt-get install -y chromium).`);
    project.provide('workerUrl', '');
    return;
  }
  for (const [file, fix] of [
    ['dist/test-assets/single/index/manifest.json', 'node scripts/prepare-test-index.mjs'],
    ['src/generated/widget-bundle.ts', 'npm run build:widget'],
  ]) {
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`${fix}\` (npm test does it) before the browser tests.`);
  }

  const [port, inspectorPort] = [await freePort(), await freePort()];
  const persist = mkdtempSync(path.join(tmpdir(), 'vn-search-browser-'));
  const args = [
    path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev',
    '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(inspectorPort),
    '--assets', 'dist/test-assets/single', '--persist-to', persist,
    '--show-interactive-dev-session=false', '--var', 'REQUEST_LOG:off', '--var', `INSIGHTS_TOKEN:${INSIGHTS_TEST_TOKEN}`,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true, // own process group, so teardown stops workerd too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/health`, child, () => lines.join('\n'));
  } catch (e) {
    await stopGroup(child);
    rmSync(persist, { recursive: true, force: true });
    throw e;
  }
  project.provide('workerUrl', url);
  project.provide('browserUnavailable', '');
  return async () => {
    await stopGroup(child);
    rmSync(persist, { recursive: true, force: true });
  };
}
