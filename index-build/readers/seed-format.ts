/**
 * Parser for the seed article format the product was specified from:
 *
 * ```text
 * 08/10/2011 - 08:15
 *
 * Các Thành ủy trực thuộc Trung ương:        ← optional kicker (ends in ':')
 *
 * Chú trọng công tác tổ chức xây dựng Đảng   ← title
 *
 * Ngày 7-10, tại Hà Nội đã diễn ra …         ← body paragraphs
 * …
 * THANH BÌNH (TTXVN)                         ← byline (upper case, optional agency)
 *
 * Chia sẻ bài viết                           ← footer boilerplate, dropped
 * ```
 *
 * @packageDocumentation
 */
import type { Article, Skip } from './article.js';
import { parseByline } from './byline.js';
import { isBoilerplateLine } from './boilerplate.js';
import { cleanText, nonEmptyLines, type ParseTextOptions } from '../../src/analyzer/clean-text.js';
import { SEED_DATE_LINE } from './detect-format.js';
import { isValidDateParts } from '../../src/index-format/iso-date.js';

/** How many of the last body lines are searched for the byline. */
const BYLINE_WINDOW = 3;
/** A kicker is a short lead-in; longer lines ending in ':' are treated as the title. */
const MAX_KICKER_CHARS = 200;

/**
 * Parses one seed-format article.
 *
 * - First non-empty line `dd/mm/yyyy - HH:MM` becomes `date` `yyyy-mm-ddTHH:MM` (Vietnam local time).
 * - Next line, if it ends in ':' and another line follows, is the `kicker` (stored without the ':').
 * - Next line is the `title`.
 * - Remaining non-empty lines are body paragraphs, joined with '\n' (blank-line or single-line separated).
 * - Trailing share/footer lines (`Chia sẻ bài viết`, …) are dropped.
 * - An upper-case byline among the last body lines (`THANH BÌNH (TTXVN)`) becomes `author` / `agency` and is
 *   removed from the body.
 *
 * The input is cleaned (line endings, `normalizeText`) unless `options.cleaned` says `decodeText` already did it,
 * so raw text may be passed.
 *
 * @param text - Decoded file text.
 * @param id - Article id (the file name without extension).
 * @param source - Relative path for messages.
 * @param options - `cleaned: true` skips the second normalization pass for text straight from `decodeText`.
 * @returns The article, or a Skip: 'empty', 'unparseable' (no or impossible date line) or 'no-title'.
 */
export function parseSeedArticle(text: string, id: string, source: string, options: ParseTextOptions = {}): Article | Skip {
  const lines = nonEmptyLines(options.cleaned ? text : cleanText(text));
  if (lines.length === 0) {
    return { source, reason: 'empty', detail: 'the file contains only whitespace; delete it or add the article text' };
  }

  const m = SEED_DATE_LINE.exec(lines[0]);
  if (!m) {
    return {
      source,
      reason: 'unparseable',
      detail: `first line ${quote(lines[0])} is not a "dd/mm/yyyy - HH:MM" date; seed-format files must start with one`,
    };
  }
  const [, d, mo, y, h, mi] = m;
  if (!isValidDateParts(+y, +mo, +d, +h, +mi)) {
    return {
      source,
      reason: 'unparseable',
      detail: `date line ${quote(lines[0])} is not a real date and time (expected dd/mm/yyyy - HH:MM); correct it`,
    };
  }
  const date = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}`;

  const rest = lines.slice(1);
  while (rest.length > 0 && isBoilerplateLine(rest[rest.length - 1])) rest.pop();
  if (rest.length === 0) {
    return {
      source,
      reason: 'no-title',
      detail: 'has a date line but no title; put the headline on a line after the date',
    };
  }

  let kicker: string | undefined;
  let next = 0;
  if (rest.length >= 2 && isKicker(rest[0])) {
    kicker = rest[0].slice(0, -1).trimEnd();
    next = 1;
  }
  const title = rest[next];
  const body = rest.slice(next + 1);

  let author: string | undefined;
  let agency: string | undefined;
  for (let i = body.length - 1; i >= Math.max(0, body.length - BYLINE_WINDOW); i--) {
    const byline = parseByline(body[i]);
    if (byline) {
      ({ author, agency } = byline);
      body.splice(i, 1);
      break;
    }
  }

  const article: Article = { id, title, body: body.join('\n'), date, source };
  if (kicker) article.kicker = kicker;
  if (author) article.author = author;
  if (agency) article.agency = agency;
  return article;
}

function isKicker(line: string): boolean {
  return line.length > 1 && line.length <= MAX_KICKER_CHARS && (line.endsWith(':') || line.endsWith('：'));
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

function quote(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}
