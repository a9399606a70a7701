/**
 * Node-side access to the fixture index that `npm test` builds (scripts/prepare-test-index.mjs), for
 * unit tests that need a real lexicon. Not for workerd tests.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openIndex } from '../../index-build/open-index.js';
import type { SearchService } from '../../src/engine/search-service.js';

/** The single-shard fixture index built from data/. */
export const TEST_INDEX_DIR = path.resolve('dist/test-assets/single/index');

let opened: Promise<SearchService> | null = null;

/** Opens the fixture index once per test file; fails with the command to run when it is missing. */
export function openTestIndex(): Promise<SearchService> {
  if (!existsSync(path.join(TEST_INDEX_DIR, 'manifest.json'))) {
    throw new Error(`No fixture index at ${TEST_INDEX_DIR}: run \`npm test\` (or \`node scripts/prepare-test-index.mjs\`) first.`);
  }
  return (opened ??= openIndex(TEST_INDEX_DIR));
}
