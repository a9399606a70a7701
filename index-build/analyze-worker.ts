/**
 * Worker thread of {@link analyzeArticles}: analyzes its share of the corpus with its own
 * collector, posts the documents in transferable batches as it goes, then its collector's statistics.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { storedFieldsOf } from '../src/index-format/article-fields.js';
import { TermCollector, type DocTerms } from '../src/index-format/term-collector.js';
import type { Article } from './readers/article.js';
import { batchBuffers, packBatch } from './analyzed-batch.js';

/** Documents per posted batch. */
const BATCH = 512;

const articles = (workerData as { articles: Array<Article | null> }).articles;
const collector = new TermCollector();
const encoder = new TextEncoder();
let docs: DocTerms[] = [];
let records: Uint8Array[] = [];
for (let i = 0; i < articles.length; i++) {
  const a = articles[i]!;
  articles[i] = null;
  docs.push(collector.add([a.kicker, a.title], [a.lead, a.body], a.title));
  records.push(encoder.encode(JSON.stringify(storedFieldsOf(a))));
  if (docs.length === BATCH || i === articles.length - 1) {
    const batch = packBatch(docs, records);
    parentPort!.postMessage({ batch }, batchBuffers(batch));
    docs = [];
    records = [];
  }
}
parentPort!.postMessage({ snapshot: collector.snapshot() });
