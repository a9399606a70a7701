/**
 * `npm run build:index [-- --input <dir|file.jsonl>] [--out <dir>] [--shards N] [--synonyms file] [--strict]`
 *
 * Builds the search index from a corpus into the Workers static-assets folder the Worker serves.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { buildIndex } from './build-index.js';
import { formatReport } from './report.js';

/** Where `npm run dev` and `wrangler deploy` pick up static assets (see wrangler.toml). */
export const DEFAULT_OUT_DIR = 'dist/assets';
/** The sample corpus. */
export const DEFAULT_INPUT = 'data';

const USAGE = `Usage: npm run build:index -- [--input <dir|file.jsonl>] [--out <dir>] [--shards <n>] [--synonyms <file>] [--strict]

  --input     corpus folder (.txt articles in seed or title-first format, .jsonl files) or one .jsonl file (default: data)
  --out       static-assets folder that receives index/ (default: dist/assets)
  --shards    number of shards (default: decided from the corpus size)
  --synonyms  synonyms file, one "short = long form" per line (default: <input>/synonyms.txt when present)
  --strict    when any file or article would be skipped: list them, keep the existing index, exit with status 1`;

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
  const defaultSynonyms = path.join(input, 'synonyms.txt');
  const synonymsFile = args.synonyms ?? (existsSync(defaultSynonyms) ? defaultSynonyms : undefined);

  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  let phase = '';
  const started = performance.now();
  try {
    const report = await buildIndex({
      input, outDir: args.out!, shards, synonymsFile, strict: args.strict,
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

process.exitCode = await main();
