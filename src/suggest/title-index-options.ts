/**
 * MiniSearch options of the per-shard title index behind `/suggest`. The build and the Worker must
 * use the very same options (MiniSearch requires them again at load time), so they live here once.
 * @module
 */
import type { Options } from 'minisearch';
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
