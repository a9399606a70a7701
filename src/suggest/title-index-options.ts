/**
 * MiniSearch options of the per-shard title index behind `/suggest`. The build and the Worker must
 * use the very same options (MiniSearch requires them again at load time), so they live here once.
 * @module
 */
import type { Options, SearchOptions } from 'minisearch';
import { foldDiacritics } from '../analyzer/fold.js';
import { normalizeText } from '../analyzer/normalize.js';
import { tokenize } from '../analyzer/tokenize.js';

/** A document of the title index. */
export interface TitleEntry {
  /** Local document number in the shard. */
  doc: number;
  title: string;
}

/** Options shared by build and Worker: our analyzer's tokens, folded so typing without diacritics works. */
export const TITLE_INDEX_OPTIONS: Options<TitleEntry> = {
  idField: 'doc',
  fields: ['title'],
  storeFields: ['title'],
  tokenize: (text: string) => tokenize(normalizeText(text)).map((t) => t.exact),
  processTerm: (term: string) => foldDiacritics(term),
};

/** How titles are searched as the user types: every word required, the last one a prefix, long words with one typo. */
export const TITLE_SEARCH_OPTIONS: SearchOptions = {
  prefix: (_term, i, terms) => i === terms.length - 1,
  combineWith: 'AND',
  fuzzy: (term) => (term.length >= 6 ? 1 : 0),
};
