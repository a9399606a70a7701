/**
 * Test fixture: a real lexicon built by the build's own code (`TermCollector` + `buildLexicon`) from
 * a few one-sentence documents, for the tests of the lexicon, the planner and diacritic restoration.
 * @module
 */
import { Lexicon } from '../src/index-format/lexicon.js';
import { buildLexicon, type LexiconOptions } from './build-lexicon.js';
import { TermCollector } from './collect-terms.js';

/** Opens serialized lexicon bytes. */
export const openLexicon = (bytes: Uint8Array) => new Lexicon(bytes.slice().buffer);

/** The lexicon of documents whose body is each text. */
export function lexiconOf(texts: readonly string[], options?: LexiconOptions): Lexicon {
  const c = new TermCollector();
  for (const t of texts) c.add([], [t]);
  return openLexicon(buildLexicon(c, options));
}

/** `times` copies of `text` (a phrase seen in that many documents). */
export const repeat = (text: string, times: number): string[] => Array.from({ length: times }, () => text);
