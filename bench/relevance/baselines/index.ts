/**
 * Baseline registry: creates a baseline from its key (used by the main thread and by workers).
 * @module
 */
import { Fts5 } from './fts5.js';
import { MiniSearchDefault } from './minisearch-default.js';
import { MiniSearchFold } from './minisearch-fold.js';
import type { Baseline, BaselineKey } from './types.js';

/** Every baseline key, in report order. */
export const BASELINE_KEYS: readonly BaselineKey[] = ['minisearch-default', 'minisearch-fold', 'fts5'];

/** Display names by key. */
export const BASELINE_NAMES: Record<BaselineKey, string> = {
  'minisearch-default': 'MiniSearch default',
  'minisearch-fold': 'MiniSearch naive fold',
  fts5: 'SQLite FTS5',
};

/**
 * A new, empty baseline.
 * @param key which one
 */
export function createBaseline(key: BaselineKey): Baseline {
  switch (key) {
    case 'minisearch-default': return new MiniSearchDefault();
    case 'minisearch-fold': return new MiniSearchFold();
    case 'fts5': return new Fts5();
  }
}
