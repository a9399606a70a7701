/**
 * The folded syllables a query may be planned with: each syllable as typed and as decoded from
 * Telex/VNI (`hoaf` → hoa). What the front fetches lexicon parts for before planning.
 * @module
 */
import { analyzeQueryText } from '../analyzer/analyze.js';
import { foldDiacritics } from '../analyzer/fold.js';
import { decodeInputMethod } from '../analyzer/input-method.js';

/** Distinct folded forms of a query's syllables, typed and decoded, in order of appearance. */
export function queryFoldedForms(q: string): string[] {
  const out = new Set<string>();
  for (const t of analyzeQueryText(q)) {
    out.add(t.folded);
    for (const d of decodeInputMethod(t.exact)) out.add(foldDiacritics(d));
  }
  return [...out];
}
