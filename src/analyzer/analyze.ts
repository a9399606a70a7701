/**
 * Query-side entry points.
 * @module
 */
import { normalizeText } from './normalize.js';
import { tokenize, type Token } from './tokenize.js';

/**
 * Analyzes raw query text exactly as documents are analyzed: {@link normalizeText} then
 * {@link tokenize}. Offsets refer to the normalized query.
 * @param q raw query text (any string)
 * @returns the query's tokens
 */
export function analyzeQueryText(q: string): Token[] {
  return tokenize(normalizeText(q));
}

/**
 * Whether the user typed any diacritic in this token (`hòa` yes, `hoa` no), i.e. whether the exact
 * form says more than the folded one.
 * @param t a token
 */
export function isAccented(t: Token): boolean {
  return t.exact !== t.folded;
}
