/**
 * The Vietnamese tokenizer: splits normalized text into syllables, numbers, dates and dotted
 * abbreviations, with the exact (accented, canonical tone) and folded (accentless) form of each.
 * @module
 */
import * as charClass from './char-class.js';
import * as fold from './fold.js';
import * as tone from './tone.js';

// Hot-path imports copied into module constants once: some loaders (tsx, vite-node) compile ES
// imports to getter calls, which would otherwise run for every character.
const CC_OTHER = charClass.CC_OTHER;
const CC_SPACE = charClass.CC_SPACE;
const CC_HYPHEN = charClass.CC_HYPHEN;
const CC_UPPER = charClass.CC_UPPER;
const CC_MARK = charClass.CC_MARK;
const CC_DIGIT = charClass.CC_DIGIT;
const classOfCode = charClass.classOfCode;
const classOfCodePoint = charClass.classOfCodePoint;
const foldDiacritics = fold.foldDiacritics;
const canonicalSyllable = tone.canonicalSyllable;

/** What a token is. */
export type TokenKind = 'word' | 'number' | 'date' | 'abbreviation';

/** One token of analyzed text. */
export interface Token {
  /** lower-case, canonical tone placement, diacritics kept: "hòa", "đảng", "tphcm", "8/10/2011", "1.234" */
  exact: string;
  /** exact with all diacritics removed and đ→d: "hoa", "dang" */
  folded: string;
  /** UTF-16 offsets of the token's surface text in the input string (input[start:end]) */
  start: number;
  /** end of the surface text (exclusive); see `start` */
  end: number;
  /** true when this token directly follows the previous token with only whitespace (or a single hyphen) between them: the two form an adjacent pair (bigram). false for the first token and after any other punctuation (, . ; : ! ? ( ) " etc.) */
  joined: boolean;
  /** what the token is: a syllable or other word, a number, a normalized date, a dotted abbreviation */
  kind: TokenKind;
}

/** Longest `exact` / `folded` kept, in UTF-16 code units. */
export const MAX_TOKEN_LENGTH = 64;
/** Most combining marks kept after one base character in `exact`. */
const MAX_MARKS = 3;

const DOT = 0x2e;
const COMMA = 0x2c;
const SLASH = 0x2f;
const MINUS = 0x2d;

// Statistics of the last run scanned by scanRun (module-level scratch: the tokenizer is synchronous).
let runLetters = 0;
let runUpper = 0;
let runDigits = 0;
let runAsciiDigits = 0;
let runMarks = 0;
let runStorm = false;
let runNonAscii = false;
/** The run holds a character outside ASCII, the Latin tables (U+0080–U+024F, U+1E00–U+1EFF) and the combining marks U+0300–U+036F. */
let runBeyondLatin = false;
let runFirstClass = 0;

/** Class of the character at i; its width (1 or 2) goes to `width`. */
let width = 1;
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if ((c & 0xfc00) === 0xd800 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if ((d & 0xfc00) === 0xdc00) {
      width = 2;
      return classOfCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
    }
  }
  width = 1;
  return classOfCode(c);
}

/** Scans the maximal run of word characters (letters, marks, digits) from i; returns its end. */
function scanRun(s: string, i: number): number {
  const n = s.length;
  runLetters = runUpper = runDigits = runAsciiDigits = runMarks = 0;
  runStorm = false;
  runNonAscii = false;
  runBeyondLatin = false;
  runFirstClass = i < n ? classAt(s, i) : CC_OTHER;
  let consecutiveMarks = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c < 0x80) {
      k = classOfCode(c);
      width = 1;
    } else {
      runNonAscii = true;
      k = classAt(s, i);
    }
    if (k < CC_UPPER) break;
    if (c >= 0x250 && (c < 0x300 || c > 0x36f) && (c < 0x1e00 || c > 0x1eff)) runBeyondLatin = true;
    if (k === CC_MARK) {
      runMarks++;
      if (++consecutiveMarks > MAX_MARKS) runStorm = true;
    } else {
      consecutiveMarks = 0;
      if (k === CC_DIGIT) {
        runDigits++;
        if (c >= 0x30 && c <= 0x39) runAsciiDigits++;
      } else {
        runLetters++;
        if (k === CC_UPPER) runUpper++;
      }
    }
    i += width;
  }
  return i;
}

function isAsciiDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN past the end
  return c >= 0x30 && c <= 0x39;
}

function isWordCharAt(s: string, i: number): boolean {
  return i < s.length && classAt(s, i) >= CC_UPPER;
}

/** Drops combining marks beyond MAX_MARKS after one base character. */
function limitMarks(s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (classOfCode(c) === CC_MARK) {
      if (++run > MAX_MARKS) continue;
    } else run = 0;
    out += s[i];
  }
  return out;
}

function truncate(s: string): string {
  if (s.length <= MAX_TOKEN_LENGTH) return s;
  const end = (s.charCodeAt(MAX_TOKEN_LENGTH - 1) & 0xfc00) === 0xd800 ? MAX_TOKEN_LENGTH - 1 : MAX_TOKEN_LENGTH;
  return s.slice(0, end);
}

/** Lower-cases a word's surface, repairs it to NFC when it carries combining marks, canonicalizes the tone. */
function exactOf(surface: string, nonAscii: boolean, hasUpper: boolean, marks: boolean, storm: boolean): string {
  if (!nonAscii) return hasUpper ? surface.toLowerCase() : surface;
  let s = storm ? limitMarks(surface) : surface;
  s = s.toLowerCase();
  if (marks) s = s.normalize('NFC');
  return canonicalSyllable(s);
}

function emit(fn: (t: Token) => void, exact: string, folded: string, start: number, end: number, joined: boolean, kind: TokenKind): void {
  if (exact.length > MAX_TOKEN_LENGTH) exact = truncate(exact);
  if (folded.length > MAX_TOKEN_LENGTH) folded = truncate(folded);
  fn({ exact, folded, start, end, joined, kind });
}

/** Surface → analyzed forms of non-ASCII words without combining marks (bounded; cleared when full). */
const formCache = new Map<string, { exact: string; folded: string }>();
const FORM_CACHE_LIMIT = 100_000;
const MAX_CACHED_LENGTH = 24;

let dateText = '';
/**
 * Tries `d{1,2}[/-]d{1,2}([/-]d{2,4})?` with the day/month run [s, e) (1–2 ASCII digits) already
 * scanned and `text[e]` a separator. Day must be 1–31 and month 1–12, and the date must not run
 * into further word characters. Returns the end, with the normalized form in `dateText`, or -1.
 */
function scanDate(text: string, s: number, e: number): number {
  const day = Number(text.slice(s, e));
  if (day < 1 || day > 31) return -1;
  const ms = e + 1;
  let me = ms;
  while (me < text.length && me - ms < 3 && isAsciiDigit(text, me)) me++;
  if (me - ms < 1 || me - ms > 2) return -1;
  const month = Number(text.slice(ms, me));
  if (month < 1 || month > 12) return -1;
  const sep = text.charCodeAt(me);
  if ((sep === SLASH || sep === MINUS) && isAsciiDigit(text, me + 1)) {
    const ys = me + 1;
    let ye = ys;
    while (ye < text.length && ye - ys < 5 && isAsciiDigit(text, ye)) ye++;
    if (ye - ys >= 2 && ye - ys <= 4 && !isWordCharAt(text, ye)) {
      dateText = `${day}/${month}/${text.slice(ys, ye)}`;
      return ye;
    }
  }
  if (isWordCharAt(text, me)) return -1;
  dateText = `${day}/${month}`;
  return me;
}

/**
 * Decides from a word's folded first character and folded length whether it is wanted at all, before
 * the word is analyzed (see {@link forEachToken}). Both are exactly those of the token's `folded`.
 */
export type WordFilter = (initial: number, foldedLength: number) => boolean;

/** Lower-case folded character of each Latin-table character, computed on first use (0 = not yet). */
const INITIAL = new Uint16Array(0x1f00);

/** The first character of `folded` for a word starting with the Latin-table character `c`. */
function foldedInitial(c: number): number {
  let f = INITIAL[c];
  if (f === 0) INITIAL[c] = f = foldDiacritics(String.fromCharCode(c).toLowerCase()).charCodeAt(0);
  return f;
}

/**
 * Streaming tokenizer: calls `fn` for every token of `text`, in order, without building an array.
 * See {@link tokenize} for the rules. Never throws on any input (lone surrogates, combining-mark
 * storms, very long strings).
 * @param text text already passed through `normalizeText` (offsets refer to it)
 * @param fn receives each token (a fresh object it may keep)
 * @param accept optional filter on words (not ASCII numbers, dates or dotted abbreviations; a word
 *   with characters outside the Latin tables, or longer than {@link MAX_TOKEN_LENGTH}, always
 *   passes): a word it rejects is not analyzed nor given to `fn`, and the token after it is not
 *   `joined` (it does not follow a token `fn` saw). Cuts the cost of looking for a few words in a
 *   long text (snippets).
 */
export function forEachToken(text: string, fn: (t: Token) => void, accept?: WordFilter): void {
  const n = text.length;
  let skipped = false; // a word was filtered out since the last token given to fn
  let i = 0;
  let hasPrev = false;
  let gapClean = true; // the gap since the previous token holds only whitespace and at most one hyphen
  let hyphens = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (k < CC_UPPER || k === CC_MARK) {
      // Separator, or a combining mark with no base letter (skipped).
      if (k === CC_HYPHEN) {
        if (++hyphens > 1) gapClean = false;
      } else if (k !== CC_SPACE) gapClean = false;
      i += width;
      continue;
    }
    const joined = hasPrev && gapClean && !skipped;
    skipped = false;
    hasPrev = true;
    gapClean = true;
    hyphens = 0;
    const start = i;
    const end = scanRun(text, i);
    const next = end < n ? text.charCodeAt(end) : -1;

    if (runLetters === 0 && runMarks === 0 && runAsciiDigits === runDigits) {
      // A run of ASCII digits: date, number with separators, or plain number.
      if (end - start <= 2 && (next === SLASH || next === MINUS) && isAsciiDigit(text, end + 1)) {
        const dateEnd = scanDate(text, start, end);
        if (dateEnd >= 0) {
          emit(fn, dateText, dateText, start, dateEnd, joined, 'date');
          i = dateEnd;
          continue;
        }
      }
      let numEnd = end;
      while (numEnd < n) {
        const c = text.charCodeAt(numEnd);
        if ((c !== DOT && c !== COMMA) || !isAsciiDigit(text, numEnd + 1)) break;
        numEnd += 2;
        while (numEnd < n && isAsciiDigit(text, numEnd)) numEnd++;
      }
      const surface = text.slice(start, numEnd);
      emit(fn, surface, surface, start, numEnd, joined, 'number');
      i = numEnd;
      continue;
    }

    const nonAscii = runNonAscii;
    const hasUpper = runUpper > 0;
    const hasMarks = runMarks > 0;
    const storm = runStorm;
    const foldedLength = runLetters + runDigits;
    const beyondLatin = runBeyondLatin;
    const kind: TokenKind = runLetters === 0 && runMarks === 0 ? 'number' : 'word';
    if ((next === DOT || next === MINUS) && !nonAscii && runDigits === 0 && runLetters <= 3 && runUpper === runLetters && isAsciiDigit(text, end + 1)) {
      // A code of capitals, a dot or hyphen, then digits (`U.23`, `U-23`, `F-16`, `Q.10`): one word,
      // as when written without the separator (`u23`, `f16`, `q10`).
      let digitsEnd = end + 1;
      while (digitsEnd < n && isAsciiDigit(text, digitsEnd)) digitsEnd++;
      const after = digitsEnd < n ? text.charCodeAt(digitsEnd) : -1;
      if (digitsEnd - end - 1 <= 4 && !isWordCharAt(text, digitsEnd) && !((after === DOT || after === COMMA || after === SLASH || after === MINUS) && isAsciiDigit(text, digitsEnd + 1))) {
        const code = (text.slice(start, end) + text.slice(end + 1, digitsEnd)).toLowerCase();
        if (accept !== undefined && !accept(foldedInitial(text.charCodeAt(start)), code.length)) skipped = true;
        else emit(fn, code, code, start, digitsEnd, joined, 'word');
        i = digitsEnd;
        continue;
      }
    }
    if (next === DOT && runDigits === 0 && runLetters <= 5 && runUpper === runLetters && runFirstClass !== CC_MARK) {
      const abbrEnd = scanAbbreviation(text, end); // overwrites the run statistics
      if (abbrEnd > end) {
        emitAbbreviation(fn, text, start, abbrEnd, joined);
        i = abbrEnd;
        continue;
      }
    }

    if (accept !== undefined && !beyondLatin && foldedLength <= MAX_TOKEN_LENGTH && !accept(foldedInitial(text.charCodeAt(start)), foldedLength)) {
      skipped = true;
      i = end;
      continue;
    }
    const surface = text.slice(start, end);
    if (!nonAscii) {
      const exact = hasUpper ? surface.toLowerCase() : surface;
      emit(fn, exact, exact, start, end, joined, kind);
    } else if (hasMarks || surface.length > MAX_CACHED_LENGTH) {
      const exact = exactOf(surface, true, hasUpper, hasMarks, storm);
      emit(fn, exact, foldDiacritics(exact), start, end, joined, kind);
    } else {
      // Accented words: the vocabulary is small, so remember each surface form's analysis.
      let forms = formCache.get(surface);
      if (forms === undefined) {
        const exact = exactOf(surface, true, hasUpper, false, false);
        forms = { exact, folded: foldDiacritics(exact) };
        if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
        formCache.set(surface, forms);
      }
      emit(fn, forms.exact, forms.folded, start, end, joined, kind);
    }
    i = end;
  }
}

/**
 * Extends a dotted abbreviation whose first segment ends at `end` (where `text[end]` is a dot):
 * each further segment is 1–5 upper-case letters (marks allowed, no digits). Returns the end of
 * the last accepted segment (`end` itself when none follows).
 */
function scanAbbreviation(text: string, end: number): number {
  let last = end;
  while (last < text.length && text.charCodeAt(last) === DOT) {
    const segEnd = scanRun(text, last + 1);
    if (segEnd === last + 1 || runFirstClass === CC_MARK || runDigits !== 0 || runLetters > 5 || runUpper !== runLetters) break;
    last = segEnd;
  }
  return last;
}

function emitAbbreviation(fn: (t: Token) => void, text: string, start: number, end: number, joined: boolean): void {
  const surface = text.slice(start, end);
  let letters = '';
  let nonAscii = false;
  let marks = false;
  let storm = false;
  let from = 0;
  for (let p = 0; p <= surface.length; p++) {
    if (p === surface.length || surface.charCodeAt(p) === DOT) {
      scanRun(surface, from);
      nonAscii ||= runNonAscii;
      marks ||= runMarks > 0;
      storm ||= runStorm;
      letters += surface.slice(from, p);
      from = p + 1;
    }
  }
  const exact = exactOf(letters, nonAscii, true, marks, storm);
  emit(fn, exact, nonAscii ? foldDiacritics(exact) : exact, start, end, joined, 'abbreviation');
}

/**
 * Splits text into tokens.
 *
 * - Word characters are letters, combining marks and digits (`\p{L}\p{M}\p{N}`); everything else
 *   separates. A run of combining marks with no base is skipped; after a base at most 3 marks are
 *   kept in `exact`.
 * - `exact` is the lower-cased NFC surface with canonical tone placement (`Hoà` → `hòa`);
 *   `folded` is `exact` without diacritics. Both are cut to 64 code units.
 * - Numbers: a digit run, optionally with `.`/`,` between digit groups (`1.234`, `3,5`), kept as
 *   written, kind `number`. Letters and digits mixed (`u23`, `6x36`) make a `word`.
 * - Dates: `d{1,2}[/-]d{1,2}([/-]d{2,4})?` with day 1–31 and month 1–12, normalized without leading
 *   zeros and with `/` (`08-10-2011` → `8/10/2011`), kind `date`.
 * - Abbreviations: ≥ 2 dot-separated segments of 1–5 upper-case letters (`TP.HCM`, `T.Ư`) become
 *   one token without the dots (`tphcm`), kind `abbreviation`.
 * - Codes: 1–3 upper-case ASCII letters, a dot or hyphen, then 1–4 digits (`U.23`, `U-23`, `F-16`,
 *   `Q.10`) become one word without the separator (`u23`, the token `U23` gives), unless more
 *   digits or word characters follow (`A.1.2`, `U-23a`).
 * - A token is `joined` to the previous one when only whitespace and at most one hyphen separate
 *   them (`Covid-19`, `Hà Nội`); any other punctuation breaks the pair.
 * @param text text already passed through `normalizeText` (offsets refer to it)
 * @returns the tokens in order
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, (t) => out.push(t));
  return out;
}
