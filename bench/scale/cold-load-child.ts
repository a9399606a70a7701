/**
 * Child process of the scale benchmark's cold-load step (started with `--max-old-space-size=128`,
 * a proxy for a 128 MB Worker isolate): loads ONE artifact set exactly as the Worker does and runs
 * one query, sampling memory throughout.
 *
 * - `--target <n>`: shard n, as its Durable Object does: read and check the manifest, then
 *   `LoadedShard.load` (the shard's head, size and SHA-256 verified), then the `search` call of one
 *   query with the hits' stored records (its plan, made by the front, is read from `--plan`), which
 *   loads and verifies only the blocks the query needs; then, for comparison, reading and verifying
 *   every file of the shard (what a shard did before answering before index format 3); then,
 *   separately reported, the first `/suggest` call (which loads the shard's title index).
 * - `--target lexicon`: the front Worker's part: manifest, lexicon (verified), the pair parts of the
 *   query's syllables (verified), one query plan.
 *
 * Artifacts are read into one exact-size `ArrayBuffer` each, like `Response.arrayBuffer()` of the
 * ASSETS binding (no extra Buffer copy). Memory is `process.memoryUsage()` sampled every
 * millisecond and at each step; "heap" is heapUsed + arrayBuffers (external ⊇ arrayBuffers, so
 * heapUsed + external is reported as the wider measure, not summed with it). Prints one
 * `@@RESULT` JSON line (see bench/lib/node-child.ts).
 * @module
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyArtifact } from '../../src/engine/artifact.js';
import { ShardHead } from '../../src/index-format/shard-head.js';
import { LoadedShard } from '../../src/engine/loaded-shard.js';
import { planQuery } from '../../src/engine/planner.js';
import type { QueryPlan } from '../../src/engine/query-plan.js';
import { SynonymTable } from '../../src/engine/synonym-table.js';
import { Lexicon } from '../../src/index-format/lexicon.js';
import { PairPartLoader } from '../../src/engine/pair-part-loader.js';
import { queryFoldedForms } from '../../src/engine/query-folded-forms.js';
import { checkManifest, MANIFEST_FILE, type IndexManifest } from '../../src/index-format/manifest.js';
import { emitResult } from '../lib/node-child.js';

/** What the child reports (bytes and milliseconds). */
export interface ColdLoadResult {
  target: string;
  /** Bytes of the artifacts read to answer the query (shard head + blocks the query needed, or the lexicon and the query's pair parts). */
  artifactBytes: number;
  /** Bytes of all the shard's files but its title index (what a shard read before answering, before index format 3). */
  shardBytes?: number;
  /**
   * Reading and verifying every file of the shard (head, every postings and document block), plus
   * the head load: what answering the first query cost when a shard loaded everything first.
   * Measured after the query, so blocks come from the page cache in both cases.
   */
  eagerMs?: number;
  /** Shard: head load. Lexicon: the lexicon and the pair parts of the query, read and verified (what the front needs before its first plan). */
  loadMs: number;
  /** Lexicon: of `loadMs`, the pair parts. */
  pairPartsMs?: number;
  queryMs: number;
  /** Memory after imports and a full GC, before loading. */
  baseline: { heapUsed: number; arrayBuffers: number; external: number; rss: number };
  /** Absolute peaks over load + query (subtract `baseline` for the increase). */
  peakHeapAB: number;
  peakHeapExternal: number;
  /** Peak RSS over load + query (max of sampled RSS and the kernel's maxRSS) minus the baseline RSS. */
  peakRssDelta: number;
  /** heapUsed + arrayBuffers after the query and a full GC (what stays resident). */
  retainedHeapAB: number;
  /** First `/suggest` call on the shard (loads its title index), shard targets only. */
  suggest?: { ms: number; peakHeapAB: number; retainedHeapAB: number; bytes: number };
  hits?: number;
}

const { values } = parseArgs({ options: { index: { type: 'string' }, target: { type: 'string' }, plan: { type: 'string' }, q: { type: 'string' } } });
const indexDir = values.index!;
const target = values.target!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

let peakHeapAB = 0;
let peakHeapExternal = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeapAB = Math.max(peakHeapAB, m.heapUsed + m.arrayBuffers);
  peakHeapExternal = Math.max(peakHeapExternal, m.heapUsed + m.external);
  peakRss = Math.max(peakRss, m.rss);
};

/** Reads a file into one exact-size ArrayBuffer (like `Response.arrayBuffer()`). */
async function readArtifact(file: string): Promise<ArrayBuffer> {
  const fh = await open(path.join(indexDir, file), 'r');
  try {
    const { size } = await fh.stat();
    const buf = new ArrayBuffer(size);
    const view = new Uint8Array(buf);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(view, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    sample();
    return at === size ? buf : buf.slice(0, at);
  } finally {
    await fh.close();
  }
}

/** Reads and verifies (size and SHA-256) the shard's head and every block it lists, keeping nothing. */
async function readAndVerifyAll(headFile: string, shard: LoadedShard): Promise<void> {
  const head = new ShardHead(await verifyArtifact(shard.entry.head, await readArtifact(headFile)));
  for (const packed of head.packedFiles()) {
    const bytes = await readArtifact(packed.file.file);
    for (const block of packed.blocks) await verifyArtifact(block, bytes);
  }
}

gc(); gc();
await new Promise((r) => setTimeout(r, 10));
const base = process.memoryUsage();
peakHeapAB = base.heapUsed + base.arrayBuffers;
peakHeapExternal = base.heapUsed + base.external;
peakRss = base.rss;
const timer = setInterval(sample, 1);

const t0 = performance.now();
const manifest = JSON.parse(await readFile(path.join(indexDir, MANIFEST_FILE), 'utf8')) as IndexManifest;
const problem = checkManifest(manifest);
if (problem) throw new Error(problem.message);

const out: Partial<ColdLoadResult> = { target };
/** Peaks of the load + query phase (before any /suggest call). */
let loadPeaks = { heapAB: 0, heapExternal: 0, rss: 0 };
const snapshotPeaks = () => {
  sample();
  loadPeaks = { heapAB: peakHeapAB, heapExternal: peakHeapExternal, rss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) };
};
if (target === 'lexicon') {
  const lexicon = new Lexicon(await verifyArtifact(manifest.lexicon, await readArtifact(manifest.lexicon.file)));
  // Then, as the front plans its first query: the pair parts of the query's syllables (index format 7).
  const q = values.q ?? 'hà nội';
  let partBytes = 0;
  const pairParts = PairPartLoader.forIndex(manifest, lexicon, async (file) => { const b = await readArtifact(file); partBytes += b.byteLength; return b; });
  const ctx = { synonyms: new SynonymTable(manifest.synonyms) };
  const plan = (lx: Lexicon) => planQuery(q, { lexicon: lx, ...ctx }, { prefixLast: true });
  const t1 = performance.now();
  if (pairParts) await pairParts.run(lexicon, queryFoldedForms(q), () => null); // fetch only: the plan is timed below
  out.loadMs = performance.now() - t0;
  out.pairPartsMs = performance.now() - t1;
  out.artifactBytes = manifest.lexicon.bytes + partBytes;
  sample();
  const t2 = performance.now();
  if (pairParts) await pairParts.run(lexicon, queryFoldedForms(q), plan);
  else plan(lexicon);
  out.queryMs = performance.now() - t2;
  snapshotPeaks();
  clearInterval(timer);
  gc(); gc();
  const after = process.memoryUsage();
  out.retainedHeapAB = after.heapUsed + after.arrayBuffers;
  if (lexicon.folded.size === 0) throw new Error('empty lexicon'); // keeps the lexicon alive until here
} else {
  const n = Number(target);
  const shard = await LoadedShard.load(manifest, n, readArtifact);
  out.loadMs = performance.now() - t0;
  sample();
  const plan = JSON.parse(await readFile(values.plan!, 'utf8')) as QueryPlan;
  const t1 = performance.now();
  // As the front asks its first shard: search with all the hits' stored records, one call.
  const r = await shard.search(plan, { topK: 10, sort: 'relevance', facets: [], records: 10 });
  out.queryMs = performance.now() - t1;
  out.hits = r.hits.length;
  const st = shard.stats();
  out.artifactBytes = manifest.shards[n].head.bytes + st.postings.bytes + st.documentsCache.bytes;
  out.shardBytes = manifest.shards[n].files.bytes - manifest.shards[n].suggest.bytes;
  // Today's design for comparison: read and verify every file of the shard before answering.
  const tAll = performance.now();
  await readAndVerifyAll(manifest.shards[n].head.file, shard);
  out.eagerMs = performance.now() - tAll + out.loadMs;
  snapshotPeaks();
  gc(); gc();
  const settled = process.memoryUsage();
  out.retainedHeapAB = settled.heapUsed + settled.arrayBuffers;
  // The first /suggest call: verified fetch + MiniSearch.loadJSON of the title index.
  const t2 = performance.now();
  await shard.suggest(values.q ?? 'ha noi', 8);
  const suggestMs = performance.now() - t2;
  sample();
  clearInterval(timer);
  gc(); gc();
  const withSuggest = process.memoryUsage();
  out.suggest = { ms: suggestMs, peakHeapAB, retainedHeapAB: withSuggest.heapUsed + withSuggest.arrayBuffers, bytes: manifest.shards[n].suggest.bytes };
  if (shard.documentCount === 0) throw new Error('empty shard'); // keeps the shard alive until here
}
emitResult({
  ...out,
  baseline: { heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers, external: base.external, rss: base.rss },
  peakHeapAB: loadPeaks.heapAB,
  peakHeapExternal: loadPeaks.heapExternal,
  peakRssDelta: loadPeaks.rss - base.rss,
} satisfies Partial<ColdLoadResult>);
