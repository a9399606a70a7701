/**
 * The first step of a related-articles query: the index keys an article contains, with how often it
 * uses each, weighted by where (headline above lead above body). The article can come from anywhere
 * (the static index, a live store, an editor's draft): only its stored fields are read, analyzed
 * with the same analyzer as the build.
 * @module
 */
import { normalizeText } from '../../analyzer/normalize.js';
import { forEachToken, type Token } from '../../analyzer/tokenize.js';
import { MAX_HEADLINE_SYLLABLES } from '../../index-format/shard-postings.js';
import { bigramKey, foldedKey } from '../../index-format/term-keys.js';

/** The fields of an article that related articles are found from. */
export interface RelatedSource {
  /** The article's id when it is in the index (it is then never its own related article). */
  id?: string;
  title: string;
  kicker?: string;
  lead?: string;
  body: string;
  /** ISO date (newest copy of a story wins when duplicates collapse). */
  date?: string;
}

/** How an article's text is read. */
export const SOURCE_ANALYSIS = {
  /**
   * Characters of the body analyzed; a longer body is read up to here (at a space). Headline and lead
   * carry most of what an article is about, and this bounds the work per request (~1 ms).
   */
  maxBodyChars: 20_000,
  /** Longest headline, kicker or lead read (characters). */
  maxFieldChars: 2_000,
  /** Term-frequency multiplier of a use in the headline or kicker. */
  titleWeight: 4,
  /** … in the lead (sapo). */
  leadWeight: 2,
  /** … in the body. */
  bodyWeight: 1,
} as const;

/** One index key of the source article. */
export interface SourceTerm {
  /** Dictionary key: a folded syllable (`ha`) or a folded adjacent pair (`ha noi`). */
  key: string;
  /** True for an adjacent pair. */
  pair: boolean;
  /** Uses in the article, weighted by field ({@link SOURCE_ANALYSIS}). */
  tf: number;
  /** Uses in the article (unweighted). */
  uses: number;
  /** Position of the first use (token number over headline, lead, body), for stable ordering. */
  first: number;
  /** For a pair: its two syllables as first written, with diacritics (`['hà', 'nội']`). */
  exact?: [string, string];
}

/** Numbers and dates say little about what an article is about; they are not used as evidence. */
const isWord = (t: Token) => t.kind === 'word' || t.kind === 'abbreviation';

/** Cuts `text` to at most `max` characters, at the last space before the cut. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

/**
 * The folded syllables and adjacent pairs of an article (numbers and dates left out), each with its
 * field-weighted frequency, in order of first use. Kicker and headline are read as separate texts,
 * as the build reads them, so no pair spans them.
 */
export function sourceTerms(src: RelatedSource): SourceTerm[] {
  const byKey = new Map<string, SourceTerm>();
  let position = 0;
  const add = (key: string, weight: number, exact?: [string, string]) => {
    const t = byKey.get(key);
    if (t) {
      t.tf += weight;
      t.uses++;
    } else {
      byKey.set(key, exact ? { key, pair: true, tf: weight, uses: 1, first: position, exact } : { key, pair: false, tf: weight, uses: 1, first: position });
    }
  };
  const read = (text: string | undefined, weight: number, max: number) => {
    if (!text) return;
    let prev: Token | null = null;
    forEachToken(normalizeText(cap(text, max)), (t) => {
      position++;
      if (isWord(t)) {
        add(foldedKey(t.folded), weight);
        if (prev && t.joined) add(bigramKey(prev.folded, t.folded), weight, [prev.exact, t.exact]);
        prev = t;
      } else {
        prev = null;
      }
    });
  };
  const { titleWeight, leadWeight, bodyWeight, maxBodyChars, maxFieldChars } = SOURCE_ANALYSIS;
  read(src.kicker, titleWeight, maxFieldChars);
  read(src.title, titleWeight, maxFieldChars);
  read(src.lead, leadWeight, maxFieldChars);
  read(src.body, bodyWeight, maxBodyChars);
  return [...byKey.values()];
}

/**
 * The headline's folded syllables in order (every token, as the build stores headlines), for the
 * headline phrase match: a candidate whose headline repeats a long run of the source's ranks higher.
 */
export function headlineSyllables(src: RelatedSource): string[] {
  const out: string[] = [];
  forEachToken(normalizeText(cap(src.title, SOURCE_ANALYSIS.maxFieldChars)), (t) => {
    if (out.length < MAX_HEADLINE_SYLLABLES) out.push(t.folded);
  });
  return out;
}
