/**
 * Child process of `npm run bench:load`: serves an assets folder with wrangler's programmatic
 * `wrangler dev` (see {@link startDevWorker}) and prints `{"url": …}` once `/health` answers 200.
 * Runs apart from the load generator so neither one's event loop can stall the other.
 * Usage: `node --import tsx bench/load/serve.ts <assets> <persist-dir> [KEY=value …]`; stops on SIGTERM.
 * @module
 */
import { startDevWorker } from './wrangler-dev.js';

const [assets, persistTo, ...pairs] = process.argv.slice(2);
const vars = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
const server = await startDevWorker({ assets, persistTo, vars });
console.log(JSON.stringify({ url: server.url }));
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
