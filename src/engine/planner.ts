/**
 * The query planner: turns the text a person typed into a {@link QueryPlan} using the
 * collection-wide lexicon. This is where Vietnamese-specific understanding happens:
 * - every syllable matches all its readings (folded key), and the diacritics typed add an exact-match
 *   bonus, so `Đảng` ranks Đảng above đang;
 * - adjacent syllables add a pair bonus, so `ha noi` ranks "Hà Nội" above scattered hà … nội;
 * - unaccented queries are restored (`chinh phu` → chính phủ) when the corpus is confident;
 * - Telex/VNI sequences (`haf nooij`, `ha2 no6i5`) are decoded when they are not words themselves;
 * - abbreviations expand both ways (`UBND` ↔ ủy ban nhân dân);
 * - the last word completes as a prefix (as-you-type), and long unknown words get bounded typo
 *   tolerance.
 * @module
 */
import { analyzeQueryText } from '../analyzer/analyze.js';
import { decodeInputMethod } from '../analyzer/input-method.js';
import type { Token } from '../analyzer/tokenize.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { bigramKey, exactKey, foldedKey, titleStartKey } from '../index-format/term-keys.js';
import { allowedEdits, fuzzyCandidates } from './fuzzy.js';
import type { PlannedTerm, QueryPlan } from './query-plan.js';
import { parseQuerySyntax } from './query-syntax.js';
import { markQuestionWords } from './question-words.js';
import { restoreDiacritics } from './restore-diacritics.js';
import { idf } from '../scoring/bm25f.js';
import type { SynonymTable } from './synonym-table.js';

/** Relative weights of the kinds of evidence (tuned on `npm run bench:relevance`). */
export const WEIGHTS = {
  folded: 1,
  exact: 1,
  restored: 0.6,
  /** Adjacent pair bonus in long queries (questions); short queries use `shortQueryPair`. */
  pair: 0.8,
  /** In a query of up to `SHORT_QUERY` syllables adjacency is what the person means: `ha noi`. */
  shortQueryPair: 2,
  titleStart: 0.8,
  prefix: 0.4,
  fuzzy: 0.6,
  synonym: 0.5,
};

/** Queries of at most this many syllables get the stronger adjacency bonus. */
export const SHORT_QUERY = 4;

/** Bounds that keep any query's cost small, whatever is typed. */
export const LIMITS = {
  /** Syllables planned; the rest of a very long query is ignored (and reported). */
  maxSyllables: 64,
  /** Completions of the last word. */
  prefixExpansions: 6,
  /** Shortest last word that gets completed. */
  minPrefixLength: 2,
  /** Corrections per misspelled word. */
  fuzzyExpansions: 4,
  /** Words per query that get typo tolerance. */
  maxFuzzyWords: 3,
  /** Excluded keys (`-word`, `-"phrase"` pairs); further exclusions are ignored. */
  maxExcluded: 16,
};

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

interface Syllable {
  token: Token;
  exact: string;
  folded: string;
  /** Typed (or decoded) with diacritics. */
  accented: boolean;
  /** Directly follows the previous syllable in the same segment. */
  adjacent: boolean;
  quoted: boolean;
  decoded: boolean;
  restored: string | null;
  segment: number;
}

const isWordLike = (t: Token) => t.kind === 'word' || t.kind === 'abbreviation';

/**
 * Minimum clauses a document must match, given the number of clauses: all of a short query, all but
 * one of 4–6 words, 40% of a longer one (questions carry many words their answer does not contain;
 * tuned on the Zalo QA benchmark).
 */
export function minimumShouldMatch(clauses: number): number {
  if (clauses <= 3) return clauses;
  if (clauses <= 6) return clauses - 1;
  return Math.ceil(clauses * 0.4);
}

/** Plans a query. Never throws on any input string. */
export function planQuery(q: string, ctx: PlannerContext, options: PlanOptions = {}): PlannedQuery {
  const { lexicon } = ctx;
  const segments = parseQuerySyntax(q);
  const syllables: Syllable[] = [];
  const required: string[] = [];
  const excluded: string[] = [];
  let truncated = 0;

  segments.forEach((seg, segIndex) => {
    const tokens = analyzeQueryText(seg.text);
    if (seg.negated) {
      if (excluded.length >= LIMITS.maxExcluded) return;
      if (tokens.length === 1) excluded.push(tokens[0].exact !== tokens[0].folded ? exactKey(tokens[0].exact) : foldedKey(tokens[0].folded));
      else for (let i = 1; i < tokens.length && excluded.length < LIMITS.maxExcluded; i++) excluded.push(bigramKey(tokens[i - 1].folded, tokens[i].folded));
      return;
    }
    tokens.forEach((t, i) => {
      if (syllables.length >= LIMITS.maxSyllables) { truncated++; return; }
      syllables.push({
        token: t, exact: t.exact, folded: t.folded, accented: t.exact !== t.folded,
        adjacent: i > 0 && t.joined, quoted: seg.quoted, decoded: false, restored: null, segment: segIndex,
      });
    });
  });

  // Telex / VNI: an ASCII word that is not in the corpus but decodes to one that is.
  for (const s of syllables) {
    if (s.accented || s.token.kind !== 'word' || !/^[a-z0-9]+$/.test(s.exact)) continue;
    if (lexicon.df(s.folded) > 0) continue;
    for (const d of decodeInputMethod(s.exact)) {
      if (lexicon.exactCount(d) > 0) {
        const t = analyzeQueryText(d)[0];
        if (!t) break;
        s.exact = t.exact; s.folded = t.folded; s.accented = t.exact !== t.folded; s.decoded = true;
        break;
      }
    }
  }

  // Restoration, only when nothing in the query carries diacritics.
  const anyAccent = syllables.some((s) => s.accented);
  if (!anyAccent && syllables.length > 0) {
    const restored = restoreDiacritics(lexicon, syllables.map((s) => s.folded), syllables.map((s) => s.adjacent));
    syllables.forEach((s, i) => {
      if (isWordLike(s.token) && restored[i] && restored[i] !== s.folded) s.restored = restored[i];
    });
  }

  // Clauses: one per syllable, except question words (`bao nhiêu`, `ở đâu`), which only add score
  // when at least two other words remain. A synonym alternative of a span satisfies every clause of
  // the span.
  const terms: PlannedTerm[] = [];
  const highlightFolded = new Set<string>();
  const highlightExact = new Set<string>();
  const highlightPhrases: string[][] = [];
  const question = markQuestionWords(
    syllables.map((s) => ({ exact: s.accented ? s.exact : s.restored, folded: s.folded })),
    syllables.map((s) => s.adjacent),
  );
  const optional = question.filter(Boolean).length <= syllables.length - 2 ? question : question.map(() => false);
  let clause = 0;
  const clauseOf = syllables.map((_s, i) => (optional[i] ? -1 : clause++));
  const N = lexicon.meta.documentCount;
  // Rarity of a syllable sequence, bounded below by its rarest syllable.
  const sequenceIdf = (folded: readonly string[]) => Math.max(...folded.map((f) => idf(N, Math.max(1, lexicon.df(f)))));
  for (const m of ctx.synonyms.find(syllables.map((s) => s.folded))) {
    const span = m.end - m.start;
    const literalIdf = sequenceIdf(syllables.slice(m.start, m.end).map((s) => s.folded));
    for (const alt of m.alternatives) {
      // Stored impacts carry the alternative's own rarity; rescale so that an occurrence of `HN`
      // counts like an occurrence of `Hà Nội`, never more.
      const w = WEIGHTS.synonym * Math.min(1, literalIdf / sequenceIdf(alt.folded));
      // A multi-word alternative counts through its most specific pair (the rarest in the corpus);
      // its other pairs only add score.
      let coverageKey = foldedKey(alt.folded[0]);
      let rarestCount = Infinity;
      for (let k = 1; k < alt.folded.length; k++) {
        const n = lexicon.pairCount(alt.exact[k - 1], alt.exact[k]);
        const key = bigramKey(alt.folded[k - 1], alt.folded[k]);
        if (n < rarestCount) { rarestCount = n; coverageKey = key; }
      }
      for (let k = 1; k < alt.folded.length; k++) {
        const key = bigramKey(alt.folded[k - 1], alt.folded[k]);
        if (key !== coverageKey) terms.push({ key, weight: w / alt.folded.length, clause: -1 });
      }
      for (let j = m.start; j < m.end; j++) terms.push({ key: coverageKey, weight: w / span, clause: clauseOf[j] });
      if (alt.folded.length === 1) highlightFolded.add(alt.folded[0]);
      else highlightPhrases.push(alt.folded);
    }
  }


  const clauseCount = clause;
  const pairClauses = new Map<string, number>();
  let fuzzyWords = 0;
  syllables.forEach((s, i) => {
    const c = clauseOf[i];
    terms.push({ key: foldedKey(s.folded), weight: WEIGHTS.folded, clause: c });
    if (s.accented) {
      terms.push({ key: exactKey(s.exact), weight: WEIGHTS.exact, clause: c });
      highlightExact.add(s.exact);
    } else {
      // In a query typed with diacritics elsewhere, a word without marks most likely means exactly
      // that (`công ty`: ty, not tỷ): highlight it exactly where it occurs exactly.
      if (anyAccent) highlightExact.add(s.exact);
      else highlightFolded.add(s.folded);
      if (s.restored) terms.push({ key: exactKey(s.restored), weight: WEIGHTS.restored, clause: c });
    }
    if (s.quoted) {
      // A quoted single word must carry the diacritics typed; phrases require their pairs (below).
      const segLen = syllables.filter((o) => o.segment === s.segment).length;
      if (segLen === 1) required.push(s.accented ? exactKey(s.exact) : foldedKey(s.folded));
    }
    if (i > 0 && s.adjacent) {
      const prev = syllables[i - 1];
      const key = bigramKey(prev.folded, s.folded);
      if (s.quoted && prev.quoted && prev.segment === s.segment) required.push(key);
      let pc = pairClauses.get(key);
      if (optional[i] || optional[i - 1]) {
        terms.push({ key, weight: WEIGHTS.pair, clause: -1 });
      } else if (pc === undefined) {
        pc = clauseCount + pairClauses.size;
        pairClauses.set(key, pc);
        terms.push({ key, weight: syllables.length <= SHORT_QUERY ? WEIGHTS.shortQueryPair : WEIGHTS.pair, clause: pc });
      }
    }
    const isLast = i === syllables.length - 1;
    if (isLast && options.prefixLast && !s.quoted && isWordLike(s.token) && s.folded.length >= LIMITS.minPrefixLength) {
      for (const { term } of lexicon.completions(s.folded, LIMITS.prefixExpansions + 1)) {
        if (term === s.folded) continue;
        terms.push({ key: foldedKey(term), weight: WEIGHTS.prefix, clause: c });
        highlightFolded.add(term);
      }
    }
    if (!s.quoted && fuzzyWords < LIMITS.maxFuzzyWords && allowedEdits(s.folded) > 0 && s.token.kind === 'word' && lexicon.df(s.folded) <= 1) {
      fuzzyWords++;
      for (const cand of fuzzyCandidates(lexicon, s.folded, LIMITS.fuzzyExpansions)) {
        terms.push({ key: foldedKey(cand.term), weight: WEIGHTS.fuzzy / cand.distance, clause: c });
        highlightFolded.add(cand.term);
      }
    }
  });

  // The query starts the way a headline starts.
  const first = syllables[0];
  const second = syllables[1];
  if (first && second && !first.quoted && isWordLike(first.token) && second.adjacent && second.segment === first.segment) {
    terms.push({ key: titleStartKey(first.folded, second.folded), weight: WEIGHTS.titleStart, clause: -1 });
  }

  const changed = syllables.some((s) => s.decoded || s.restored);
  const interpretedAs = changed ? syllables.map((s) => (s.restored ?? (s.decoded ? s.exact : s.token.exact))).join(' ') : undefined;

  return {
    plan: {
      terms,
      clauseCount,
      pairClauseCount: pairClauses.size,
      // Counted over the words that remain without the question words, but never more than the
      // whole question would need (6 syllables need 5, the 4 words of "Landmark 81 có … tầng" 3).
      minShouldMatch: Math.min(minimumShouldMatch(clauseCount), minimumShouldMatch(syllables.length)),
      required,
      excluded,
      syllables: syllables.map((s) => s.folded),
      highlight: { folded: [...highlightFolded], exact: [...highlightExact], phrases: highlightPhrases },
    },
    interpretedAs,
    truncatedSyllables: truncated,
  };
}
