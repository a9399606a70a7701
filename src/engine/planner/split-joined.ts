/**
 * Planner stage 3b, split joined syllables: a word typed with its syllables run together — `hanoi`,
 * `vietnam`, `saigon`, `giavang`, as in hashtags, domain names, English spellings of places and
 * phones that drop spaces — becomes the syllables the corpus writes next to each other (`ha noi`),
 * so the rest of the planner treats it as if the spaces had been typed: restored (`hà nội`), paired,
 * completed and highlighted.
 *
 * A word is split only when it cannot be one syllable, every part is a syllable the corpus knows, and
 * every adjacent pair of parts is one the corpus writes as a unit: the pair's occurrences are a fair
 * share of its syllables' ({@link cohesionOf}). A word the corpus does not know as typed (or knows
 * once: a typo, such as `vietlot`, is left to typo tolerance unless a split fits well) needs only
 * the rarer syllable to occur in the pair now and then (`tỷ giá`, `xổ số`). A word the corpus knows
 * must be far rarer than its split ({@link SPLIT_RATIO}), and then:
 * - when both syllables keep company ({@link MIN_KNOWN_COHESION}: `hà nội`, `việt nam`, `sài gòn`)
 *   it is split, and keeps matching as typed (`Hanoi` in an English name): the expand stage adds it
 *   as an alternative of its parts ({@link joinedAlternatives});
 * - when they keep less ({@link MIN_ALTERNATIVE_COHESION}: `thể thao` for `thethao`, `hạ long`, but
 *   also `mặc áo` for Macao) it stays as typed, ranked first, and its split is only an alternative
 *   that finds more (Macao's articles come before those about wearing shirts);
 * - otherwise it stays as typed (`họ sẽ` is not HOSE, `để mở` not demo, `có lẽ` not Cole).
 * Among the ways to split a word, the one whose weakest pair is the most frequent wins. The
 * thresholds were set on a list of joined words and words to keep (`bench/relevance/joined-words.json`),
 * and checked on every word of baomoi-35k that is not one syllable (`npm run bench:relevance`).
 * @module
 */
import { foldDiacritics } from '../../analyzer/fold.js';
import { isFoldedSyllable } from '../../analyzer/syllable.js';
import type { Lexicon } from '../../index-format/lexicon.js';
import type { SynonymMatch } from '../synonym-table.js';
import { LIMITS } from './limits.js';
import type { QuerySyllable } from './query-syllable.js';

export type { JoinedWord } from './query-syllable.js';

/** Shortest joined word tried (two syllables of two letters). */
export const MIN_JOINED_LENGTH = 4;
/** Longest joined word tried (four long syllables); longer runs are left as typed. */
export const MAX_JOINED_LENGTH = 24;
/** Most syllables a joined word is split into. */
export const MAX_SPLIT_SYLLABLES = 4;
/** Longest folded syllable (`nghieng`). */
const MAX_SYLLABLE_LENGTH = 7;
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
 * rarer syllable (`tỷ giá` 0.027, `xổ số` 0.94; `việt lọt` for the typo `vietlot` 0.002).
 */
export const MIN_UNKNOWN_COHESION = 0.01;
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
/** Readings of each part whose adjacent pairs are counted (the most frequent ones). */
const PAIR_READINGS = 4;

/** A way to cut a joined word, as offsets into it. */
interface Split {
  cuts: number[];
  /** Occurrences of its least frequent adjacent pair. */
  weakest: number;
}

/** Letters only, no digits or marks left after folding: what can be a run of syllables. */
const JOINABLE = /^[a-z]+$/;

/** Whether a query syllable is a candidate joined word (before the corpus is asked). */
export function isJoinedCandidate(s: QuerySyllable): boolean {
  const f = s.folded;
  return !s.quoted && !s.decoded && s.token.kind !== 'number' && s.token.kind !== 'date'
    && f.length >= MIN_JOINED_LENGTH && f.length <= MAX_JOINED_LENGTH && JOINABLE.test(f)
    && s.exact.length === f.length && !isFoldedSyllable(f);
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
 */
export function pairFits(p: PairCohesion, literalDf: number, bar = MIN_KNOWN_COHESION): boolean {
  if (p.count < MIN_SPLIT_PAIR_COUNT) return false;
  return literalDf <= 1 ? p.ofRarer >= MIN_UNKNOWN_COHESION : p.ofCommoner >= bar && p.count >= SPLIT_RATIO * literalDf;
}

/**
 * The best split of a folded word into 2–{@link MAX_SPLIT_SYLLABLES} known syllables whose every
 * adjacent pair {@link pairFits} (with `bar`), or null.
 */
export function bestSplit(folded: string, lexicon: Lexicon, bar = MIN_KNOWN_COHESION): Split | null {
  const literalDf = lexicon.df(folded);
  const n = folded.length;
  const known = new Map<string, boolean>();
  const isPart = (i: number, j: number) => {
    const piece = folded.slice(i, j);
    let k = known.get(piece);
    if (k === undefined) known.set(piece, (k = isFoldedSyllable(piece) && lexicon.df(piece) > 0));
    return k;
  };
  const pairs = new Map<string, number>();
  // A pair's occurrences when it fits, 0 when it does not.
  const pairOf = (a: string, b: string) => {
    const key = a + ' ' + b;
    let c = pairs.get(key);
    if (c === undefined) {
      const p = cohesionOf(lexicon, a, b);
      pairs.set(key, (c = pairFits(p, literalDf, bar) ? p.count : 0));
    }
    return c;
  };
  let best: Split | null = null;
  // Depth-first over cuts: at most 4 parts of at most 7 letters, so a few hundred paths at most.
  const walk = (cuts: number[], weakest: number) => {
    const from = cuts[cuts.length - 1];
    if (from === n) {
      if (cuts.length - 1 < 2) return;
      const better = !best || weakest > best.weakest || (weakest === best.weakest && cuts.length < best.cuts.length);
      if (better) best = { cuts: [...cuts], weakest };
      return;
    }
    if (cuts.length - 1 >= MAX_SPLIT_SYLLABLES) return;
    for (let to = from + 1; to <= n && to - from <= MAX_SYLLABLE_LENGTH; to++) {
      if (!isPart(from, to)) continue;
      let w = weakest;
      if (cuts.length >= 2) {
        const prev = folded.slice(cuts[cuts.length - 2], from);
        w = Math.min(w, pairOf(prev, folded.slice(from, to)));
        if (w === 0 || (best && w < best.weakest)) continue;
      }
      cuts.push(to);
      walk(cuts, w);
      cuts.pop();
    }
  };
  walk([0], Infinity);
  return best;
}

/**
 * Splits, in place, the joined words of a query into the syllables the corpus writes (see the module
 * comment). Runs after input-method decoding (a decoded word is never split) and before restoration.
 * @param syllables the query after decoding (changed in place)
 */
export function splitJoinedSyllables(syllables: QuerySyllable[], lexicon: Lexicon): void {
  for (let i = syllables.length - 1; i >= 0; i--) {
    const s = syllables[i];
    if (!isJoinedCandidate(s)) continue;
    const split = bestSplit(s.folded, lexicon);
    if (!split) {
      // A known word whose split fits less well: kept as typed, its split an alternative.
      const weak = lexicon.df(s.folded) > 1 ? bestSplit(s.folded, lexicon, MIN_ALTERNATIVE_COHESION) : null;
      if (weak) s.splitAlternative = cutsOf(s.folded, weak);
      continue;
    }
    const parts = split.cuts.length - 1;
    if (syllables.length - 1 + parts > LIMITS.maxSyllables) continue;
    const pieces: QuerySyllable[] = [];
    for (let k = 0; k < parts; k++) {
      const exact = s.exact.slice(split.cuts[k], split.cuts[k + 1]);
      const folded = foldDiacritics(exact);
      pieces.push({
        ...s,
        token: { ...s.token, exact, folded, kind: 'word', joined: k > 0 || s.token.joined },
        exact, folded, accented: exact !== folded,
        adjacent: k > 0 || s.adjacent,
        joined: { literal: s.folded, literalExact: s.exact, part: k, parts },
      });
    }
    syllables.splice(i, 1, ...pieces);
  }
}

/** The pieces a split cuts a word into. */
const cutsOf = (word: string, split: Split): string[] => split.cuts.slice(0, -1).map((c, k) => word.slice(c, split.cuts[k + 1]));

/**
 * The alternatives {@link splitJoinedSyllables} left, as synonym matches: a split word the corpus
 * also writes joined, over the span of its parts, with the word as typed as its alternative
 * (`Hanoi` matches a search for `hanoi` as `hà nội` does); a known word kept as typed, with its
 * split as its alternative (`thethao` also finds `thể thao`).
 */
export function joinedAlternatives(syllables: readonly QuerySyllable[], lexicon: Lexicon): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  syllables.forEach((s, i) => {
    if (s.splitAlternative) out.push({ start: i, end: i + 1, alternatives: [{ folded: s.splitAlternative, exact: s.splitAlternative }] });
    const j = s.joined;
    if (!j || j.part !== 0 || lexicon.df(j.literal) === 0) return;
    out.push({ start: i, end: i + j.parts, alternatives: [{ folded: [j.literal], exact: [j.literalExact] }] });
  });
  return out;
}
