/**
 * Worker-thread entry: reads the baomoi corpus (`workerData.dir`) and posts the exact-benchmark
 * containment masks (one byte per article, file-name order) — see `exact.ts`.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBaomoi } from '../lib/baomoi.js';
import { containmentMasks } from './exact.js';

const articles = loadBaomoi((workerData as { dir: string }).dir);
const masks = containmentMasks(articles.map((a) => `${a.title}\n${a.lead}\n${a.body}`));
parentPort!.postMessage(masks, [masks.buffer as ArrayBuffer]);
