/**
 * The folded syllables a query may be planned with: each syllable as typed, as decoded from
 * Telex/VNI (`hoaf` → hoa) and, for a whole number, written the other way (`1000` → 1.000). What
 * the front fetches lexicon parts for before planning.
 * @module
 */
import { analyzeQueryText } from '../analyzer/analyze.js';
import { foldDiacritics } from '../analyzer/fold.js';
import { decodeInputMethod } from '../analyzer/input-method.js';
import { otherNumberForm } from './planner/number-forms.js';
import { hasJoinedShape, joinedPairStarts } from './planner/split-joined.js';

/**
 * Distinct folded forms of a query's syllables, typed, decoded and, for a whole number, written the
 * other way (`1000` and `1.000`: `planner/number-forms.ts`), in order of appearance.
 */
export function queryFoldedForms(q: string): string[] {
  const out = new Set<string>();
  for (const t of analyzeQueryText(q)) {
    out.add(t.folded);
    for (const d of decodeInputMethod(t.exact)) out.add(foldDiacritics(d));
    const other = t.kind === 'number' ? otherNumberForm(t.exact) : null;
    if (other !== null) out.add(other);
  }
  return [...out];
}

/**
 * The syllables whose pairs planning a query likely looks up: {@link queryFoldedForms}, and for a word
 * that may be several syllables typed joined (`hanoi`), every syllable-shaped piece of it that could
 * start a pair (`ha`, `han`, `an`, …; see `planner/split-joined.ts`). What the front fetches pair
 * parts for before planning, so that splitting a joined word costs no second fetch.
 * @param forms the query's {@link queryFoldedForms}, when already known
 */
export function queryPairForms(q: string, forms: readonly string[] = queryFoldedForms(q)): string[] {
  const out = new Set(forms);
  for (const t of analyzeQueryText(q)) {
    if (hasJoinedShape(t.exact, t.folded)) for (const piece of joinedPairStarts(t.folded)) out.add(piece);
  }
  return [...out];
}
