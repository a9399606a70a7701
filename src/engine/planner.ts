/**
 * The query planner: turns the text a person typed into a {@link QueryPlan} using the
 * collection-wide lexicon. This is where Vietnamese-specific understanding happens:
 * - every syllable matches all its readings (folded key), and the diacritics typed add an exact-match
 *   bonus, so `Đảng` ranks Đảng above đang;
 * - adjacent syllables add a pair bonus, so `ha noi` ranks "Hà Nội" above scattered hà … nội;
 * - unaccented queries are restored (`chinh phu` → chính phủ) when the corpus is confident;
 * - Telex/VNI sequences (`haf nooij`, `ha2 no6i5`) are decoded when they are not words themselves;
 * - words typed with their syllables run together (`hanoi`, `giavang`) are split as the corpus writes them;
 * - whole numbers match with and without thousands dots (`1000` ↔ `1.000`);
 * - abbreviations expand both ways (`UBND` ↔ ủy ban nhân dân);
 * - the last word completes as a prefix (as-you-type), and long unknown words get bounded typo
 *   tolerance.
 * @module
 */
import type { Lexicon } from '../index-format/lexicon.js';
import { queryMinimumShouldMatch } from '../scoring/minimum-should-match.js';
import { analyzeSegments } from './planner/analyze-segments.js';
import { decodeTypedInputMethod } from './planner/decode-input-method.js';
import { expandQuery } from './planner/expand.js';
import { interpretation } from './planner/query-syllable.js';
import { restoreSyllables } from './planner/restore-syllables.js';
import { splitJoinedSyllables } from './planner/split-joined.js';
import { preferCommonNumberForms } from './planner/number-forms.js';
import type { QueryPlan } from './query-plan.js';
import { parseQuerySyntax } from './query-syntax.js';
import type { SynonymTable } from './synonym-table.js';

/** What the planner needs besides the query. */
export interface PlannerContext {
  lexicon: Lexicon;
  synonyms: SynonymTable;
}

/** Per-request switches. */
export interface PlanOptions {
  /** Complete the last word as a prefix (true for as-you-type; false when the query ends with a space). */
  prefixLast?: boolean;
}

/** A plan plus what the planner understood, for the response. */
export interface PlannedQuery {
  plan: QueryPlan;
  /** The accented reading the query was interpreted as, when it differs from what was typed. */
  interpretedAs?: string;
  /** Number of syllables ignored because the query was too long. */
  truncatedSyllables: number;
}

/**
 * Plans a query, in named stages: parse (query syntax) → analyze (syllables, exclusions) → decode
 * input method (Telex/VNI) → split joined words → number forms → restore (diacritics) → expand (terms, clauses, highlights) → bound (how
 * many clauses a document must match). Never throws on any input string.
 */
export function planQuery(q: string, ctx: PlannerContext, options: PlanOptions = {}): PlannedQuery {
  const { lexicon, synonyms } = ctx;
  const segments = parseQuerySyntax(q);
  const { syllables, excluded, truncated } = analyzeSegments(segments);
  decodeTypedInputMethod(syllables, lexicon);
  splitJoinedSyllables(syllables, lexicon);
  preferCommonNumberForms(syllables, lexicon);
  restoreSyllables(syllables, lexicon);
  const { parts, clauseCount, pairClauseCount, coverage } = expandQuery(syllables, lexicon, synonyms, options.prefixLast ?? false);
  return {
    plan: {
      terms: parts.terms,
      clauseCount,
      pairClauseCount,
      minShouldMatch: queryMinimumShouldMatch(clauseCount, syllables.length),
      required: parts.required,
      excluded,
      syllables: syllables.map((s) => s.folded),
      coverage,
      highlight: { folded: [...parts.highlightFolded], exact: [...parts.highlightExact], phrases: parts.highlightPhrases },
    },
    interpretedAs: interpretation(syllables),
    truncatedSyllables: truncated,
  };
}
