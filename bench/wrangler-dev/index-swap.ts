/**
 * Puts a benchmark index where plain `npx wrangler dev` serves it from (wrangler.toml's
 * `dist/assets/index`) and puts back whatever was there afterwards. Both moves are renames inside the
 * project, so neither copies hundreds of MB nor leaves a half-written index behind.
 * @module
 */
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';

/** Where the index a developer had before the run waits until it is put back. */
export const ASIDE_DIR = '.index-before-bench-wrangler-dev';

/** An index moved into place; {@link SwappedIndex.restore} undoes the move. */
export interface SwappedIndex {
  /** Moves the benchmark index back to its cache folder and the previous index back into place (idempotent). */
  restore(): void;
}

/**
 * Moves `benchIndexDir` to `<assetsDir>/index`, first moving an existing `<assetsDir>/index` aside.
 * @param assetsDir the static-assets folder (`dist/assets`)
 * @param benchIndexDir a built index folder (containing manifest.json) on the same file system
 * @throws when an earlier run was interrupted and left the previous index aside
 */
export function swapInIndex(assetsDir: string, benchIndexDir: string): SwappedIndex {
  const live = path.join(assetsDir, 'index');
  const aside = path.join(assetsDir, ASIDE_DIR);
  if (existsSync(aside)) {
    throw new Error(`${aside} exists: an earlier run was interrupted before it put your index back. Move it to ${live} (replacing what is there) and run again.`);
  }
  const hadIndex = existsSync(live);
  if (hadIndex) renameSync(live, aside);
  try {
    renameSync(benchIndexDir, live);
  } catch (e) {
    if (hadIndex) renameSync(aside, live);
    throw e;
  }
  let restored = false;
  return {
    restore() {
      if (restored) return;
      restored = true;
      renameSync(live, benchIndexDir);
      if (hadIndex) renameSync(aside, live);
    },
  };
}
