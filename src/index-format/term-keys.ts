/**
 * Keys under which postings are stored in a shard's dictionary. Three kinds of evidence share one
 * sorted dictionary; analyzer tokens never contain a space or `=`, so the kinds cannot collide.
 * @module
 */

/** Folded (diacritic-free) syllable: `ha`, matches every reading of it. */
export const foldedKey = (folded: string): string => folded;

/**
 * Exact syllable with its diacritics: `=hà`. Only stored when it differs from its folded form,
 * since an unaccented exact form carries no more information than the folded key.
 */
export const exactKey = (exact: string): string => '=' + exact;

/** Adjacent pair of folded syllables: `ha noi` (adjacency/phrase evidence). */
export const bigramKey = (foldedA: string, foldedB: string): string => foldedA + ' ' + foldedB;

/**
 * The headline starts with this folded pair (`^ha noi`): people often type the beginning of a
 * headline, so a query that starts the way a headline starts ranks it higher.
 */
export const titleStartKey = (...folded: string[]): string => '^' + folded.join(' ');
