/**
 * People's names for the synthetic archive. A real archive keeps meeting new people: every year
 * brings new officials, athletes, victims and witnesses, so the number of distinct names grows with
 * the archive instead of saturating. The generator therefore replaces the names of people in each
 * derived article with newly drawn ones (family name + middle name(s) + given name, drawn from the
 * frequencies seen in the source corpus), except the newsmakers the source mentions again and again
 * (kept, as a real archive keeps mentioning them).
 * @module
 */
import type { Random } from '../../lib/prng.js';

/** Vietnamese family names with their approximate population shares (percent). */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Hoàng', 3.1], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2],
  ['Võ', 1.9], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.6], ['Trương', 0.6], ['Lâm', 0.4], ['Mai', 0.4], ['Đoàn', 0.4], ['Trịnh', 0.4], ['Cao', 0.3], ['Tạ', 0.2],
  ['Hà', 0.3], ['Lương', 0.3], ['Tô', 0.2], ['Chu', 0.2], ['Lưu', 0.2], ['Kiều', 0.1], ['Thái', 0.2], ['Quách', 0.1],
];

/** Common middle names with rough weights. */
export const MIDDLE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Văn', 20], ['Thị', 20], ['Đức', 5], ['Minh', 6], ['Hữu', 4], ['Quang', 4], ['Ngọc', 5], ['Thanh', 6], ['Xuân', 3],
  ['Hồng', 3], ['Kim', 2], ['Thu', 2], ['Anh', 2], ['Công', 2], ['Duy', 2], ['Tuấn', 2], ['Mạnh', 1], ['Bảo', 2],
  ['Phương', 2], ['Thành', 2], ['Tiến', 1], ['Hải', 2], ['Trọng', 1], ['Đình', 2], ['Việt', 1], ['Khánh', 1], ['Gia', 1],
];

/**
 * Titles that introduce a person's given name alone (`ông Hùng`, `chị Lan`). Lower-case only: a
 * capitalized `Bà` or `Cô` starts place names as often as people (`Bà Rịa`, `Cô Tô`).
 */
const TITLES = ['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cụ', 'thầy', 'cô', 'HLV', 'bác sĩ'];

const UPPER = '\\p{Lu}';
const WORD = `${UPPER}[\\p{Ll}\\p{M}]*`;
const FAMILY_SET = new Set(FAMILY_NAMES.map(([f]) => f));
const familyAlternatives = FAMILY_NAMES.map(([f]) => f).join('|');
/** A full name: family name + 1–3 more capitalized syllables. */
const FULL_NAME = new RegExp(`(?:${familyAlternatives})(?:\\s+${WORD}){1,3}(?![\\p{L}\\p{N}])`, 'gu');
/** A title followed by a given name of one or two capitalized syllables. */
const TITLED_NAME = new RegExp(`(${TITLES.join('|')}) (${WORD}(?: ${WORD})?)(?![\\p{L}\\p{N}])`, 'gu');
/** Letters and digits: a match preceded by one starts inside a word (regexes check this in code: a look-behind at every position is slow). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const startsWord = (text: string, offset: number) => offset === 0 || !WORD_CHAR.test(text[offset - 1]);

/** Weighted choice over `[value, weight]` pairs (cumulative table computed once). */
export class WeightedPicker<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = entries.map(([v]) => v);
    this.cumulative = new Float64Array(entries.length);
    let acc = 0;
    entries.forEach(([, w], i) => { acc += w; this.cumulative[i] = acc; });
  }

  /** One value, drawn with probability proportional to its weight. */
  pick(rand: Random): T {
    const r = rand() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo];
  }
}

/** Full names and titled given names found in a text. */
export function findNames(text: string): { full: string[]; given: string[] } {
  const full = [...text.matchAll(FULL_NAME)].filter((m) => startsWord(text, m.index)).map((m) => m[0].replace(/\s+/g, ' '));
  const given = [...text.matchAll(TITLED_NAME)].filter((m) => startsWord(text, m.index)).map((m) => m[2]);
  return { full, given };
}

/** Full names in a text (see {@link findNames}). */
export function findFullNames(text: string): string[] {
  return [...text.matchAll(FULL_NAME)].filter((m) => startsWord(text, m.index)).map((m) => m[0].replace(/\s+/g, ' '));
}

/** What the name model learns from the source corpus. */
export interface NameModel {
  /** Given-name syllables with their counts in the source's full names. */
  givenNames: WeightedPicker<string>;
  /** Full names mentioned in at least `keepMinDocs` source articles: kept as they are. */
  newsmakers: Set<string>;
  family: WeightedPicker<string>;
  middle: WeightedPicker<string>;
}

/**
 * Learns given-name syllables and newsmakers from source texts.
 * @param texts one text per source article
 * @param keepMinDocs a full name in at least this many articles is a newsmaker and is never replaced
 */
export function learnNames(texts: Iterable<string>, keepMinDocs = 25): NameModel {
  const given = new Map<string, number>();
  const docsOf = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const name of findFullNames(text)) {
      const parts = name.split(' ');
      // Given names only from names of 3+ syllables: two-syllable matches are often places (Hà Nội, Thái Bình).
      if (parts.length >= 3) given.set(parts[parts.length - 1], (given.get(parts[parts.length - 1]) ?? 0) + 1);
      seen.add(name);
    }
    for (const n of seen) docsOf.set(n, (docsOf.get(n) ?? 0) + 1);
  }
  const newsmakers = new Set([...docsOf].filter(([, n]) => n >= keepMinDocs).map(([name]) => name));
  // Sorted so the picker (and every draw) does not depend on Map insertion order.
  const givenEntries = [...given].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { givenNames: new WeightedPicker(givenEntries), newsmakers, family: new WeightedPicker(FAMILY_NAMES), middle: new WeightedPicker(MIDDLE_NAMES) };
}

/** A freshly drawn name with `syllables` syllables (2–4): family, middle name(s), given name. */
export function drawName(model: NameModel, rand: Random, syllables: number): string {
  const parts = [model.family.pick(rand)];
  for (let i = 2; i < syllables; i++) parts.push(model.middle.pick(rand));
  parts.push(model.givenNames.pick(rand));
  return parts.join(' ');
}

/**
 * Replaces the people of one article with new ones, consistently: the same source name always
 * becomes the same new name within the article, and `ông <given>` follows its full name.
 * @param texts the article's fields (title, lead, body), replaced together
 * @param model the learned name model
 * @param rand the article's random source
 * @returns the fields with names replaced, and how many distinct names were replaced
 */
export function replaceNames(texts: readonly string[], model: NameModel, rand: Random): { texts: string[]; replaced: number } {
  const mapping = new Map<string, string>();
  const givenMapping = new Map<string, string>();
  const full = (name: string, offset: number, text: string) => {
    if (!startsWord(text, offset)) return name;
    const clean = name.replace(/\s+/g, ' ');
    if (model.newsmakers.has(clean)) return name;
    let to = mapping.get(clean);
    if (!to) {
      const parts = clean.split(' ');
      to = drawName(model, rand, Math.min(4, Math.max(2, parts.length)));
      mapping.set(clean, to);
      const toParts = to.split(' ');
      givenMapping.set(parts[parts.length - 1], toParts[toParts.length - 1]);
      if (parts.length >= 3) givenMapping.set(parts.slice(-2).join(' '), toParts.slice(-2).join(' '));
    }
    return to;
  };
  const out = texts.map((t) => t.replace(FULL_NAME, full));
  const result = out.map((t) => t.replace(TITLED_NAME, (m, title: string, given: string, offset: number) => {
    // `ông Nguyễn Văn A` is a full name (already replaced above), not a given name.
    if (!startsWord(t, offset) || FAMILY_SET.has(given.split(' ')[0])) return m;
    const clean = given;
    let to = givenMapping.get(clean);
    if (!to) {
      to = clean.split(' ').length === 2 ? `${model.middle.pick(rand)} ${model.givenNames.pick(rand)}` : model.givenNames.pick(rand);
      givenMapping.set(clean, to);
    }
    return `${title} ${to}`;
  }));
  return { texts: result, replaced: mapping.size };
}
