import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Projects:
 * - `unit`: pure TypeScript (analyzer, engine, index format, build step) in Node.
 * - `worker` / `worker-sharded`: the same request-level tests (`test/worker/`) inside workerd via
 *   @cloudflare/vitest-pool-workers, against the sample corpus built as one in-process shard and as
 *   three Durable Object shards (`npm test` builds both first). Results must agree.
 * - `worker-insights`: search insights (test/insights/) with an operator token and small caps.
 */
/** Secrets are off unless a project sets them, whatever a developer's .dev.vars holds (`npm run dev` writes one). */
const NO_SECRETS = { INGEST_TOKEN: '', INSIGHTS_TOKEN: '' };
const workerProject = (name: string, assets: string, vars: Record<string, string>, include = ['test/worker/**/*.test.ts'], miniflare: Record<string, unknown> = {}) => ({
  plugins: [cloudflareTest({
    wrangler: { configPath: './wrangler.toml' },
    miniflare: { assets: { directory: assets }, bindings: { ...NO_SECRETS, ...vars }, ...miniflare },
  })],
  test: { name, include, testTimeout: 30_000 },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'index-build/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'widget/**/*.test.ts', 'patches/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      workerProject('worker', './dist/test-assets/single', { SHARD_MODE: 'auto', EXPECTED_SHARDS: '1' }),
      workerProject('worker-sharded', './dist/test-assets/sharded', { SHARD_MODE: 'auto', EXPECTED_SHARDS: '3' }),
      // API parameters, filters and facets against a hand-checked 8-article fixture (2 shards).
      workerProject('worker-api', './dist/test-assets/api', { SHARD_MODE: 'auto' }, ['test/api/**/*.test.ts']),
      // Related articles: stories, exact and near copies, a repeated headline (hand-written fixture, 2 shards).
      workerProject('worker-related', './dist/test-assets/related', { SHARD_MODE: 'auto' }, ['test/related/**/*.test.ts']),
      // The live index (write API, change feed) with a write token, on the 3-shard sample index.
      workerProject('worker-live', './dist/test-assets/sharded', { SHARD_MODE: 'auto', INGEST_TOKEN: 'test-ingest-token', LIVE_MAX_CHANGES: '300' }, ['test/live/write-api.test.ts', 'test/live/recovery.test.ts', 'test/live/related.test.ts']),
      // A live index that holds at most 5 changes.
      workerProject('worker-live-capacity', './dist/test-assets/single', { INGEST_TOKEN: 'test-ingest-token', LIVE_MAX_CHANGES: '5' }, ['test/live/capacity.test.ts']),
      // A build that folded test/fixtures/live-journal.jsonl in, with the live index that wrote those changes.
      workerProject('worker-live-folded', './dist/test-assets/folded', { SHARD_MODE: 'auto', INGEST_TOKEN: 'test-ingest-token' }, ['test/live/fold-in.test.ts']),
      // Rate limiting switched on with a tiny budget.
      workerProject('worker-ratelimit', './dist/test-assets/single', { RATE_LIMIT: 'on' }, ['test/ratelimit/**/*.test.ts'], {
        ratelimits: { RATE_LIMITER: { simple: { limit: 3, period: 60 } } },
      }),
      // Search insights: recording, aggregation, operator auth, retention, hostile events (test/insights/).
      workerProject('worker-insights', './dist/test-assets/single', {
        INSIGHTS_TOKEN: 'test-insights-token-0123456789', INSIGHTS_MAX_QUERIES_PER_DAY: '25', INSIGHTS_RETENTION_DAYS: '30', REQUEST_LOG: 'off',
      }, ['test/insights/**/*.test.ts'], { ratelimits: { EVENTS_RATE_LIMITER: { simple: { limit: 5, period: 60 } } } }),
      // Broken copies of the single index (scripts/broken-fixtures.mjs): every route answers 503 with what to rebuild.
      ...([['analyzer', 'analyzer_version_mismatch', 'auto'], ['format', 'format_version_mismatch', 'auto'], ['missing-shard', 'index_corrupt', 'durable-objects'], ['corrupt-shard', 'index_corrupt', 'auto']] as const)
        .map(([kind, code, mode]) => workerProject(`broken-${kind}`, `./dist/test-assets/broken-${kind}`, { SHARD_MODE: mode, EXPECT_ERROR_CODE: code }, ['test/broken/**/*.test.ts'])),
      // The <vn-search> widget and the demo page in headless Chromium against `wrangler dev` (test/browser/global-setup.ts).
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
