/**
 * Planner stage 3b, split joined syllables: a word typed with its syllables run together — `hanoi`,
 * `vietnam`, `saigon`, `giavang`, as in hashtags, domain names, English spellings of places and
 * phones that drop spaces — becomes the syllables the corpus writes next to each other (`ha noi`),
 * so the rest of the planner treats it as if the spaces had been typed: restored (`hà nội`), paired,
 * completed and highlighted.
 *
 * Which words: typed without diacritics (a word with marks and no space, `trườnga`, is a typo far
 * more often), not quoted, 4–24 letters, not one syllable; at most `LIMITS.maxJoinedWords` per query.
 * Into what: two to four parts, each a syllable the corpus knows or a word of another language it
 * writes (`donald trump`, `real madrid`), every adjacent pair one the corpus writes as a unit
 * ({@link cohesionOf}); the likeliest as a phrase wins (pair by pair, as a bigram model: fewer parts
 * unless theirs are far rarer). When:
 * - a word the corpus does not know as typed (or knows once) needs its pairs to be more than chance
 *   meetings ({@link MIN_UNKNOWN_PAIR_RATE}: `vietlot` is the typo of Vietlott, not `việt lọt`), and
 *   keeps its typo corrections as alternatives of its parts;
 * - a word the corpus knows must be far rarer than its split ({@link SPLIT_RATIO}); it is split when
 *   both syllables keep company ({@link MIN_KNOWN_COHESION}: `hà nội`, `việt nam`, `sài gòn`) and
 *   keeps matching as typed (`Hanoi` in an English name) as an alternative; when they keep less
 *   ({@link MIN_ALTERNATIVE_COHESION}: `thể thao` for `thethao`, `hạ long`, but also `mặc áo` for
 *   Macao) it stays as typed, ranked first, with its split as an alternative that finds more; when
 *   they keep none it stays as typed (`họ sẽ` is not HOSE, `để mở` not demo, `có lẽ` not Cole);
 *   and it stays as typed where the corpus writes it next to its neighbour (`Vietnam Airlines`);
 * - a word that reads as Telex is not cut into lone vowels (`Ootoo` is ôtô), and one the Telex stage
 *   decoded is split instead only when the split is far more frequent than the decoded reading
 *   (`xoso` is `xổ số`, not xố).
 * The thresholds were set on a list of joined words and words to keep
 * (`bench/relevance/joined-words.json`) and checked on every word of baomoi-35k that is not one
 * syllable, and on topical queries typed joined that were not looked at (`npm run bench:relevance`).
 * @module
 */
import { foldDiacritics } from '../../analyzer/fold.js';
import { analyzeQueryText } from '../../analyzer/analyze.js';
import { normalizeText } from '../../analyzer/normalize.js';
import { isFoldedSyllable } from '../../analyzer/syllable.js';
import { allowedEdits, fuzzyCandidates } from '../fuzzy.js';
import type { Lexicon } from '../../index-format/lexicon.js';
import type { SynonymMatch } from '../synonym-table.js';
import { analyzeSegments } from './analyze-segments.js';
import { LIMITS } from './limits.js';
import { adjacentNeighbours, type QuerySyllable } from './query-syllable.js';

export type { JoinedWord } from './query-syllable.js';

/** Shortest joined word tried (two syllables of two letters). */
export const MIN_JOINED_LENGTH = 4;
/** Longest joined word tried (four long syllables); longer runs are left as typed. */
export const MAX_JOINED_LENGTH = 24;
/** Most syllables a joined word is split into. */
export const MAX_SPLIT_SYLLABLES = 4;
/**
 * Shortest part of a word that reads as Telex: there a lone vowel is most often a typing key
 * (`Ootoo` is ôtô, not `o oto o`). Elsewhere a lone vowel is a part like any other (`bo y te`,
 * `o nhiem`, `nha o xa hoi`); a typo that splits so (`tronge`) keeps its corrections as alternatives.
 */
const MIN_TELEX_PART_LENGTH = 2;
/** Letters that write marks in Telex (`oo` for ô, `dd` for đ, `w` for ư/ơ/ă): a word holding them reads as Telex. */
const TELEX_KEYS = /aa|ee|oo|dd|w/;
/** Longest folded syllable (`nghieng`). */
const MAX_SYLLABLE_LENGTH = 7;
/**
 * Longest part that is a word of another language the corpus writes (`donald`, `madrid`,
 * `manchester`): such parts need at least three letters and two documents.
 */
const MAX_WORD_LENGTH = 12;
/** Every adjacent pair of a split must occur at least this often in the corpus. */
export const MIN_SPLIT_PAIR_COUNT = 2;
/**
 * A word the corpus knows as typed in at least two documents is split only when its split's weakest
 * pair occurs this many times more often than the word's documents (`vietnam` in 472 baomoi
 * articles, `việt nam` 37,738 times).
 */
export const SPLIT_RATIO = 10;
/**
 * Cohesion a pair needs when the word is unknown (or seen once): its occurrences over those of its
 * rarer syllable (`giá điện` 0.007, `tỷ giá` 0.027, `xổ số` 0.94).
 */
export const MIN_UNKNOWN_COHESION = 0.001;
/**
 * …and occurrences per syllable of the corpus, so that two words that merely met a few times do not
 * split a typo (`việt lọt`, twice in baomoi-35k's 40 M syllables, is not the typo `vietlot`): about
 * 4 occurrences at 35,000 articles, 40 at 350,000.
 */
export const MIN_UNKNOWN_PAIR_RATE = 1e-7;
/**
 * Cohesion a pair needs to split a word the corpus knows as typed: its occurrences over those of its
 * more frequent syllable (`việt nam` 0.65, `hà nội` 0.59, `na uy` 0.096; `mặc áo` for Macao 0.070).
 */
export const MIN_KNOWN_COHESION = 0.08;
/**
 * Cohesion a pair needs to be an alternative of a word the corpus knows as typed (`thể thao` 0.048,
 * `tin tức` 0.044; `đề án` for dean 0.038; not `họ sẽ` for HOSE 0.016, `có lẽ` for Cole 0.010).
 */
export const MIN_ALTERNATIVE_COHESION = 0.03;
/**
 * Most plan terms one joined word's alternatives add: its form as typed and up to
 * `LIMITS.fuzzyExpansions` corrections, each over a span of up to {@link MAX_SPLIT_SYLLABLES}
 * clauses (a kept word's split alternative adds fewer).
 */
export const JOINED_TERMS_PER_WORD = MAX_SPLIT_SYLLABLES * (1 + LIMITS.fuzzyExpansions);
/** Readings of each part whose adjacent pairs are counted (the most frequent ones). */
const PAIR_READINGS = 12;

/** A way to cut a joined word, as offsets into it. */
interface Split {
  cuts: number[];
  /** Occurrences of its least frequent adjacent pair. */
  weakest: number;
  /** Σ log(pair occurrences / syllables of the corpus) over its adjacent pairs: its likelihood as a phrase. */
  logLikelihood: number;
}

/** Letters only, no digits or marks left after folding: what can be a run of syllables. */
const JOINABLE = /^[a-z]+$/;

/** The form a syllable was typed in (before any Telex/VNI decoding). */
const typedForm = (s: QuerySyllable) => (s.decoded ? { exact: s.token.exact, folded: s.token.folded } : { exact: s.exact, folded: s.folded });

/** Whether a query syllable is a candidate joined word, as typed (before the corpus is asked). */
export function isJoinedCandidate(s: QuerySyllable): boolean {
  const { exact, folded } = typedForm(s);
  return !s.quoted && s.token.kind !== 'number' && s.token.kind !== 'date' && hasJoinedShape(exact, folded);
}

/**
 * Whether a word could be syllables typed joined: 4–24 letters typed without diacritics (a word with
 * marks and no space, `trườnga`, is a typo far more often) that cannot be one syllable.
 */
export function hasJoinedShape(exact: string, folded: string): boolean {
  return exact === folded && folded.length >= MIN_JOINED_LENGTH && folded.length <= MAX_JOINED_LENGTH && JOINABLE.test(folded) && !isFoldedSyllable(folded);
}

/**
 * The folded syllables a joined word's splits may start pairs with (every syllable-shaped piece
 * that does not end the word): what the front prefetches pair parts for, before planning.
 */
export function joinedPairStarts(folded: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    for (let j = i + 1; j < folded.length && j - i <= MAX_SYLLABLE_LENGTH; j++) {
      const piece = folded.slice(i, j);
      if (isFoldedSyllable(piece)) out.push(piece);
    }
  }
  return out;
}

/** How often the corpus writes a pair, and how much of its syllables' occurrences that is. */
export interface PairCohesion {
  /** Occurrences of the pair in its likeliest readings (`hà nội`). */
  count: number;
  /** `count` over the occurrences of the rarer of the two readings. */
  ofRarer: number;
  /** `count` over the occurrences of the more frequent of the two readings. */
  ofCommoner: number;
}

/** How the corpus writes two folded syllables next to each other, in the readings it pairs most. */
export function cohesionOf(lexicon: Lexicon, a: string, b: string): PairCohesion {
  const ra = lexicon.readings(a, PAIR_READINGS);
  const rb = lexicon.readings(b, PAIR_READINGS);
  let best: PairCohesion = { count: 0, ofRarer: 0, ofCommoner: 0 };
  for (const x of ra) {
    for (const y of rb) {
      const count = lexicon.pairCount(x.exact, y.exact);
      if (count <= best.count) continue;
      const lo = Math.max(1, Math.min(x.count, y.count));
      const hi = Math.max(1, x.count, y.count);
      best = { count, ofRarer: count / lo, ofCommoner: count / hi };
    }
  }
  return best;
}

/**
 * Whether a pair may join a split of a word the corpus knows in `literalDf` documents.
 * @param bar the cohesion a known word's pairs need ({@link MIN_KNOWN_COHESION} to split it,
 *   {@link MIN_ALTERNATIVE_COHESION} for an alternative)
 * @param totalCount syllables of the corpus ({@link Lexicon.totalCount}), for {@link MIN_UNKNOWN_PAIR_RATE}
 */
export function pairFits(p: PairCohesion, literalDf: number, bar = MIN_KNOWN_COHESION, totalCount = 0): boolean {
  if (p.count < MIN_SPLIT_PAIR_COUNT) return false;
  if (literalDf <= 1) return p.ofRarer >= MIN_UNKNOWN_COHESION && p.count >= MIN_UNKNOWN_PAIR_RATE * totalCount;
  return p.ofCommoner >= bar && p.count >= SPLIT_RATIO * literalDf;
}

/**
 * The best split of a folded word into 2–{@link MAX_SPLIT_SYLLABLES} known syllables (or words of
 * another language the corpus writes: `donald trump`, `real madrid`) whose every
 * adjacent pair {@link pairFits} (with `bar`), or null.
 * @param minPartLength shortest part allowed (2 for a word that reads as Telex)
 */
export function bestSplit(folded: string, lexicon: Lexicon, bar = MIN_KNOWN_COHESION, minPartLength = 1): Split | null {
  const literalDf = lexicon.df(folded);
  const n = folded.length;
  const known = new Map<string, boolean>();
  const isPart = (i: number, j: number) => {
    const piece = folded.slice(i, j);
    let k = known.get(piece);
    if (k === undefined) {
      const df = lexicon.df(piece);
      k = piece.length >= minPartLength && (isFoldedSyllable(piece) ? df > 0 : piece.length >= 3 && df >= 2);
      known.set(piece, k);
    }
    return k;
  };
  const pairs = new Map<string, number>();
  // A pair's occurrences when it fits, 0 when it does not.
  const pairOf = (a: string, b: string) => {
    const key = a + ' ' + b;
    let c = pairs.get(key);
    if (c === undefined) {
      const p = cohesionOf(lexicon, a, b);
      pairs.set(key, (c = pairFits(p, literalDf, bar, lexicon.totalCount) ? p.count : 0));
    }
    return c;
  };
  let best: Split | null = null;
  const total = Math.max(1, lexicon.totalCount);
  // Depth-first over cuts (at most 4 parts), keeping the likeliest phrase: every pair costs a
  // factor below 1, so fewer parts win unless their pairs are far rarer (`doan thi huong`, not
  // `do an thi huong`).
  const walk = (cuts: number[], weakest: number, logLikelihood: number) => {
    const from = cuts[cuts.length - 1];
    if (from === n) {
      if (cuts.length - 1 < 2) return;
      if (!best || logLikelihood > best.logLikelihood) best = { cuts: [...cuts], weakest, logLikelihood };
      return;
    }
    if (cuts.length - 1 >= MAX_SPLIT_SYLLABLES) return;
    for (let to = from + 1; to <= n && to - from <= MAX_WORD_LENGTH; to++) {
      if (!isPart(from, to)) continue;
      let w = weakest;
      let ll = logLikelihood;
      if (cuts.length >= 2) {
        const c = pairOf(folded.slice(cuts[cuts.length - 2], from), folded.slice(from, to));
        if (c === 0) continue;
        w = Math.min(w, c);
        ll += Math.log(c / total);
        if (best && ll <= best.logLikelihood) continue;
      }
      cuts.push(to);
      walk(cuts, w, ll);
      cuts.pop();
    }
  };
  walk([0], Infinity, 0);
  return best;
}

/**
 * Splits, in place, the joined words of a query into the syllables the corpus writes (see the module
 * comment). Runs after input-method decoding and before restoration.
 * @param syllables the query after decoding (changed in place)
 */
export function splitJoinedSyllables(syllables: QuerySyllable[], lexicon: Lexicon): void {
  // The first few candidates, then spliced from the last so that indices stay valid.
  const candidates = syllables.map((s, i) => (isJoinedCandidate(s) ? i : -1)).filter((i) => i >= 0).slice(0, LIMITS.maxJoinedWords);
  for (const i of candidates.reverse()) {
    const s = syllables[i];
    const typed = typedForm(s);
    const telex = s.decoded || TELEX_KEYS.test(typed.folded);
    const split = bestSplit(typed.folded, lexicon, MIN_KNOWN_COHESION, telex ? MIN_TELEX_PART_LENGTH : 1);
    // A word decoded from Telex/VNI (`xoso` → xố) is split instead only when the corpus writes the
    // split far more often than the decoded reading (`xổ số`).
    if (s.decoded && (!split || split.weakest < SPLIT_RATIO * Math.max(1, lexicon.exactCount(s.exact)))) continue;
    if (!split) {
      // A known word whose split fits less well: kept as typed, its split an alternative.
      const weak = lexicon.df(typed.folded) > 1 ? bestSplit(typed.folded, lexicon, MIN_ALTERNATIVE_COHESION) : null;
      if (weak) s.splitAlternative = cutsOf(typed.folded, weak);
      continue;
    }
    const parts = split.cuts.length - 1;
    if (syllables.length - 1 + parts > LIMITS.maxSyllables) continue;
    if (literalFitsContext(syllables, i, cutsOf(typed.folded, split), lexicon)) continue;
    const pieces: QuerySyllable[] = [];
    for (let k = 0; k < parts; k++) {
      const exact = typed.exact.slice(split.cuts[k], split.cuts[k + 1]);
      const folded = foldDiacritics(exact);
      pieces.push({
        ...s,
        token: { ...s.token, exact, folded, kind: 'word', joined: k > 0 || s.token.joined },
        exact, folded, accented: exact !== folded, decoded: false,
        adjacent: k > 0 || s.adjacent,
        joined: { literal: typed.folded, literalExact: typed.exact, part: k, parts },
      });
    }
    syllables.splice(i, 1, ...pieces);
  }
}

/**
 * Whether a known word reads better as typed next to the words around it: the corpus writes it next
 * to its neighbour at least as often as the split's edge syllable (`Vietnam Airlines`, not `việt
 * nam airlines`; `hanoi ngap` is still `hà nội ngập`).
 */
function literalFitsContext(syllables: readonly QuerySyllable[], i: number, pieces: readonly string[], lexicon: Lexicon): boolean {
  const s = syllables[i];
  const literal = typedForm(s).folded;
  if (lexicon.df(literal) < 2) return false;
  const { prev, next } = adjacentNeighbours(syllables, i);
  if (prev && lexicon.pairCount(prev.exact, literal) > 0 && lexicon.pairCount(prev.exact, literal) >= cohesionOf(lexicon, prev.folded, pieces[0]).count) return true;
  if (next && lexicon.pairCount(literal, next.exact) > 0 && lexicon.pairCount(literal, next.exact) >= cohesionOf(lexicon, pieces[pieces.length - 1], next.folded).count) return true;
  return false;
}

/** The pieces a split cuts a word into. */
const cutsOf = (word: string, split: Split): string[] => split.cuts.slice(0, -1).map((c, k) => word.slice(c, split.cuts[k + 1]));

/**
 * The alternatives {@link splitJoinedSyllables} left, as synonym matches over the span of a split
 * word's parts (and how many typo-tolerance scans they used):
 * - a split word the corpus also writes joined, as typed (`Hanoi` matches a search for `hanoi` as
 *   `hà nội` does);
 * - a split word the corpus does not know (or knows once), its typo corrections, as typo tolerance
 *   would have given them (`trica` is `tri ca`, or a typo of `trick`);
 * - a known word kept as typed, its split (`thethao` also finds `thể thao`).
 */
export function joinedAlternatives(syllables: readonly QuerySyllable[], lexicon: Lexicon, fuzzyBudget: number = LIMITS.maxFuzzyWords): { matches: SynonymMatch[]; fuzzyWords: number } {
  const matches: SynonymMatch[] = [];
  let fuzzyWords = 0;
  syllables.forEach((s, i) => {
    if (s.splitAlternative) matches.push({ start: i, end: i + 1, alternatives: [{ folded: s.splitAlternative, exact: s.splitAlternative }] });
    const j = s.joined;
    if (!j || j.part !== 0) return;
    const df = lexicon.df(j.literal);
    const alternatives = df > 0 ? [{ folded: [j.literal], exact: [j.literalExact] }] : [];
    // Corrections count against the query's typo-tolerance budget (LIMITS.maxFuzzyWords).
    if (df <= 1 && fuzzyWords < fuzzyBudget && allowedEdits(j.literal) > 0) {
      fuzzyWords++;
      for (const c of fuzzyCandidates(lexicon, j.literal, LIMITS.fuzzyExpansions)) alternatives.push({ folded: [c.term], exact: [c.term] });
    }
    if (alternatives.length) matches.push({ start: i, end: i + j.parts, alternatives });
  });
  return { matches, fuzzyWords };
}

/** Whether any word of `text` has the shape of syllables typed joined (before the corpus is asked). */
export function mayHoldJoinedWords(text: string): boolean {
  return analyzeQueryText(text).some((t) => hasJoinedShape(t.exact, t.folded));
}

/**
 * `text` with its words typed joined written as the syllables they split into (`hanoi` → `ha noi`),
 * by the same rules as a search's plan, the rest as typed (normalized): for suggestions as the user
 * types, which complete and match words of the text rather than a plan.
 */
export function splitJoinedText(text: string, lexicon: Lexicon): string {
  const norm = normalizeText(text);
  const { syllables } = analyzeSegments([{ text: norm, quoted: false, negated: false }]);
  splitJoinedSyllables(syllables, lexicon);
  let out = norm;
  for (let i = syllables.length - 1; i >= 0; i--) {
    const j = syllables[i].joined;
    if (!j || j.part !== 0) continue;
    // The parts in the case typed (`Hanoi` → `Ha noi`): a word of plain letters keeps its length.
    const { start, end } = syllables[i].token;
    const surface = out.slice(start, end);
    let at = 0;
    const parts = syllables.slice(i, i + j.parts).map((p) => surface.slice(at, (at += p.exact.length)));
    out = out.slice(0, start) + parts.join(' ') + out.slice(end);
  }
  return out;
}
