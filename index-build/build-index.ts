/**
 * The build step: corpus → shards of postings, document stores, title indexes, a lexicon and a
 * manifest, written where the Worker loads them (Workers static assets). Output is deterministic:
 * the same corpus and options give the same bytes.
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from '../src/analyzer/version.js';
import { parseSynonymsFile } from '../src/analyzer/abbreviations.js';
import type { StoredDocument } from '../src/index-format/document-store.js';
import { isoToMinutes } from '../src/index-format/dates.js';
import {
  INDEX_FORMAT_VERSION, LEXICON_FILE, MANIFEST_FILE,
  type ArtifactFile, type IndexManifest, type LexiconPairsEntry, type LexiconTailEntry, type ShardEntry,
} from '../src/index-format/manifest.js';
import { writeLexicon } from '../src/index-format/lexicon.js';
import { blockFileName, shardDir } from '../src/index-format/shard-head.js';
import { layoutShard, type ShardLayoutOptions } from '../src/index-format/shard-layout.js';
import { NO_CATEGORY, NO_DATE } from '../src/index-format/shard-postings.js';
import { ShardPostingsBuilder, type PostingsDocument } from '../src/index-format/shard-postings-builder.js';
import { DEFAULT_BM25F, idf, impact, maxImpact, quantizeImpact, type Bm25fConstants } from '../src/scoring/bm25f.js';
import { TITLE_INDEX_OPTIONS, type TitleEntry } from '../src/suggest/title-index-options.js';
import { analyzeArticles } from './analyze-pool.js';
import { MIN_PAIR_COUNT, buildLexiconArrays } from './build-lexicon.js';
import { splitPairParts } from './pair-parts.js';
import { buildTailParts, chooseMinHotDf } from './lexicon-split.js';
import { ScoreBoundsBuilder } from './score-bounds-builder.js';
import { SCORE_BOUNDS_FILE } from '../src/index-format/score-bounds.js';
import { ID_DIRECTORY_DIR, writeIdDirectory } from '../src/index-format/id-directory.js';
import { applyJournal, type JournalChange } from './live-journal.js';
import { readCorpus } from './readers/read-corpus.js';
import type { Article, Note, Skip } from './readers/article.js';
import { STATIC_ASSET_LIMIT_BYTES, planShards, shardLayoutFor } from './shard-plan.js';
import { sortTermsByBytes } from '../src/index-format/sort-terms.js';
import { StrictBuildError } from './strict.js';

/** Options of {@link buildIndex}. */
export interface BuildOptions {
  /** Corpus directory or `.jsonl`/`.txt` file. */
  input: string;
  /** Directory that receives the `index/` folder (the Workers static-assets root). */
  outDir: string;
  /** Label recorded as the manifest's `source` (defaults to `input`). */
  sourceLabel?: string;
  /** Fixed shard count (default: decided from the corpus size). */
  shards?: number;
  /** Stored-bytes budget per shard when deciding automatically. */
  maxShardBytes?: number;
  /** User synonyms file (`short = long expansion` per line). */
  synonymsFile?: string;
  /** Scoring constants (defaults tuned on the relevance benchmark). */
  scoring?: Bm25fConstants;
  /** Progress callback for long builds. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Refuse (throw {@link StrictBuildError}, writing nothing) when any file or record was skipped. */
  strict?: boolean;
  /** Byte budget of the lexicon's restoration pairs (default `PAIR_BUDGET_BYTES`, build-lexicon.ts). */
  pairBudgetBytes?: number;
  /** Live-index changes to fold in (see `live-journal.ts`), and the journal's name for the report. */
  journal?: { changes: JournalChange[]; label: string };
  /** Threads of the analysis pass (default 1; more only where tsx's loader can be registered in a worker, see `analyze-pool.ts`). */
  threads?: number;
  /** Fewest articles worth a thread (default `MIN_ARTICLES_PER_THREAD`, analyze-pool.ts; small in tests). */
  minArticlesPerThread?: number;
  /** Bytes the lexicon's syllable dictionaries may take before a tail is split off (default `HOT_DICTIONARY_BUDGET_BYTES`, lexicon-split.ts). */
  hotDictionaryBudgetBytes?: number;
  /** Leave syllables seen in fewer documents than this to the lexicon's tail (default: from `hotDictionaryBudgetBytes`; 1: no tail). */
  minHotDf?: number;
  /** Target bytes of one tail part (default `TAIL_PART_BYTES`). */
  tailPartBytes?: number;
  /** Target bytes of one pair part (default `PAIR_PART_BYTES`, pair-parts.ts). */
  pairPartBytes?: number;
  /** Block sizes of the shard files (default: `shardLayoutFor` the archive's size). */
  layout?: ShardLayoutOptions;
}

/** What a build did, for the report. */
export interface BuildReport {
  filesRead: number;
  articlesIndexed: number;
  skipped: Skip[];
  notes: Note[];
  manifest: IndexManifest;
  indexDir: string;
  timingsMs: Record<string, number>;
  /** Threads that analyzed the articles. */
  analysisThreads: number;
}

/** What the shard phase needs of an article once its text has been analyzed and stored. */
type ShardArticle = Pick<Article, 'id' | 'title' | 'kicker' | 'category' | 'date'>;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const sha256Bytes = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

/**
 * Corpus positions in shard order: by date, oldest first, undated articles last, the corpus order
 * among equals. Shards are consecutive runs of this order, so each covers a date range.
 */
export function dateOrder(dates: ReadonlyArray<number | null>): number[] {
  const key = (i: number) => dates[i] ?? Number.POSITIVE_INFINITY;
  return dates.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

/** Builds an index from a corpus and writes it under `outDir/index/`. */
export async function buildIndex(opts: BuildOptions): Promise<BuildReport> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => { const t = performance.now(); timings[name] = Math.round(t - t0); t0 = t; };
  const progress = opts.onProgress ?? (() => {});
  const scoring = opts.scoring ?? DEFAULT_BM25F;

  const corpus = await readCorpus(opts.input, { onProgress: (d, n) => progress('read', d, n) });
  let liveSeq = 0;
  if (opts.journal) {
    const applied = applyJournal(corpus.articles, opts.journal.changes, opts.journal.label);
    corpus.articles = applied.articles;
    corpus.skipped.push(...applied.skipped);
    corpus.notes.push(...applied.notes);
    liveSeq = applied.seq;
  }
  lap('read');
  if (opts.strict && corpus.skipped.length > 0) throw new StrictBuildError(corpus.skipped, opts.outDir);
  if (corpus.articles.length === 0) {
    throw new Error(`No articles could be read from ${opts.input} (${corpus.skipped.length} skipped). Nothing to index.`);
  }
  const synonyms = opts.synonymsFile ? parseSynonymsFile(await readFile(opts.synonymsFile, 'utf8')) : [];

  // Pass 1: analyze every article once (on `threads` threads). Its text is then kept only as its
  // stored UTF-8 record (outside the JavaScript heap), so a large corpus does not hold the heap at its limit.
  const articles: ShardArticle[] = corpus.articles.map((a) => ({ id: a.id, title: a.title, kicker: a.kicker, category: a.category, date: a.date }));
  const read: Array<Article | null> = corpus.articles;
  corpus.articles = [];
  const { collector, docs, records, threads } = await analyzeArticles(read, opts.threads ?? 1, (d, n) => progress('analyze', d, n), opts.minArticlesPerThread);
  lap('analyze');

  const N = collector.documentCount;
  const avgTitle = collector.totalTitleLength / N;
  const avgBody = collector.totalBodyLength / N;
  const impactScale = maxImpact(N, scoring) / 65535;
  const termIdf = Float64Array.from(collector.df, (df) => idf(N, df));

  // Global term order (UTF-8 byte order) → every shard's dictionary is a sorted subsequence.
  const termOrder = sortTermsByBytes(collector.keys);
  const rank = new Uint32Array(termOrder.length);
  termOrder.forEach((id, r) => { rank[id] = r; });
  lap('sort');

  const minutes = articles.map((a) => (a.date ? isoToMinutes(a.date) : null));
  const order = dateOrder(minutes);
  const recordOf = (k: number) => records[order[k]];
  const bounds = planShards(order.map((i) => records[i].length), { shards: opts.shards, maxShardBytes: opts.maxShardBytes });
  const categories = [...new Set(articles.map((a) => a.category).filter((c): c is string => !!c))].sort();
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));

  const indexDir = path.join(opts.outDir, 'index');
  const tmpDir = path.join(opts.outDir, `.index-tmp-${process.pid}`);
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  const writeArtifact = async (file: string, bytes: Uint8Array | string): Promise<ArtifactFile> => {
    await writeFile(path.join(tmpDir, file), bytes);
    return { file, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, sha256: sha256(bytes) };
  };

  const shardCount = bounds.length - 1;
  const builder = new ShardPostingsBuilder(collector.keys, rank);
  const layout = opts.layout ?? shardLayoutFor(records.reduce((n, r) => n + r.length, 0), shardCount);
  const shards: ShardEntry[] = [];
  const scoreBounds = new ScoreBoundsBuilder(collector.keys, collector.df, rank, shardCount);
  // A vocabulary too large for the front's lexicon leaves its rarest syllables to the tail.
  const minHotDf = opts.minHotDf ?? chooseMinHotDf(collector, opts.hotDictionaryBudgetBytes);
  scoreBounds.leaveTail(minHotDf, collector.ids);
  // Which shard holds each article, for the id directory (routes addressed by id ask that one shard).
  const idEntries: Array<{ id: string; shard: number }> = [];
  for (let s = 0; s < shardCount; s++) {
    const from = bounds[s];
    const to = bounds[s + 1];
    const shardDocs: PostingsDocument[] = [];
    const categorySet = new Set<number>();
    let minDate = Infinity;
    let maxDate = -Infinity;
    let undated = 0;
    for (let k = from; k < to; k++) {
      const a = articles[order[k]];
      const date = minutes[order[k]] ?? NO_DATE;
      const category = a.category ? categoryIndex.get(a.category)! : NO_CATEGORY;
      if (category !== NO_CATEGORY) categorySet.add(category);
      if (date === NO_DATE) undated++;
      else { minDate = Math.min(minDate, date); maxDate = Math.max(maxDate, date); }
      shardDocs.push({ termIds: docs[order[k]].termIds, headline: docs[order[k]].headline, headlineExact: docs[order[k]].headlineExact, date, category });
    }
    const arrays = builder.arrays(shardDocs, (local, k) => {
      const { termIds, tfTitle, tfBody, lenTitle, lenBody } = docs[order[from + local]];
      const q = quantizeImpact(impact(termIdf[termIds[k]], tfTitle[k], tfBody[k], lenTitle, lenBody, avgTitle, avgBody, scoring), impactScale);
      scoreBounds.record(s, termIds[k], q);
      return q;
    });
    const records = Array.from({ length: to - from }, (_, local) => recordOf(from + local));
    const ids = shardDocs.map((_, local) => articles[order[from + local]].id);
    for (const id of ids) idEntries.push({ id, shard: s });
    const files = layoutShard(s, arrays, records, ids, sha256Bytes, layout);
    await mkdir(path.join(tmpDir, shardDir(s)), { recursive: true });
    const blockFile = async (kind: 'p' | 'd', bytes: Uint8Array) => {
      await writeFile(path.join(tmpDir, blockFileName(s, kind, sha256(bytes))), bytes);
      return bytes.length;
    };
    let postingsBytes = 0;
    let documentsBytes = 0;
    for (const b of files.postingsPacks) postingsBytes += await blockFile('p', b);
    for (const b of files.documentPacks) documentsBytes += await blockFile('d', b);
    const headSha = sha256(files.head);
    const head = await writeArtifact(`${shardDir(s)}/head-${headSha.slice(0, 16)}.bin`, files.head);
    const titles = new MiniSearch<TitleEntry>(TITLE_INDEX_OPTIONS);
    titles.addAll(shardDocs.map((_, local) => {
      const a = articles[order[from + local]];
      return { doc: local, title: a.kicker ? `${a.kicker}: ${a.title}` : a.title };
    }));
    const titlesJson = JSON.stringify(titles);
    const suggest = await writeArtifact(`${shardDir(s)}/suggest-${sha256(titlesJson).slice(0, 16)}.json`, titlesJson);
    shards.push({
      shard: s, documentCount: to - from, head, suggest,
      ...(maxDate >= minDate ? { dates: { min: minDate, max: maxDate } } : {}),
      undated, categories: [...categorySet].sort((x, y) => x - y),
      files: { count: 2 + files.postingsPacks.length + files.documentPacks.length, bytes: head.bytes + suggest.bytes + postingsBytes + documentsBytes, postingsBytes, documentsBytes },
    });
    progress('write', s + 1, shardCount);
  }
  const scoreBoundsFile = await writeArtifact(SCORE_BOUNDS_FILE, scoreBounds.write());
  const idParts: ArtifactFile[] = [];
  await mkdir(path.join(tmpDir, ID_DIRECTORY_DIR), { recursive: true });
  for (const [p, bytes] of writeIdDirectory(idEntries).entries()) {
    idParts.push(await writeArtifact(`${ID_DIRECTORY_DIR}/part-${String(p).padStart(4, '0')}-${sha256(bytes).slice(0, 16)}.bin`, bytes));
  }
  lap('shards');

  const notes = [...corpus.notes];
  const tail = buildTailParts(collector, minHotDf, scoreBounds.tailShards, opts.tailPartBytes);
  const tailParts: LexiconTailEntry['parts'] = [];
  if (tail.parts.length) await mkdir(path.join(tmpDir, 'lexicon-tail'), { recursive: true });
  for (const part of tail.parts) {
    const sha = sha256(part.bytes);
    tailParts.push({ ...(await writeArtifact(`lexicon-tail/part-${sha.slice(0, 16)}.bin`, part.bytes)), first: part.first, syllables: part.syllables });
  }
  if (tailParts.length) {
    const syllables = tailParts.reduce((n, p) => n + p.syllables, 0);
    notes.push({ source: LEXICON_FILE, detail: `left the ${syllables.toLocaleString('en-US')} syllables seen in fewer than ${minHotDf} documents to the lexicon's tail: ${tailParts.length} parts, each fetched only by the queries that use its syllables (the lexicon keeps its budget for restoration pairs)` });
  }
  const lexiconArrays = buildLexiconArrays(collector, {
    minHotDf: tailParts.length ? minHotDf : 1, tailCount: tail.occurrences,
    pairBudgetBytes: opts.pairBudgetBytes,
    stats: (s) => {
      if (s.droppedPairs > 0 && s.keptPairs === 0) {
        notes.push({ source: LEXICON_FILE, detail: `dropped all ${s.droppedPairs.toLocaleString('en-US')} word pairs seen at least ${MIN_PAIR_COUNT} times, because not even the most frequent fits the pairs' share of the lexicon budget (what the folded and exact dictionaries leave of it), so diacritic restoration has no pair evidence` });
      } else if (s.droppedPairs > 0) {
        notes.push({ source: LEXICON_FILE, detail: `kept the ${s.keptPairs.toLocaleString('en-US')} word pairs seen at least ${s.minPairCount} times for diacritic restoration and dropped ${s.droppedPairs.toLocaleString('en-US')} rarer ones, within the pairs' budget (the front Worker keeps the pair parts queries use in a 28 MiB cache; see docs/scaling.md)` });
      }
    },
  });
  // Pairs and triples go to parts by first syllable: the front loads the syllable dictionaries, then per query the parts it needs.
  const split = splitPairParts(lexiconArrays.meta, lexiconArrays.arrays, opts.pairPartBytes);
  const pairParts: LexiconPairsEntry['parts'] = [];
  if (split.parts.length) await mkdir(path.join(tmpDir, 'lexicon-pairs'), { recursive: true });
  for (const part of split.parts) {
    const sha = sha256(part.bytes);
    pairParts.push({ ...(await writeArtifact(`lexicon-pairs/part-${sha.slice(0, 16)}.bin`, part.bytes)), first: part.first, pairs: part.pairs });
  }
  const lexicon = await writeArtifact(LEXICON_FILE, writeLexicon(split.meta, split.arrays));
  if (lexicon.bytes > STATIC_ASSET_LIMIT_BYTES) {
    notes.push({ source: LEXICON_FILE, detail: `is ${(lexicon.bytes / 1048576).toFixed(1)} MiB, over the 25 MiB limit of one Workers static asset: \`wrangler deploy\` will refuse it (the vocabulary alone outgrew the lexicon budget; see docs/scaling.md)` });
  }
  lap('lexicon');

  const dates = articles.map((a) => a.date).filter((d): d is string => !!d && isoToMinutes(d) !== null).sort();
  const contentHash = sha256([lexicon, ...tailParts, ...pairParts, scoreBoundsFile, ...idParts, ...shards.flatMap((s) => [s.head, s.suggest])].map((f) => f.sha256).join('\n') + JSON.stringify(synonyms) + (liveSeq ? `\nlive:${liveSeq}` : ''));
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    source: opts.sourceLabel ?? opts.input,
    documentCount: N,
    contentHash,
    scoring: { ...scoring, avgTitleLength: avgTitle, avgBodyLength: avgBody, impactScale },
    categories,
    ...(dates.length ? { dateRange: { from: dates[0], to: dates[dates.length - 1] } } : {}),
    synonyms,
    lexicon,
    ...(tailParts.length ? { lexiconTail: { minHotDf, parts: tailParts } } : {}),
    lexiconPairs: { parts: pairParts },
    scoreBounds: scoreBoundsFile,
    idDirectory: { parts: idParts },
    shards,
    ...(liveSeq ? { live: { seq: liveSeq } } : {}),
  };
  await writeFile(path.join(tmpDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  // Swap the new index in place of the old one.
  await rm(indexDir, { recursive: true, force: true });
  await rename(tmpDir, indexDir);
  lap('finish');

  return {
    filesRead: corpus.filesRead,
    articlesIndexed: N,
    skipped: corpus.skipped,
    notes,
    manifest,
    indexDir,
    timingsMs: timings,
    analysisThreads: threads,
  };
}
