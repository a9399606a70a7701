/**
 * How a person types Vietnamese on a keyboard without a Vietnamese input method, for generating
 * benchmark queries: Telex in two typing orders, and VNI. Written from the input methods' rules with
 * plain Unicode decomposition (NFD), not with the engine's decoder, so the benchmark does not grade
 * the engine against its own code.
 * - Telex, standard order: each mark right after its letter (`aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ,
 *   `uw` ư, `dd` đ), the tone key last (`s` sắc, `f` huyền, `r` hỏi, `x` ngã, `j` nặng):
 *   `người` → `nguwowif`, `việt` → `vieetj`.
 * - Telex, free order (what Unikey's "free marking" accepts): the letters first, then the vowel
 *   marks (the vowel again for a circumflex, one `w` for a breve or horn), then the tone key; `dd`
 *   stays in front: `người` → `nguoiwf`, `việt` → `vietej`, `đường` → `dduongwf`.
 * - VNI: digits after the letters (`6` circumflex, `7` horn, `8` breve, `9` đ, tones `1`–`5`):
 *   `người` → `nguoi72`.
 * @module
 */

/** A typing order. */
export type TypingOrder = 'telex' | 'telex-free' | 'vni';

const TONE_KEYS: Record<string, [telex: string, vni: string]> = {
  '\u0301': ['s', '1'], '\u0300': ['f', '2'], '\u0309': ['r', '3'], '\u0303': ['x', '4'], '\u0323': ['j', '5'],
};
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

/**
 * Types one word (the letters keep their case; mark keys are lower case; anything that is not a
 * Vietnamese letter is kept as is).
 * @param word one word, e.g. `người`
 * @param order how it is typed
 */
export function typeWord(word: string, order: TypingOrder): string {
  let letters = '';
  let tone = '';
  let standard = '';
  let shapes = '';
  let vniShapes = '';
  for (const ch of word.normalize('NFC')) {
    const lower = ch.toLowerCase();
    if (lower === 'đ') {
      const d = ch === 'Đ' ? 'D' : 'd';
      letters += d; standard += `${d}d`; vniShapes += '9';
      if (order !== 'vni') letters += 'd';
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    letters += base;
    standard += base;
    const plain = base.toLowerCase();
    for (const m of marks) {
      if (m in TONE_KEYS) tone = m;
      else if (m === CIRCUMFLEX) { standard += plain; shapes += plain; vniShapes += '6'; }
      else if (m === BREVE) { standard += 'w'; if (!shapes.includes('w')) shapes += 'w'; vniShapes += '8'; }
      else if (m === HORN) { standard += 'w'; if (!shapes.includes('w')) shapes += 'w'; if (!vniShapes.includes('7')) vniShapes += '7'; }
    }
  }
  const [telexTone, vniTone] = tone ? TONE_KEYS[tone] : ['', ''];
  if (order === 'telex') return standard + telexTone;
  if (order === 'telex-free') return letters + shapes + telexTone;
  return letters + vniShapes + vniTone;
}

/** Types a whole text word by word: each run of letters is one word; spaces, digits and punctuation are kept. */
export function typeText(text: string, order: TypingOrder): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (w) => typeWord(w, order));
}
