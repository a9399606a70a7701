/**
 * An article's fields as given by a JSON record (a JSON Lines corpus line, or the body of a write to
 * the live index), cleaned into the {@link StoredDocument} the index keeps: text normalized (NFC, Đ
 * variants, line endings), blank paragraphs dropped, one-line fields tidied, empty optional fields
 * left out. The build and the write API use this one function, so an article written live and the
 * same article folded into the next build are the same document.
 * @module
 */
import { cleanLine, cleanText, nonEmptyLines } from '../analyzer/clean-text.js';
import type { StoredDocument } from './document-store.js';
import { isIsoDate } from './iso-date.js';

/** The JSON fields of an article (all strings; `title` and `body` required by callers). */
export interface ArticleFields {
  title: string;
  body: string;
  lead?: string | null;
  date?: string | null;
  url?: string | null;
  category?: string | null;
  author?: string | null;
  kicker?: string | null;
  agency?: string | null;
}

/** Optional one-line fields. */
export const ONE_LINE_FIELDS = ['kicker', 'url', 'category', 'author', 'agency'] as const;

/** Result of {@link cleanArticleFields}. */
export type CleanedArticle =
  | { ok: true; doc: StoredDocument; /** The date was not ISO 8601 and was left out (`invalidDate: 'drop'`). */ droppedDate?: string }
  | { ok: false; field: 'title' | 'date'; message: string };

/**
 * Cleans an article's fields.
 * @param id the article id (already validated by the caller)
 * @param invalidDate what to do with a date that is not an ISO 8601 calendar date: `drop` it (corpus
 *   files keep the article) or `reject` the article (the write API says which field is wrong)
 */
export function cleanArticleFields(id: string, f: ArticleFields, invalidDate: 'drop' | 'reject'): CleanedArticle {
  const title = cleanLine(cleanText(f.title));
  if (title === '') return { ok: false, field: 'title', message: 'title is empty; give the article a headline' };
  const doc: StoredDocument = { id, title, body: nonEmptyLines(cleanText(f.body)).join('\n') };
  if (typeof f.lead === 'string') {
    const lead = nonEmptyLines(cleanText(f.lead)).join('\n');
    if (lead !== '') doc.lead = lead;
  }
  for (const field of ONE_LINE_FIELDS) {
    const v = f[field];
    if (typeof v === 'string') {
      const clean = cleanLine(cleanText(v));
      if (clean !== '') doc[field] = clean;
    }
  }
  if (typeof f.date === 'string' && f.date.trim() !== '') {
    const date = f.date.trim();
    if (isIsoDate(date)) doc.date = date;
    else if (invalidDate === 'reject') return { ok: false, field: 'date', message: `date ${JSON.stringify(f.date.slice(0, 40))} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)` };
    else return { ok: true, doc: storedFieldsOf(doc), droppedDate: f.date };
  }
  return { ok: true, doc: storedFieldsOf(doc) };
}

/**
 * The stored fields of an article (anything with them, e.g. the build's `Article`), empty optional
 * fields left out, in the one order the build and the live index store them (stored JSON is
 * compared byte for byte).
 */
export function storedFieldsOf(d: StoredDocument): StoredDocument {
  const out: StoredDocument = { id: d.id, title: d.title, body: d.body };
  if (d.kicker) out.kicker = d.kicker;
  if (d.lead) out.lead = d.lead;
  if (d.date) out.date = d.date;
  if (d.url) out.url = d.url;
  if (d.category) out.category = d.category;
  if (d.author) out.author = d.author;
  if (d.agency) out.agency = d.agency;
  return out;
}
