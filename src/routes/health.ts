/**
 * `GET /health`: whether the index is loaded, and its manifest.
 * @module
 */
import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { ANALYZER_VERSION } from '../analyzer/version.js';
import type { CopyStatus } from '../engine/artifact-store.js';
import { errorResponses } from '../http/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { INDEX_FORMAT_VERSION } from '../index-format/manifest.js';
import { liveStub } from '../worker/durable-live-client.js';
import type { IndexRuntime } from '../worker/index-runtime.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  documents: z.number().int(),
  shards: z.number().int(),
  mode: z.enum(['in-process', 'durable-objects']),
  code: z.object({ formatVersion: z.number(), analyzerVersion: z.string() }),
  manifest: z.object({
    formatVersion: z.number(),
    analyzerVersion: z.string(),
    source: z.string(),
    documentCount: z.number(),
    contentHash: z.string(),
    categories: z.array(z.string()),
    dateRange: z.object({ from: z.string(), to: z.string() }).optional(),
    shards: z.array(z.object({ shard: z.number(), documentCount: z.number(), postingsBytes: z.number(), documentsBytes: z.number() })),
    live: z.object({ seq: z.number().int() }).optional().openapi({ description: 'Live changes folded into this build (through sequence number seq).' }),
  }),
  live: z.object({
    seq: z.number().int().openapi({ description: 'Sequence number of the last acknowledged write.' }),
    changes: z.number().int().openapi({ description: 'Changes served on top of the build (not yet folded in).' }),
    articles: z.number().int(),
    deletes: z.number().int(),
    suppressed: z.number().int().openapi({ description: 'Built articles taken down or replaced.' }),
    segments: z.number().int(),
    merging: z.boolean().openapi({ description: 'A background merge of segments is running.' }),
    bytes: z.number().int(),
    capacity: z.object({ changes: z.number().int(), bytes: z.number().int() }),
  }).optional().openapi({ description: 'The live index (articles written through the API since the build).' }),
  copies: z.array(z.object({ shard: z.number().int(), files: z.number().int(), of: z.number().int(), bytes: z.number().int() })).optional()
    .openapi({ description: "Each shard object's copy of its files in its own storage (files stored of the shard's files), from which it starts after an eviction; Durable Object shards only (SHARD_COPY)." }),
}).openapi('Health');

/** OpenAPI definition of the route. */
export const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Index status',
  security: [],
  description: 'The loaded index manifest and document count; 503 with what to rebuild when the index cannot be served.',
  responses: {
    200: { description: 'The index is loaded and compatible with this code.', content: { 'application/json': { schema: HealthSchema } } },
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

/**
 * Loads every shard wherever it is served (in this isolate or its Durable Object), which verifies its
 * files' sizes and SHA-256: a missing or corrupt shard makes `/health` fail (503) like a search would.
 * The handler also loads the score bounds and verifies the id directory, which requests do not wait
 * for (a corrupt file fails it too).
 * A shard in a Durable Object answers how far its copy is; elsewhere looking up an id no article has
 * is the cheapest call that needs the shard loaded. Returns the copies (null without Durable Objects).
 */
async function verifyShards(rt: IndexRuntime): Promise<CopyStatus[] | null> {
  const copies = await Promise.all(rt.service.shards.map(async (s) => {
    if (s.copyStatus) return s.copyStatus();
    await s.article('');
    return null;
  }));
  return copies.every((c) => c !== null) ? copies as CopyStatus[] : null;
}

/** Handler of the route. */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rt = c.var.index;
  const [copies] = await Promise.all([verifyShards(rt), rt.scoreBounds(), rt.idDirectory()]);
  const m = rt.manifest;
  const live = c.env.LIVE ? await liveStub(c.env.LIVE).stats(rt.service.base) : null;
  c.header('Cache-Control', 'no-store');
  return c.json({
    status: 'ok' as const,
    documents: m.documentCount,
    shards: m.shards.length,
    mode: rt.mode,
    code: { formatVersion: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION },
    manifest: {
      formatVersion: m.formatVersion,
      analyzerVersion: m.analyzerVersion,
      source: m.source,
      documentCount: m.documentCount,
      contentHash: m.contentHash,
      categories: m.categories,
      ...(m.dateRange ? { dateRange: m.dateRange } : {}),
      shards: m.shards.map((s) => ({ shard: s.shard, documentCount: s.documentCount, postingsBytes: s.files.postingsBytes, documentsBytes: s.files.documentsBytes })),
      ...(m.live ? { live: m.live } : {}),
    },
    ...(live ? {
      live: {
        seq: live.seq, changes: live.changes, articles: live.articles, deletes: live.deletes, suppressed: live.suppressed,
        segments: live.segments, merging: live.merging, bytes: live.bytes, capacity: { changes: live.limits.maxChanges, bytes: live.limits.maxBytes },
      },
    } : {}),
    ...(copies ? { copies: copies.map((c, shard) => ({ shard, ...c })) } : {}),
  }, 200);
};

