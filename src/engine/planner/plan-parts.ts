/**
 * What the expand stage accumulates while it turns query syllables into evidence: the terms of the
 * plan, the keys a document must contain, and what to highlight.
 * @module
 */
import type { CoverageSpecKeys, PlannedTerm } from '../query-plan.js';

/** The growing parts of a plan (filled by the expand stage's steps, in order). */
export interface PlanParts {
  terms: PlannedTerm[];
  required: string[];
  highlightFolded: Set<string>;
  highlightExact: Set<string>;
  highlightPhrases: string[][];
  /** Synonyms and abbreviations of spans of the query, for headline coverage. */
  alternatives: CoverageSpecKeys['alternatives'];
}

/** Empty parts. */
export function emptyPlanParts(): PlanParts {
  return { terms: [], required: [], highlightFolded: new Set(), highlightExact: new Set(), highlightPhrases: [], alternatives: [] };
}
