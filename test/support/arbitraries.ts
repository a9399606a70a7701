/**
 * fast-check generators of hostile query text and query parameters, shared by the unit property
 * tests (analyzer, planner) and the request-level fuzz tests in workerd. Pure: no Node or Workers APIs.
 * @module
 */
import fc from 'fast-check';

/** Common Vietnamese syllables (accented) for realistic-looking pieces. */
export const SYLLABLES = (
  'hà nội đà nẵng việt nam người thủy hòa quốc giữa chính phủ ủy ban nhân dân thành phố hồ chí minh ' +
  'đảng cộng sản bóng đá tiếng anh luật điện thoại trường học sinh viên bộ trưởng kinh tế giá vàng'
).split(' ');

/** One UTF-16 code unit, any of 65,536 (so lone surrogates appear). */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A C0/C1 control character or DEL. */
export const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));

/** A combining mark (generic and the five Vietnamese tones). */
export const combiningMark = fc.oneof(
  fc.integer({ min: 0x0300, max: 0x036f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0301', '\u0300', '\u0309', '\u0303', '\u0323', '\u20d0', '\u1dc0'),
);

/** A base letter followed by up to 40 combining marks (a "Zalgo" storm). */
export const markStorm = fc.tuple(fc.constantFrom('a', 'e', 'o', 'u', 'y', 'd', 'đ', 'ư', 'x', '1', ' '), fc.array(combiningMark, { minLength: 4, maxLength: 40 }))
  .map(([base, marks]) => base + marks.join(''));

/** Query-language operators in odd combinations. */
export const operators = fc.constantFrom('"', '"""', '-', '---', '- "', '-"', '"-', '““', '”', '„', ' - ', '--"', '"-"', '-""-', '\\', '*', '+', '&', '|', '%', '()', '[]');

/** Vietnamese syllables: accented, unaccented, upper-cased, Telex/VNI-ish. */
export const viWord = fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom('as-is', 'folded', 'upper', 'nfd', 'telex'))
  .map(([s, how]) => {
    switch (how) {
      case 'folded': return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
      case 'upper': return s.toUpperCase();
      case 'nfd': return s.normalize('NFD');
      case 'telex': return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'dd') + 'fsrxj'[s.length % 5];
      default: return s;
    }
  });

/** HTML / script fragments. */
export const htmlPiece = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</mark>', '<mark>', '"><svg onload=alert(1)>', '&lt;', '&amp;', "'", '`');

/** One piece of a hostile query. */
export const queryPiece = fc.oneof(
  { weight: 4, arbitrary: viWord },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, maxLength: 4 }) },
  { weight: 1, arbitrary: markStorm },
  { weight: 2, arbitrary: operators },
  { weight: 1, arbitrary: htmlPiece },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,10}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{1,4}[/.-]\d{1,4}([/.-]\d{1,4})?$/) },
);

/** A query of up to `maxPieces` hostile pieces joined by random separators. */
export const hostileQuery = (maxPieces = 12) =>
  fc.array(fc.tuple(queryPiece, fc.constantFrom(' ', '', '  ', '\t', '-', ',', '.', '\n')), { maxLength: maxPieces })
    .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

/** Very long inputs: 10,000 characters, 500+ terms, long repeated operators, huge words. */
export const longQuery = fc.oneof(
  fc.constantFrom(
    'a'.repeat(10_000),
    'ha noi '.repeat(600),
    Array.from({ length: 600 }, (_, i) => `w${i}`).join(' '),
    '"'.repeat(5000),
    '- '.repeat(3000),
    '-"'.repeat(2000),
    'á'.normalize('NFD').repeat(3000),
    'a' + '\u0301'.repeat(9999),
    '\ud800'.repeat(5000),
    '\udc00\ud800'.repeat(2500),
  ),
  fc.tuple(fc.constantFrom(...SYLLABLES), fc.integer({ min: 500, max: 1500 })).map(([s, n]) => `${s} `.repeat(n)),
  fc.string({ unit: 'binary', minLength: 2000, maxLength: 10_000 }),
);

/** Any query text: mostly short hostile queries, sometimes very long. */
export const anyQuery = fc.oneof({ weight: 8, arbitrary: hostileQuery() }, { weight: 1, arbitrary: longQuery });
