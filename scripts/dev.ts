/**
 * `npm run dev`: serves the last built index (see scripts/ensure-index.ts) on http://localhost:8787.
 * Options: --port <n>, --assets <dir>. The insights page's token is INSIGHTS_TOKEN in .dev.vars (added
 * on the first run).
 * @module
 */
import { parseArgs } from 'node:util';
import { ensureDevInsightsToken } from './dev-insights-token.js';
import { startLocalWorker } from './local-worker.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' }, assets: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
const insights = ensureDevInsightsToken();
const server = await startLocalWorker({ port: Number(values.port), host: values.host, assets: values.assets, watch: true, vars: { INSIGHTS_TOKEN: insights.token }, readyWhen: 'started' });
console.log(`\nVietnamese search is running at ${server.url}\n  demo:     ${server.url}/\n  search:   ${server.url}/search?q=ha+noi\n  docs:     ${server.url}/docs\n  insights: ${server.url}/insights (token: INSIGHTS_TOKEN in .dev.vars${insights.created ? ', just created' : ''})\nPress Ctrl+C to stop.`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
