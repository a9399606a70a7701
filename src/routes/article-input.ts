/**
 * Schemas and limits of the write API: an article as JSON, an article id, and what a write answers.
 * The same checks serve `PUT /articles/:id` and every line of `POST /articles`, and their messages
 * name the field that is wrong.
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { StoredDocument } from '../index-format/document-store.js';
import { cleanArticleFields } from '../index-format/article-fields.js';

/** Limits of the write API. */
export const WRITE_LIMITS = {
  /** Longest article id, in characters. */
  idLength: 512,
  /** Longest headline (and other one-line field), in characters. */
  lineLength: 2000,
  /** Most UTF-8 bytes of an article's text (title, kicker, lead and body together). */
  articleBytes: 512 * 1024,
  /** Most bytes of one request body (`PUT` and `POST`). */
  requestBytes: 5 * 1024 * 1024,
  /** Most lines (articles) of one batch. */
  batchLines: 1000,
} as const;

/** A string field's type error: missing (`is required`) or of another JSON type (`must be a string`). */
const stringError = (name: string, hint = '') => (issue: { input?: unknown }) => (issue.input === undefined ? `${name} is required` : `${name} must be a string${hint}`);
const line = (name: string) => z.string({ error: stringError(name) }).max(WRITE_LIMITS.lineLength, { error: `${name} is longer than ${WRITE_LIMITS.lineLength} characters` });
const optionalLine = (name: string) => line(name).nullable().optional();

/** An article's JSON fields (the id comes from the path, or from `id` in a batch line). */
export const ArticleInputSchema = z.strictObject({
  title: line('title').openapi({ description: 'Headline (required, not blank).', example: 'Hà Nội khai trương tuyến metro mới' }),
  body: z.string({ error: stringError('body', ' (use "" for an article without body text)') }).openapi({ description: 'Body text, paragraphs separated by line breaks (required; may be "").', example: 'Tuyến metro Nhổn – ga Hà Nội chính thức vận hành.' }),
  lead: z.string({ error: 'lead must be a string' }).nullable().optional().openapi({ description: 'Lead paragraph (sapo).' }),
  date: optionalLine('date').openapi({ description: 'ISO 8601 date or date-time, Vietnam local time.', example: '2024-08-08T09:30' }),
  url: optionalLine('url').openapi({ example: 'https://example.vn/metro-ha-noi.html' }),
  category: optionalLine('category').openapi({ example: 'giao-thong' }),
  author: optionalLine('author'),
  kicker: optionalLine('kicker').openapi({ description: 'Line above the headline that belongs to it.' }),
  agency: optionalLine('agency').openapi({ description: 'News agency credited, e.g. TTXVN.' }),
}, { error: (issue) => (issue.code === 'invalid_type' ? 'the article must be a JSON object with at least title and body' : issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; an article has title, body, lead, date, url, category, author, kicker, agency` : undefined) })
  .openapi('ArticleInput');

/** The fields of an article write. */
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/** What is wrong with an id, or null when it can be used. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return 'id is empty';
  if (id.length > WRITE_LIMITS.idLength) return `id is longer than ${WRITE_LIMITS.idLength} characters`;
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'id contains control characters';
  if (id !== id.trim()) return 'id starts or ends with white space';
  if (id !== id.normalize('NFC')) return 'id is not in Unicode NFC form (compose its accents)';
  return null;
}

/** An article write checked and cleaned, or which field is wrong (the message without a final period: callers add one). */
export type CheckedArticle = { ok: true; doc: StoredDocument } | { ok: false; field: string; message: string };

/** Cleans schema-valid fields into the stored document of id `id`, checking what the schema cannot. */
export function finishArticle(id: string, input: ArticleInput): CheckedArticle {
  const idIssue = idProblem(id);
  if (idIssue) return { ok: false, field: 'id', message: idIssue };
  const cleaned = cleanArticleFields(id, input, 'reject');
  if (!cleaned.ok) return { ok: false, field: cleaned.field, message: cleaned.message };
  const d = cleaned.doc;
  const encoder = new TextEncoder();
  const bytes = [d.title, d.kicker, d.lead, d.body].reduce((n, t) => n + (t ? encoder.encode(t).length : 0), 0);
  if (bytes > WRITE_LIMITS.articleBytes) {
    return { ok: false, field: 'body', message: `the article's text is ${Math.round(bytes / 1024)} KiB; the limit is ${WRITE_LIMITS.articleBytes / 1024} KiB. Split it into several articles` };
  }
  return { ok: true, doc: d };
}

/** Validates an article's JSON (any value) for id `id` and cleans it (batch lines). */
export function checkArticle(id: string, value: unknown): CheckedArticle {
  const parsed = ArticleInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.map(String).join('.') : issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : 'article';
    const message = issue.code === 'invalid_type' && issue.path.length === 0
      ? 'the article must be a JSON object with at least title and body'
      : issue.code === 'invalid_type' && issue.input === undefined ? `${field} is required` : issue.message;
    return { ok: false, field, message };
  }
  return finishArticle(id, parsed.data);
}

/** Answer of a write of one article. */
export const WriteResultSchema = z.object({
  id: z.string(),
  status: z.enum(['created', 'replaced', 'deleted', 'unchanged']).openapi({ description: 'created: a new article; replaced: a new version of a built or live article; deleted: taken down; unchanged: the same write was already acknowledged (writes are idempotent).' }),
  seq: z.number().int().openapi({ description: 'Sequence number of the acknowledged change (for `unchanged`, of the earlier one). Searches reflect it as soon as this answer is sent.' }),
}).openapi('WriteResult');
