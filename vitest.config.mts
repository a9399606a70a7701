import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Projects:
 * - `unit`: pure TypeScript (analyzer, engine, index format, build step) in Node.
 * - `worker` / `worker-sharded`: the same request-level tests (`test/`) inside workerd via
 *   @cloudflare/vitest-pool-workers, against the sample corpus built as one in-process shard and as
 *   three Durable Object shards (`npm test` builds both first). Results must agree.
 */
const workerProject = (name: string, assets: string, vars: Record<string, string>) => ({
  plugins: [cloudflareTest({
    wrangler: { configPath: './wrangler.toml' },
    miniflare: { assets: { directory: assets }, bindings: vars },
  })],
  test: { name, include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'index-build/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      workerProject('worker', './dist/test-assets/single', { SHARD_MODE: 'auto', EXPECTED_SHARDS: '1' }),
      workerProject('worker-sharded', './dist/test-assets/sharded', { SHARD_MODE: 'auto', EXPECTED_SHARDS: '3' }),
    ],
  },
});
