/**
 * `POST /articles`: a batch of writes as JSON Lines (`application/x-ndjson`), one article (or
 * `{"op":"delete","id":…}`) per line, answered with one JSON result per line in the same order.
 * Valid lines are stored even when others are rejected; a rejected line says which field is wrong.
 * At most {@link WRITE_LIMITS.batchLines} lines and {@link WRITE_LIMITS.requestBytes} bytes.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import type { WriteResult } from '../engine/live/live-core.js';
import type { StoredDocument } from '../index-format/document-store.js';
import type { AppEnv } from '../http/app-env.js';
import { ErrorSchema, sendError } from '../http/errors.js';
import { liveStub } from '../worker/durable-live-client.js';
import { ArticleInputSchema, checkArticle, idProblem, WRITE_LIMITS } from './article-input.js';
import { writeErrorResponses, writeMiddleware } from './article-write.js';

/** Media types accepted for a batch. */
export const BATCH_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json-lines'];

const BatchLineSchema = ArticleInputSchema.extend({
  id: z.string().openapi({ description: 'Article id (required on every line).', example: 'metro-ha-noi-2024-08-08' }),
  op: z.enum(['put', 'delete']).optional().openapi({ description: '`delete` takes the article down (the line then needs only `id`); default `put`.' }),
}).partial({ title: true, body: true }).openapi('ArticleBatchLine');

const BatchResultSchema = z.object({
  line: z.number().int().openapi({ description: 'Line number in the request (1-based).' }),
  id: z.string().optional(),
  status: z.enum(['created', 'replaced', 'deleted', 'unchanged', 'not_found', 'rejected']),
  seq: z.number().int().optional(),
  error: z.object({ code: z.string(), field: z.string().optional(), message: z.string() }).optional(),
}).openapi('ArticleBatchResult');

/** OpenAPI definition of `POST /articles`. */
export const batchRoute = createRoute({
  method: 'post',
  path: '/articles',
  operationId: 'writeArticles',
  summary: 'Publish, correct or take down many articles',
  description: `JSON Lines: one article object with its \`id\` per line (or \`{"op":"delete","id":…}\`), at most ${WRITE_LIMITS.batchLines} lines and ${WRITE_LIMITS.requestBytes / 1048576} MB. Lines are applied in order; valid lines are stored even when others are rejected. The answer (JSON Lines) has one result per non-blank line, in order, sent once every stored line is durable.`,
  security: [{ bearer: [] }],
  middleware: writeMiddleware,
  request: { body: { required: false, content: { 'application/x-ndjson': { schema: BatchLineSchema } } } },
  responses: {
    200: { description: 'One result per line.', content: { 'application/x-ndjson': { schema: BatchResultSchema } } },
    ...writeErrorResponses,
    415: { description: 'The body is not JSON Lines (`Content-Type: application/x-ndjson`).', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

type BatchResult = z.infer<typeof BatchResultSchema>;
type Op = { line: number; id: string } & ({ op: 'put'; doc: StoredDocument } | { op: 'delete' });

/** Parses one line into a write, or the result that rejects it. */
function parseLine(text: string, line: number): Op | BatchResult {
  const reject = (code: string, message: string, field?: string, id?: string): BatchResult =>
    ({ line, ...(id !== undefined ? { id } : {}), status: 'rejected', error: { code, ...(field ? { field } : {}), message } });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return reject('invalid_json', `line ${line} is not JSON (${(e as Error).message}); each line must be one JSON object`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return reject('invalid_json', `line ${line} must be a JSON object`);
  const { id, op, ...fields } = value as Record<string, unknown>;
  if (typeof id !== 'string') return reject('invalid_field', typeof id === 'undefined' ? 'id is required on every line' : 'id must be a string', 'id');
  const idIssue = idProblem(id);
  if (idIssue) return reject('invalid_field', idIssue, 'id', id.slice(0, WRITE_LIMITS.idLength));
  if (op !== undefined && op !== 'put' && op !== 'delete') return reject('invalid_field', 'op must be "put" or "delete"', 'op', id);
  if (op === 'delete') {
    const extra = Object.keys(fields);
    return extra.length ? reject('invalid_field', `a delete line has only id and op (found ${extra.map((k) => JSON.stringify(k)).join(', ')})`, extra[0], id) : { line, id, op: 'delete' };
  }
  const checked = checkArticle(id, fields);
  return checked.ok ? { line, id, op: 'put', doc: checked.doc } : reject('invalid_field', checked.message, checked.field, id);
}

const resultOf = (line: number, r: WriteResult): BatchResult => {
  if (r.status === 'rejected') return { line, id: r.id, status: 'rejected', error: { code: r.code, message: r.message } };
  if (r.status === 'not_found') return { line, id: r.id, status: 'not_found' };
  return { line, id: r.id, status: r.status, seq: r.seq };
};

/** Handler of `POST /articles`. */
export const batchHandler: RouteHandler<typeof batchRoute, AppEnv> = async (c) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!BATCH_TYPES.includes(type)) {
    return sendError(c, 415, 'unsupported_media_type', `Send the batch as JSON Lines with Content-Type: application/x-ndjson (one article object per line), not ${type ? `"${type.slice(0, 60)}"` : 'without a Content-Type'}. One article: PUT /articles/{id} with application/json.`) as never;
  }
  const lines = (await c.req.text()).split('\n');
  const nonBlank = lines.reduce((n, l) => n + (l.trim() ? 1 : 0), 0);
  if (nonBlank === 0) return sendError(c, 400, 'empty_batch', 'The batch has no lines: send one JSON object per line.') as never;
  if (nonBlank > WRITE_LIMITS.batchLines) {
    return sendError(c, 413, 'batch_too_large', `The batch has ${nonBlank} lines; the limit is ${WRITE_LIMITS.batchLines}. Nothing was stored: split it into several requests.`) as never;
  }
  const results: BatchResult[] = [];
  const ops: Op[] = [];
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    const parsed = parseLine(text, i + 1);
    if ('status' in parsed) results.push(parsed);
    else ops.push(parsed);
  });
  // Consecutive writes of one kind go to the live index together, in order.
  const stub = liveStub(c.env.LIVE);
  const { base, preparer } = c.var.index.service;
  for (let i = 0; i < ops.length;) {
    let j = i;
    while (j < ops.length && ops[j].op === ops[i].op) j++;
    const group = ops.slice(i, j);
    const prepared = await preparer.prepare(group.map((o) => ({ id: o.id, doc: o.op === 'put' ? o.doc : null })));
    const written = ops[i].op === 'put'
      ? await stub.put(base, group.map((o, k) => ({ id: o.id, doc: (o as Op & { op: 'put' }).doc, prepared: prepared[k] })))
      : await stub.delete(base, group.map((o) => o.id), prepared);
    written.forEach((r, k) => results.push(resultOf(group[k].line, r)));
    i = j;
  }
  results.sort((a, b) => a.line - b.line);
  c.set('logFields', { written: ops.length, rejected: results.filter((r) => r.status === 'rejected').length });
  return c.body(results.map((r) => JSON.stringify(r)).join('\n') + '\n', 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' }) as never;
};
