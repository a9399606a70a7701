/**
 * Diacritic restoration accuracy: for queries typed without diacritics (known-item kinds b and c),
 * compares the reading our engine says it searched for (`interpretedAs`) with the headline's own
 * spelling, syllable by syllable. Only syllables whose headline form carries diacritics are scored
 * (those are the ones restoration must find); a wrong guess ranks the wrong reading first, an open
 * one leaves every reading equal.
 * @module
 */
import { analyzeQueryText } from '../../src/analyzer/analyze.js';

/** Counts over the accented syllables of a query set. */
export interface RestorationScore {
  /** Syllables whose headline form carries diacritics. */
  syllables: number;
  /** Restored to exactly the headline's form. */
  right: number;
  /** Restored to another reading. */
  wrong: number;
  /** Left unrestored (all readings equal). */
  open: number;
  /** Queries skipped because the interpretation did not align syllable for syllable. */
  unaligned: number;
}

/**
 * Scores restoration over a query set.
 * @param truths the accented text each query was derived from (the headline, or its first words)
 * @param queries what was typed (no diacritics)
 * @param interpreted the engine's `interpretedAs` per query (undefined/null: nothing restored)
 */
export function scoreRestoration(truths: readonly string[], queries: readonly string[], interpreted: ReadonlyArray<string | null | undefined>): RestorationScore {
  const s: RestorationScore = { syllables: 0, right: 0, wrong: 0, open: 0, unaligned: 0 };
  truths.forEach((truth, i) => {
    const want = analyzeQueryText(truth);
    const typed = analyzeQueryText(queries[i]);
    const got = interpreted[i] ? analyzeQueryText(interpreted[i]!) : typed;
    if (want.length !== got.length || typed.length !== got.length) { s.unaligned++; return; }
    want.forEach((w, k) => {
      if (w.exact === w.folded || w.folded !== typed[k].folded) return;
      s.syllables++;
      if (got[k].exact === w.exact) s.right++;
      else if (got[k].exact === got[k].folded) s.open++;
      else s.wrong++;
    });
  });
  return s;
}
