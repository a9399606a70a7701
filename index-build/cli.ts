/**
 * `npm run build:index [-- --input <dir|file.jsonl>] [--out <dir>] [--shards N] [--synonyms file] [--strict]
 *  [--journal <file> [--live <url>]] [--file-kib N]`
 *
 * Builds the search index from a corpus into the Workers static-assets folder the Worker serves.
 * @module
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { buildIndex } from './build-index.js';
import { DEFAULT_SHARD_LAYOUT } from '../src/index-format/shard-layout.js';
import { compactJournal, fetchChanges, readJournal, writeJournal, type JournalChange } from './live-journal.js';
import { formatReport } from './report.js';

/** Where `npm run dev` and `wrangler deploy` pick up static assets (see wrangler.toml). */
export const DEFAULT_OUT_DIR = 'dist/assets';
/** The sample corpus. */
export const DEFAULT_INPUT = 'data';

const USAGE = `Usage: npm run build:index -- [--input <dir|file.jsonl>] [--out <dir>] [--shards <n>] [--synonyms <file>] [--strict] [--threads <n>]

  --input     corpus folder (.txt articles in seed or title-first format, .jsonl files) or one .jsonl file (default: data)
  --out       static-assets folder that receives index/ (default: dist/assets)
  --shards    number of shards (default: decided from the corpus size)
  --synonyms  synonyms file, one "short = long form" per line (default: <input>/synonyms.txt when present)
  --threads   threads that analyze the articles (default: the CPUs available, ${os.availableParallelism()} here; the output is the same)
  --strict    when any file or article would be skipped: list them, keep the existing index, exit with status 1
  --journal   live-index journal to fold in (JSON Lines of changes, kept with the corpus; created by --live)
  --live      deployment URL whose live changes to fetch into --journal first (token: INGEST_TOKEN env var)
  --tail-below     leave syllables seen in fewer than this many documents to the lexicon's tail, fetched
                   only by queries that use them (default: decided by the lexicon's budget; 1 = no tail)
  --tail-part-kib  target size of one tail part in KiB (default 1024)
  --pair-part-kib  target size of one pair part in KiB (the lexicon's word pairs, fetched per query; default 128)
  --file-kib       pack a shard's blocks into files of about this many KiB (default: one block per file
                   until the archive would exceed the deployment's file budget, then bigger files)`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        input: { type: 'string', default: DEFAULT_INPUT },
        out: { type: 'string', default: DEFAULT_OUT_DIR },
        shards: { type: 'string' },
        synonyms: { type: 'string' },
        strict: { type: 'boolean', default: false },
        threads: { type: 'string' },
        journal: { type: 'string' },
        live: { type: 'string' },
        'tail-below': { type: 'string' },
        'tail-part-kib': { type: 'string' },
        'pair-part-kib': { type: 'string' },
        'file-kib': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) { console.log(USAGE); return 0; }
  const input = args.input!;
  if (!existsSync(input)) { console.error(`Input not found: ${input}\n\n${USAGE}`); return 2; }
  const shards = args.shards === undefined ? undefined : Number(args.shards);
  if (shards !== undefined && (!Number.isInteger(shards) || shards < 1 || shards > 4096)) {
    console.error(`--shards must be a whole number from 1 to 4096, got "${args.shards}"`);
    return 2;
  }
  const threads = args.threads === undefined ? os.availableParallelism() : Number(args.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    console.error(`--threads must be a whole number from 1 to 64, got "${args.threads}"`);
    return 2;
  }
  const positive = (name: string, value: string | undefined, max: number): number | undefined | null => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= max) return n;
    console.error(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
    return null;
  };
  const minHotDf = positive('tail-below', args['tail-below'], 1_000_000);
  const tailPartKib = positive('tail-part-kib', args['tail-part-kib'], 16_384);
  const pairPartKib = positive('pair-part-kib', args['pair-part-kib'], 16_384);
  const fileKib = positive('file-kib', args['file-kib'], 16_384);
  if (minHotDf === null || tailPartKib === null || pairPartKib === null || fileKib === null) return 2;
  const defaultSynonyms = path.join(input, 'synonyms.txt');
  const synonymsFile = args.synonyms ?? (existsSync(defaultSynonyms) ? defaultSynonyms : undefined);

  let journal: { changes: JournalChange[]; label: string } | undefined;
  if (args.live !== undefined && args.journal === undefined) {
    console.error('--live needs --journal <file>: the journal keeps the fetched changes with your corpus, so later builds hold them too.');
    return 2;
  }
  if (args.journal !== undefined) {
    try {
      journal = { changes: await journalFor(args.journal, args.live), label: path.basename(args.journal) };
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
  }

  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  let phase = '';
  const started = performance.now();
  try {
    const report = await buildIndex({
      input, outDir: args.out!, shards, synonymsFile, strict: args.strict, journal, threads, minHotDf,
      ...(tailPartKib ? { tailPartBytes: tailPartKib * 1024 } : {}),
      ...(pairPartKib ? { pairPartBytes: pairPartKib * 1024 } : {}),
      ...(fileKib ? { layout: { ...DEFAULT_SHARD_LAYOUT, postingsPackBytes: fileKib * 1024, documentPackBytes: fileKib * 1024 } } : {}),
      sourceLabel: path.relative(process.cwd(), path.resolve(input)) || '.',
      onProgress: (p, done, total) => {
        if (!bar) return;
        if (p !== phase) { if (phase) bar.stop(); phase = p; bar.start(total, done, { phase: p.padEnd(8) }); }
        else bar.update(done);
      },
    });
    bar?.stop();
    console.log(formatReport(report));
    console.log(`  total:             ${((performance.now() - started) / 1000).toFixed(1)}s`);
    console.log(`  peak memory:       ${Math.round(process.resourceUsage().maxRSS / 1024)} MB resident`);
    if (args.strict && report.skipped.length > 0) {
      console.error(`--strict: ${report.skipped.length} file(s)/article(s) were skipped (listed above); failing.`);
      return 1;
    }
    return 0;
  } catch (e) {
    bar?.stop();
    console.error(`Build failed: ${(e as Error).message}`);
    return 1;
  }
}

/** The journal's changes, after fetching the deployment's new ones into it when `live` is given. */
async function journalFor(file: string, live: string | undefined): Promise<JournalChange[]> {
  const known = await readJournal(file);
  if (live === undefined) return known;
  const token = process.env.INGEST_TOKEN;
  if (!token) throw new Error('--live needs the deployment\'s write token in the INGEST_TOKEN environment variable.');
  const since = known.reduce((m, c) => Math.max(m, c.seq), 0);
  const fetched = await fetchChanges({ url: live, token }, since);
  if (fetched.lastSeq < since) {
    throw new Error(`${live} has acknowledged writes up to sequence number ${fetched.lastSeq}, but ${file} already holds ${since}: it belongs to another live index. Use a new --journal file for this deployment.`);
  }
  const merged = compactJournal([...known, ...fetched.changes]);
  await writeJournal(file, merged);
  console.log(`Fetched ${fetched.changes.length} live change(s) from ${live} (through sequence number ${fetched.lastSeq}) into ${file}.`);
  return merged;
}

process.exitCode = await main();
