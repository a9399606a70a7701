/**
 * What the expand stage accumulates while it turns query syllables into evidence: the terms of the
 * plan, the keys a document must contain, and what to highlight.
 * @module
 */
import type { PlannedTerm } from '../query-plan.js';

/** The growing parts of a plan (filled by the expand stage's steps, in order). */
export interface PlanParts {
  terms: PlannedTerm[];
  required: string[];
  highlightFolded: Set<string>;
  highlightExact: Set<string>;
  highlightPhrases: string[][];
}

/** Empty parts. */
export function emptyPlanParts(): PlanParts {
  return { terms: [], required: [], highlightFolded: new Set(), highlightExact: new Set(), highlightPhrases: [] };
}
