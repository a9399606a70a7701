/**
 * The naive diacritic fold used by the baselines and by query generation: what a developer writes
 * in five minutes without a Vietnamese analyzer (NFD, drop combining marks, đ→d). Deliberately NOT
 * the engine's analyzer (`src/analyzer/fold.ts`), so the benchmark does not grade the engine
 * against its own code.
 * @module
 */

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Removes all diacritics, keeping case: NFD-decompose, drop combining marks, `đ`→`d`, `Đ`→`D`,
 * re-compose (NFC).
 * @param s any text
 * @returns the text without diacritics ("Đường phố Hà Nội" → "Duong pho Ha Noi")
 */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * The naive fold of one term as a MiniSearch `processTerm`: {@link stripDiacritics}, then lower-case.
 * @param term one token
 * @returns the folded, lower-cased term ("Đảng" → "dang")
 */
export function naiveFold(term: string): string {
  return stripDiacritics(term).toLowerCase();
}
