/**
 * The build's analysis pass, optionally spread over worker threads: the corpus is cut into
 * consecutive runs, the main thread analyzes the first and each worker one of the others with its
 * own collector; the workers' statistics are then merged into the main collector and their
 * documents' term ids renumbered. Term ids differ from a one-thread pass, but every artifact orders
 * terms by their bytes, so the output is byte-identical (`build-determinism.test.ts`).
 * @module
 */
import { Worker } from 'node:worker_threads';
import { storedFieldsOf } from '../src/index-format/article-fields.js';
import { TermCollector, type CollectorSnapshot, type DocTerms } from '../src/index-format/term-collector.js';
import type { Article } from './readers/article.js';
import { unpackBatch, type AnalyzedBatch } from './analyzed-batch.js';

/** Below this many articles per thread, threads cost more than they save. */
export const MIN_ARTICLES_PER_THREAD = 4000;

/** The analysis of a corpus: collection statistics, and per article its terms and stored record. */
export interface Analysis {
  collector: TermCollector;
  docs: DocTerms[];
  records: Uint8Array[];
  /** Threads that analyzed (main included). */
  threads: number;
}

/**
 * The module that registers tsx's loader. The build runs under tsx (`npm run build:index`), whose
 * loader a worker thread does not inherit, so each worker registers it first; `null` where it cannot
 * be resolved (then the pass runs on one thread).
 */
function tsxApi(): string | null {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

/** A worker running `analyze-worker.ts` over `articles`. */
function startWorker(api: string, articles: Array<Article | null>): Worker {
  const script = new URL('./analyze-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, { eval: true, workerData: { articles } });
}

/**
 * Analyzes every article; each slot of `articles` is emptied once the article is analyzed (its text
 * then lives on only as its stored record, outside the JavaScript heap).
 * @param threads threads to use (main included); fewer when the corpus is small
 * @param onProgress articles analyzed so far, and in all
 * @param minPerThread fewest articles worth a thread (default {@link MIN_ARTICLES_PER_THREAD})
 */
export async function analyzeArticles(articles: Array<Article | null>, threads: number, onProgress: (done: number, total: number) => void, minPerThread = MIN_ARTICLES_PER_THREAD): Promise<Analysis> {
  const n = articles.length;
  const api = threads > 1 ? tsxApi() : null;
  const parts = api ? Math.max(1, Math.min(Math.floor(threads), Math.floor(n / minPerThread))) : 1;
  const bounds = Array.from({ length: parts + 1 }, (_, p) => Math.round((n * p) / parts));
  const docs: DocTerms[] = new Array(n);
  const records: Uint8Array[] = new Array(n);
  const collector = new TermCollector();
  const encoder = new TextEncoder();

  const workers: Array<{ from: number; batches: AnalyzedBatch[]; done: number; result: Promise<CollectorSnapshot> }> = [];
  for (let p = 1; p < parts; p++) {
    const worker = startWorker(api!, articles.slice(bounds[p], bounds[p + 1]));
    articles.fill(null, bounds[p], bounds[p + 1]);
    const w = { from: bounds[p], batches: [] as AnalyzedBatch[], done: 0, result: null as unknown as Promise<CollectorSnapshot> };
    w.result = new Promise<CollectorSnapshot>((resolve, reject) => {
      worker.on('message', (m: { batch?: AnalyzedBatch; snapshot?: CollectorSnapshot }) => {
        if (m.batch) { w.batches.push(m.batch); w.done += m.batch.count; }
        else if (m.snapshot) { resolve(m.snapshot); void worker.terminate(); }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`an analysis worker stopped (exit code ${code}) before it finished`)));
    });
    w.result.catch(() => {}); // awaited below; a failure must not crash the build before that as unhandled
    workers.push(w);
  }

  const progress = (mainDone: number) => onProgress(mainDone + workers.reduce((a, w) => a + w.done, 0), n);
  const mainEnd = bounds[1];
  for (let i = 0; i < mainEnd; i++) {
    const a = articles[i]!;
    articles[i] = null;
    docs[i] = collector.add([a.kicker, a.title], [a.lead, a.body], a.title);
    records[i] = encoder.encode(JSON.stringify(storedFieldsOf(a)));
    if ((i & 255) === 0) {
      progress(i);
      // Let the workers' batches in (and the progress bar draw).
      if (workers.length) await new Promise((r) => setImmediate(r));
    }
  }
  for (const w of workers) {
    while (true) {
      const done = await Promise.race([w.result.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 500))]);
      progress(mainEnd);
      if (done) break;
    }
    const terms = collector.merge(await w.result);
    let at = w.from;
    for (const b of w.batches) {
      const u = unpackBatch(b, terms);
      for (let k = 0; k < u.docs.length; k++, at++) { docs[at] = u.docs[k]; records[at] = u.records[k]; }
    }
    w.batches = [];
  }
  onProgress(n, n);
  return { collector, docs, records, threads: 1 + workers.length };
}
