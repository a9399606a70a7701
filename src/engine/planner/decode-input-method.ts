/**
 * Planner stage 3, decode input method: a query typed with Telex or VNI keys (`haf nooij`,
 * `ha2 no6i5`) becomes the accented syllables it spells. The decision is made for the whole query:
 * when any syllable is unmistakably typed in one scheme, every syllable that is valid in that scheme
 * and whose reading the corpus knows is decoded too — also short ones that occur as typed
 * (`nguowif ddi booj` → người đi bộ, `cos theer` → có thể) — unless the corpus knows the typed form
 * better in its place (a name such as `Hari Won` in a query typed in Telex stays as it is).
 * @module
 */
import { analyzeQueryText } from '../../analyzer/analyze.js';
import { decodeTelex, decodeVni } from '../../analyzer/input-method.js';
import type { Lexicon } from '../../index-format/lexicon.js';
import { adjacentNeighbours, type QuerySyllable } from './query-syllable.js';

/** The two schemes, in the order they are tried. */
const SCHEMES = [decodeTelex, decodeVni] as const;

/**
 * A syllable is unmistakably typed with an input method when the corpus does not know it as typed,
 * or knows it in at most one document in this many while it knows its reading
 * {@link UNMISTAKABLE_RATIO} times more often (`oo` for ô, `ddi` for đi in a 35k-article archive:
 * typos every archive has). The bar scales with the archive: in a small one, only unknown forms count.
 */
export const RARE_DOCUMENTS = 2_500;
/** See {@link RARE_DOCUMENTS}. */
export const UNMISTAKABLE_RATIO = 100;
/**
 * Keys that write a vowel's or đ's mark, per scheme (Telex `aa aw ee oo ow uw dd w`, VNI `6 7 8 9`).
 * A word the corpus writes as typed in {@link WORD_DOCUMENTS} documents or more is unmistakably
 * typed with an input method only when it holds one, or when the corpus writes its reading next to
 * a neighbour of the query more often than the word (`congo vinh`: Công Vinh): decoded through a
 * tone key alone (`cast` → cát, `songs` → sóng, `hits` → hít) it is a word of another language far
 * more often than a typo, while typos the archive repeats hold mark keys (`hoon`, `ddi`, `nguwoif`).
 */
const MARK_KEYS = [/aa|aw|ee|oo|ow|uw|dd|w/, /[6-9]/] as const;
/** See {@link MARK_KEYS}. */
export const WORD_DOCUMENTS = 2;
/** Weight of adjacent-pair evidence against single-syllable frequency when choosing typed or decoded. */
const PAIR_WEIGHT = 2;

/** Whether a syllable could have been typed with an input method (plain ASCII letters and digits). */
const isTypedAscii = (s: QuerySyllable) => !s.accented && (s.token.kind === 'word' || s.token.kind === 'abbreviation') && /^[a-z0-9]+$/.test(s.exact);

/**
 * Decodes, in place, the syllables of a query typed with Telex or VNI.
 * @param syllables the analyzed query (changed in place)
 */
export function decodeTypedInputMethod(syllables: QuerySyllable[], lexicon: Lexicon): void {
  const n = syllables.length;
  const rareDf = Math.floor(lexicon.meta.documentCount / RARE_DOCUMENTS);
  const count = (form: string) => lexicon.exactCount(form);
  // Per scheme and syllable: the reading the corpus knows, or null.
  const readings = SCHEMES.map((decode) => syllables.map((s) => {
    if (!isTypedAscii(s)) return null;
    const d = decode(s.exact);
    return d !== null && count(d) > 0 ? d : null;
  }));
  // Whether the reading, not the word as typed, is what the corpus writes next to a neighbour
  // (`congo vinh`: Công Vinh).
  const pairsBetter = (d: string, i: number) => {
    const { prev, next } = adjacentNeighbours(syllables, i);
    const typed = syllables[i].exact;
    return (prev !== null && lexicon.pairCount(prev.exact, d) > lexicon.pairCount(prev.exact, typed)) || (next !== null && lexicon.pairCount(d, next.exact) > lexicon.pairCount(typed, next.exact));
  };
  const isUnmistakable = (d: string | null, i: number, scheme: number) => {
    if (d === null) return false;
    const s = syllables[i];
    const df = lexicon.df(s.folded);
    if (df === 0) return true;
    if (df >= WORD_DOCUMENTS && !MARK_KEYS[scheme].test(s.exact) && !pairsBetter(d, i)) return false;
    return df <= rareDf && count(d) >= UNMISTAKABLE_RATIO * Math.max(1, count(s.exact));
  };
  const unmistakable = readings.map((list, scheme) => list.map((d, i) => isUnmistakable(d, i, scheme)));
  const anchors = unmistakable.map((u) => u.filter(Boolean).length);
  const best = anchors[0] >= anchors[1] ? 0 : 1;
  if (anchors[best] === 0) return;
  const decoded = readings[best];
  const forced = unmistakable[best];

  // Typed or decoded, per syllable: the most likely sequence by frequency and adjacent pairs.
  const forms = syllables.map((s, i) => [forced[i] ? null : s.exact, decoded[i]]);
  const emit = (i: number, k: number) => Math.log1p(count(forms[i][k]!));
  const score: number[][] = [];
  const back: number[][] = [];
  for (let i = 0; i < n; i++) {
    score.push([-Infinity, -Infinity]);
    back.push([0, 0]);
    for (let k = 0; k < 2; k++) {
      if (forms[i][k] === null) continue;
      if (i === 0) { score[i][k] = emit(i, k); continue; }
      for (let j = 0; j < 2; j++) {
        if (score[i - 1][j] === -Infinity) continue;
        const pair = syllables[i].adjacent ? PAIR_WEIGHT * Math.log1p(lexicon.pairCount(forms[i - 1][j]!, forms[i][k]!)) : 0;
        const s = score[i - 1][j] + pair + emit(i, k);
        if (s > score[i][k]) { score[i][k] = s; back[i][k] = j; }
      }
    }
  }
  let k = score[n - 1][1] > score[n - 1][0] ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    if (k === 1) {
      const t = analyzeQueryText(decoded[i]!)[0];
      const s = syllables[i];
      if (t) { s.exact = t.exact; s.folded = t.folded; s.accented = t.exact !== t.folded; s.decoded = true; }
    }
    k = back[i][k];
  }
}
