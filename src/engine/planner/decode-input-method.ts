/**
 * Planner stage 3, decode input method: syllables typed with Telex or VNI keys (`haf nooij`,
 * `ha2 no6i5`) become the accented syllables they spell.
 * @module
 */
import { analyzeQueryText } from '../../analyzer/analyze.js';
import { decodeInputMethod } from '../../analyzer/input-method.js';
import type { Lexicon } from '../../index-format/lexicon.js';
import type { QuerySyllable } from './query-syllable.js';

/**
 * Decodes, in place, every ASCII word that is not in the corpus but decodes to one that is.
 * @param syllables the analyzed query (changed in place)
 */
export function decodeTypedInputMethod(syllables: QuerySyllable[], lexicon: Lexicon): void {
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
}
