/**
 * Planner stage 2, analyze: the segments of the query syntax become query syllables (one per token
 * of a positive segment, at most `maxSyllables`) and excluded keys (`-word`: its exact or folded
 * key; `-"a phrase"`: its pairs; at most `maxExcluded`).
 * @module
 */
import { analyzeQueryText } from '../../analyzer/analyze.js';
import { bigramKey, exactKey, foldedKey, storesExactKey } from '../../index-format/term-keys.js';
import type { QuerySegment } from '../query-syntax.js';
import { LIMITS } from './limits.js';
import type { QuerySyllable } from './query-syllable.js';

/** What the analyze stage produced. */
export interface AnalyzedQuery {
  syllables: QuerySyllable[];
  /** Keys a document must not contain. */
  excluded: string[];
  /** Syllables left out because the query was too long. */
  truncated: number;
}

/** Analyzes the parsed segments of a query. */
export function analyzeSegments(segments: readonly QuerySegment[]): AnalyzedQuery {
  const syllables: QuerySyllable[] = [];
  const excluded: string[] = [];
  let truncated = 0;
  segments.forEach((seg, segIndex) => {
    const tokens = analyzeQueryText(seg.text);
    if (seg.negated) {
      if (excluded.length >= LIMITS.maxExcluded) return;
      if (tokens.length === 1) excluded.push(storesExactKey(tokens[0].exact, tokens[0].folded) ? exactKey(tokens[0].exact) : foldedKey(tokens[0].folded));
      else for (let i = 1; i < tokens.length && excluded.length < LIMITS.maxExcluded; i++) excluded.push(bigramKey(tokens[i - 1].folded, tokens[i].folded));
      return;
    }
    tokens.forEach((t, i) => {
      if (syllables.length >= LIMITS.maxSyllables) { truncated++; return; }
      syllables.push({
        token: t, exact: t.exact, folded: t.folded, accented: storesExactKey(t.exact, t.folded),
        adjacent: i > 0 && t.joined, quoted: seg.quoted, decoded: false, restored: null, asWritten: false, segment: segIndex,
      });
    });
  });
  return { syllables, excluded, truncated };
}
