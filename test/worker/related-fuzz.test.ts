/**
 * Hostile requests to the related-articles routes: generated query strings, ids and JSON drafts
 * never produce a 5xx; errors are the documented `{ error: { code, message } }`; 200 bodies match
 * their schema.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index.js';
import { ArticleRelatedResponseSchema, DraftRelatedResponseSchema } from '../../src/routes/related.js';
import { anyQuery, hostileQuery, viWord } from '../support/arbitraries.js';
import { contractViolation, encodeComponent, queryString, WRONG_VALUES } from '../support/fuzz-http.js';

const GET_RUNS = 250;
const POST_RUNS = 250;
const RELATED_PARAMS = ['limit', 'from', 'to', 'category', 'recent', 'unknown', 'q'];
const IDS = ['sample-01-ha-noi-xay-dung-dang', '000_f07f3c570d94029a', 'sample-13-nfd-festival-hue-2016'];

const quietEnv = { ...(env as object), REQUEST_LOG: 'off' } as Parameters<typeof worker.fetch>[1];

async function check(req: Request, schema: Parameters<typeof contractViolation>[3]): Promise<string | null> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(req, quietEnv, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  const problem = contractViolation(res.status, res.headers.get('content-type'), text, schema);
  return problem && `${req.method} ${req.url.slice(0, 160)} → ${problem}`;
}

/** A draft field value: usually text, sometimes the wrong type. */
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: anyQuery },
  { weight: 2, arbitrary: fc.array(viWord, { maxLength: 400 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const draft = fc.record({
  title: fieldValue,
  kicker: fieldValue,
  lead: fieldValue,
  body: fieldValue,
  limit: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constantFrom(...WRONG_VALUES)),
  from: fc.constantFrom(...WRONG_VALUES),
  to: fc.constantFrom(...WRONG_VALUES),
  category: fc.oneof(fc.constantFrom(...WRONG_VALUES), fc.array(fc.string(), { maxLength: 3 })),
  recent: fc.oneof(fc.boolean(), fc.constantFrom(...WRONG_VALUES)),
}, { requiredKeys: [] });

describe('related routes under hostile input', { timeout: 180_000 }, () => {
  it(`GET /articles/:id/related: ${GET_RUNS} generated ids and query strings`, async () => {
    const id = fc.oneof(fc.constantFrom(...IDS), hostileQuery(4).filter((s) => s.length > 0));
    await fc.assert(fc.asyncProperty(id, queryString(RELATED_PARAMS), async (i, qs) => {
      expect(await check(new Request(`http://localhost/articles/${encodeComponent(i)}/related?${qs}`), ArticleRelatedResponseSchema)).toBeNull();
    }), { numRuns: GET_RUNS });
  });

  it(`POST /related: ${POST_RUNS} generated drafts (wrong types, hostile text, huge bodies)`, async () => {
    await fc.assert(fc.asyncProperty(draft, async (d) => {
      const req = new Request('http://localhost/related', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(d) });
      expect(await check(req, DraftRelatedResponseSchema)).toBeNull();
    }), { numRuns: POST_RUNS });
  });

  it('POST /related: bodies that are not a JSON object', async () => {
    for (const body of ['', 'null', '[]', '"x"', '42', '{', '{"title":', '\u0000', '{"title": "\ud800"}', JSON.stringify({ title: 'x'.repeat(2_000_000) })]) {
      expect(await check(new Request('http://localhost/related', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), DraftRelatedResponseSchema)).toBeNull();
    }
  });
});
