/**
 * Planner stage 3c, numbers: Vietnamese writes thousands with dots (`1.000 tỷ`, `2.500 đảng viên`,
 * `500.000 đồng`) and readers type them without (`1000 tỷ`). A whole number typed one way is
 * searched the way the corpus writes it more often and also matches the other way:
 * `1000` ↔ `1.000`, `10000000` ↔ `10.000.000`.
 * Numbers of four digits from 1900 to 2099 typed bare are years far more often than amounts, and
 * change only where the query's neighbouring words say so. Decimals (`4,5`), dates and codes are
 * not touched.
 * @module
 */
import type { Lexicon } from '../../index-format/lexicon.js';
import type { SynonymMatch } from '../synonym-table.js';
import { adjacentNeighbours, type QuerySyllable } from './query-syllable.js';

/** A whole number written with thousands dots (`1.000`, `10.000.000`). */
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
/** A whole number of at least four digits without separators (`1000`). */
const BARE = /^[1-9]\d{3,}$/;

/** Whether a bare four-digit number could be a year (1900–2099). */
const yearLike = (text: string) => text.length === 4 && text >= '1900' && text <= '2099';

/** The other way of writing a whole number (`1000` ↔ `1.000`), or null when there is none. */
export function otherNumberForm(text: string): string | null {
  if (GROUPED.test(text)) return text.replace(/\./g, '');
  if (!BARE.test(text)) return null;
  return text.replace(/\B(?=(\d{3})+$)/g, '.');
}

/**
 * Writes, in place, each whole number of a query the way the corpus writes it more often — next to
 * the query's neighbouring words when it writes either form there (`2000 USD` → `2.000 USD`, `năm
 * 2000` stays), else anywhere (`1000 tỷ` → `1.000 tỷ`, with its pairs and headline matches) — and
 * records the other way as its alternative when the corpus holds it too (see
 * {@link numberAlternatives}). A bare number that could be a year (1900–2099) is changed only on
 * its neighbours' evidence: alone, `2017` is a year, not `2.017`.
 * @param syllables the query after decoding (changed in place)
 */
export function preferCommonNumberForms(syllables: QuerySyllable[], lexicon: Lexicon): void {
  syllables.forEach((s, i) => {
    if (s.token.kind !== 'number' || s.quoted) return;
    const other = otherNumberForm(s.exact);
    if (other === null) return;
    const { prev, next } = adjacentNeighbours(syllables, i);
    const besideNeighbours = (form: string) => (prev === null ? 0 : lexicon.pairCount(prev.exact, form)) + (next === null ? 0 : lexicon.pairCount(form, next.exact));
    const [typedPairs, otherPairs] = [besideNeighbours(s.exact), besideNeighbours(other)];
    const [typedDf, otherDf] = [lexicon.df(s.exact), lexicon.df(other)];
    let switchForm: boolean;
    if (typedPairs + otherPairs > 0) switchForm = otherPairs > typedPairs;
    else if (yearLike(s.exact)) return;
    else switchForm = otherDf > typedDf;
    if (switchForm) {
      s.numberAlternative = typedDf > 0 ? s.exact : undefined;
      s.exact = other;
      s.folded = other;
    } else if (otherDf > 0) {
      s.numberAlternative = other;
    }
  });
}

/** The other ways of writing a query's numbers, as synonym matches (see {@link preferCommonNumberForms}). */
export function numberAlternatives(syllables: readonly QuerySyllable[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  syllables.forEach((s, i) => {
    if (s.numberAlternative) out.push({ start: i, end: i + 1, alternatives: [{ folded: [s.numberAlternative], exact: [s.numberAlternative] }] });
  });
  return out;
}
