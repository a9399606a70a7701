/**
 * Expand step 3, title start: the query starts the way a headline starts (its first two syllables
 * match the headline-start key `^a b`).
 * @module
 */
import { titleStartKey } from '../../index-format/term-keys.js';
import { WEIGHTS } from '../../scoring/query-weights.js';
import type { PlanParts } from './plan-parts.js';
import { isWordLike, type QuerySyllable } from './query-syllable.js';

/** Adds the headline-start term when the query starts with two adjacent words. */
export function expandTitleStart(syllables: readonly QuerySyllable[], parts: PlanParts): void {
  const [first, second] = syllables;
  if (first && second && !first.quoted && isWordLike(first) && second.adjacent && second.segment === first.segment) {
    parts.terms.push({ key: titleStartKey(first.folded, second.folded), weight: WEIGHTS.titleStart, clause: -1 });
  }
}
