/**
 * Parser for JSON Lines corpora (`.jsonl` / `.ndjson`): one article object per line.
 *
 * ```json
 * {"id": "news_001", "title": "…", "lead": "…", "body": "para 1\npara 2", "date": "2020-10-01",
 *  "url": "https://…", "category": "kinh-doanh", "author": "…"}
 * ```
 *
 * @packageDocumentation
 */
import type { Article, Note, Skip } from './article.js';
import { cleanLine, cleanText } from '../../src/analyzer/clean-text.js';
import { cleanArticleFields, ONE_LINE_FIELDS, type ArticleFields } from '../../src/index-format/article-fields.js';

/** Result of {@link parseJsonLines}. */
export interface JsonLinesResult {
  /** Valid records, in line order. Duplicate ids are NOT removed here (see `readCorpus`). */
  articles: Article[];
  /** Records that could not be used, one per offending line. */
  skipped: Skip[];
  /** Non-fatal problems, e.g. an invalid date that was dropped. */
  notes: Note[];
}

/** Optional one-line string fields copied to the article when present (null counts as absent). */
const OPTIONAL_FIELDS = ONE_LINE_FIELDS;

/**
 * Parses JSON Lines text. Each non-blank line must be one JSON object with:
 * - `id`: non-empty string, or a number (converted to a string);
 * - `title`: non-empty string (missing or blank → Skip 'no-title');
 * - `body`: string, paragraphs separated by '\n' ('' allowed);
 * - optional strings `lead`, `date`, `url`, `category`, `author`, `agency`, `kicker` (null = absent).
 *
 * `date` is kept as given when it is ISO 8601 ('YYYY-MM-DD' or a full date-time); otherwise the article is
 * kept without a date and a Note is added. Malformed JSON, a missing id or a field of the wrong type gives
 * Skip 'unparseable' naming the line. Unknown fields are ignored. Every text field is cleaned with
 * `normalizeText`, so `\u`-escaped decomposed text also comes out NFC.
 *
 * @param text - Decoded file text.
 * @param source - Relative file path; each article's `source` is `<source>:<line>` (1-based).
 * @returns Articles, skipped lines and notes.
 */
export function parseJsonLines(text: string, source: string): JsonLinesResult {
  const result: JsonLinesResult = { articles: [], skipped: [], notes: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const lineNo = i + 1;
    const at = `${source}:${lineNo}`;
    const parsed = parseRecord(raw, lineNo, at);
    if ('reason' in parsed) result.skipped.push(parsed);
    else {
      result.articles.push(parsed.article);
      if (parsed.note) result.notes.push(parsed.note);
    }
  }
  return result;
}

function parseRecord(raw: string, lineNo: number, at: string): { article: Article; note?: Note } | Skip {
  const bad = (detail: string): Skip => ({ source: at, reason: 'unparseable', detail: `line ${lineNo}: ${detail}` });

  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return bad(`${(err as Error).message} — each line must be one JSON object`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return bad(`expected a JSON object, got ${describe(value)} — each line must be one JSON object`);
  }
  const record = value as Record<string, unknown>;

  let id: string;
  if (typeof record.id === 'number' && Number.isFinite(record.id)) id = String(record.id);
  else if (typeof record.id === 'string' && cleanLine(cleanText(record.id)) !== '') id = cleanLine(cleanText(record.id));
  else if (record.id === undefined || record.id === null || typeof record.id === 'string') {
    return bad(`missing "id"; every object needs a non-empty string or number "id" (fields found: ${fieldList(record)})`);
  } else return bad(`field "id" must be a string or number, got ${describe(record.id)}`);

  for (const field of ['title', 'body', 'lead', 'date', ...OPTIONAL_FIELDS]) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      return bad(`field "${field}" must be a string, got ${describe(v)} (id ${JSON.stringify(id)})`);
    }
  }
  if (typeof record.body !== 'string') {
    return bad(`missing "body" for id ${JSON.stringify(id)}; use "" for an article without body text (fields found: ${fieldList(record)})`);
  }

  const cleaned = cleanArticleFields(id, { ...record, title: typeof record.title === 'string' ? record.title : '', body: record.body } as ArticleFields, 'drop');
  if (!cleaned.ok) {
    return { source: at, reason: 'no-title', detail: `line ${lineNo}: id ${JSON.stringify(id)} has no "title"; add a non-empty headline` };
  }
  const { id: _id, ...fields } = cleaned.doc;
  const article: Article = { id, ...fields, source: at };
  if (cleaned.droppedDate !== undefined) {
    const note: Note = {
      source: at,
      detail: `line ${lineNo}: date ${JSON.stringify(cleaned.droppedDate)} is not ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM); article kept without a date`,
    };
    return { article, note };
  }
  return { article };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function fieldList(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  return keys.length === 0 ? 'none' : keys.join(', ');
}
