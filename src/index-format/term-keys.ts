/**
 * Keys under which postings are stored in a shard's dictionary. Four kinds of evidence share one
 * sorted dictionary; analyzer tokens never contain a space, `=` or `^`, so the kinds cannot collide.
 *
 * Every key starts with the folded form of its first syllable, followed by a separator or the end,
 * so in byte order all evidence about one syllable sits together (`ha`, `ha noi`, `ha=hà`,
 * `ha^noi`): a shard's dictionary is cut into blocks loaded on demand, and a query touches about one
 * block per syllable it contains (since index format 3).
 * @module
 */
import { foldDiacritics } from '../analyzer/fold.js';

/** Folded (diacritic-free) syllable: `ha`, matches every reading of it. */
export const foldedKey = (folded: string): string => folded;

/**
 * Exact syllable with its diacritics, after its folded form: `ha=hà`. Only stored when it differs
 * from its folded form, since an unaccented exact form carries no more information than the folded key.
 * Every document holding an exact key holds its folded key (`ha=hà` ⇒ `ha`): an exact key is stored
 * only for a token whose folded key is exactly that prefix ({@link storesExactKey}), and shards rely
 * on it to count a query word once without checking its exact key's documents (`clause-visits.ts`).
 */
export const exactKey = (exact: string): string => foldDiacritics(exact) + '=' + exact;

/**
 * Whether a token (its exact and folded forms, as the analyzer gives them) has an {@link exactKey} in
 * the index: when it carries diacritics and its exact key begins with its folded key. Not so for a
 * token cut to the analyzer's longest length whose folding drops marks (the cut exact form folds to
 * fewer letters than the cut folded form has): it has its folded key only, in documents and queries.
 */
export const storesExactKey = (exact: string, folded: string): boolean => exact !== folded && foldDiacritics(exact) === folded;

/** The folded key an {@link exactKey} is about (`ha=hà` → `ha`); null for every other kind of key. */
export function foldedKeyOfExact(key: string): string | null {
  const eq = key.indexOf('=');
  return eq > 0 ? key.slice(0, eq) : null;
}

/** Adjacent pair of folded syllables: `ha noi` (adjacency/phrase evidence). */
export const bigramKey = (foldedA: string, foldedB: string): string => foldedA + ' ' + foldedB;

/**
 * The headline starts with these folded syllables (`ha^noi`): people often type the beginning of a
 * headline, so a query that starts the way a headline starts ranks it higher.
 */
export const titleStartKey = (...folded: string[]): string => folded[0] + '^' + folded.slice(1).join(' ');

/** True for a {@link foldedKey} (one folded syllable), false for every other kind. */
export const isFoldedKey = (key: string): boolean => !/[ =^]/.test(key);

/** The folded syllables a key is about: `ha=hà` → ha; `ha noi`, `ha^noi` → ha, noi. */
export function foldedSyllablesOfKey(key: string): string[] {
  const folded = foldedKeyOfExact(key);
  return folded !== null ? [folded] : key.split(/[ ^]/).filter(Boolean);
}
