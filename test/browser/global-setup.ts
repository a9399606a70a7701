/**
 * Global setup of the `browser` test project: checks that Chromium is installed, then starts
 * `wrangler dev` on a free port serving the single-shard test index and waits for /health. The
 * Worker's URL (or the reason the browser tests cannot run) is provided to the tests; teardown stops
 * the wrangler process group.
 * @module
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWranglerDev } from '../../scripts/local-worker.js';
import { CHROMIUM_PATH, INSIGHTS_TEST_TOKEN, ROOT } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Worker under `wrangler dev`, '' when not started. */
    workerUrl: string;
    /** Why the browser tests cannot run here ('' when they can). */
    browserUnavailable: string;
  }
}

const READY_TIMEOUT_MS = 120_000;

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

  const persist = mkdtempSync(path.join(tmpdir(), 'vn-search-browser-'));
  let url: string;
  let stop: () => Promise<void>;
  try {
    // The `wrangler dev` CLI (inspector included), as users run it, on the single-shard test index.
    const worker = await startWranglerDev({
      assets: 'dist/test-assets/single', persistTo: persist, timeoutMs: READY_TIMEOUT_MS,
      vars: { REQUEST_LOG: 'off', INSIGHTS_TOKEN: INSIGHTS_TEST_TOKEN },
    });
    ({ url, stop } = worker);
  } catch (e) {
    rmSync(persist, { recursive: true, force: true });
    throw e;
  }
  project.provide('workerUrl', url);
  project.provide('browserUnavailable', '');
  return async () => {
    await stop();
    rmSync(persist, { recursive: true, force: true });
  };
}
