/**
 * Child process of {@link startLocalWorkerProcess}: starts the local Worker with
 * {@link startLocalWorker} and prints `{"url": …}` once it is ready; stops on SIGTERM/SIGINT.
 * Usage: `node --import tsx scripts/local-worker-child.ts '<LocalWorkerOptions as JSON>'`.
 * @module
 */
import { startLocalWorker, type LocalWorkerOptions } from './local-worker.js';

const options = JSON.parse(process.argv[2] ?? '{}') as LocalWorkerOptions;
const worker = await startLocalWorker(options);
console.log(JSON.stringify({ url: worker.url }));
const stop = async () => { await worker.stop(); process.exit(0); };
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
