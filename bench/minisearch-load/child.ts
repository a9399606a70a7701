/**
 * Child process of `npm run bench:minisearch-load` (one step per process, so each has its own heap):
 * - `--mode build --corpus <dir> --out <file>`: MiniSearch 7 with default options over `title` and
 *   `body` (lead + body) of every article, as the scale benchmark's baseline indexes it; serialized
 *   with `JSON.stringify` (what a build step would deploy) to `<file>`.
 * - `--mode load --file <file>`: what a Worker would do on a cold start: the serialized index as
 *   text (like `Response.text()`), then `MiniSearch.loadJSON`.
 * Prints one `@@RESULT` JSON line (bench/lib/node-child.ts).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { baomoiBody, loadBaomoi } from '../lib/baomoi.js';
import { emitResult } from '../lib/node-child.js';

const { values } = parseArgs({ options: { mode: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' } } });
const OPTIONS = { fields: ['title', 'body'] };
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
/** Live heap after a full collection (the process runs with --expose-gc). */
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

if (values.mode === 'build') {
  const before = heap();
  let docs: Array<{ id: string; title: string; body: string }> | null = loadBaomoi(values.corpus!).map((a) => ({ id: a.id, title: a.title, body: baomoiBody(a) }));
  const documents = docs.length;
  const t0 = performance.now();
  const mini = new MiniSearch<{ id: string; title: string; body: string }>(OPTIONS);
  mini.addAll(docs);
  const buildMs = performance.now() - t0;
  docs = null; // the index alone, as bench:scale measures it
  const heapMb = mb(heap() - before);
  const json = JSON.stringify(mini);
  writeFileSync(values.out!, json);
  emitResult({ documents, buildMs, heapMb, jsonMb: mb(Buffer.byteLength(json)) });
} else if (values.mode === 'load') {
  const baseRss = process.memoryUsage().rss;
  const text = readFileSync(values.file!, 'utf8');
  const before = heap();
  const t0 = performance.now();
  const mini = MiniSearch.loadJSON(text, OPTIONS);
  const loadMs = performance.now() - t0;
  const retainedMb = mb(heap() - before); // the text is still referenced, as a Worker's would be until the call returns
  // loadJSON is synchronous: the peak shows in the process's maximum resident set, not in samples.
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024 - baseRss);
  emitResult({ documents: mini.documentCount, loadMs, retainedMb, peakRssMb });
} else {
  throw new Error('--mode build|load');
}
