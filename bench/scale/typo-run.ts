/**
 * `npm run bench:typo [-- --lexicon PATH --words 500 --size 1000000 --runs 1]`
 *
 * Only the typo step of `bench:scale` (section 3c), in about a minute: a lexicon of a million folded
 * syllables (the built baomoi-35k lexicon plus generated words, `typo-vocabulary.ts`), 500 one-edit
 * typos of real words, the trie walk timed (wall and CPU) beside the linear scan it replaced, with
 * the candidates of both compared word by word (`typo-child.ts`).
 *
 * The built lexicon comes from `--lexicon`, else from the index `bench:scale` built
 * (bench/.cache/scale/assets), else the 35k index is built once into bench/.cache/typo/assets. Skips
 * (exit 0) when none exists and the shared corpus is absent. `--runs N` repeats the child (a fresh
 * process each time) to see the spread on a shared machine. Prints one table per run and writes
 * bench/results/typo.json and bench/results/typo.md.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INDEX_FORMAT_VERSION, type IndexManifest } from '../../src/index-format/manifest.js';
import { sharedCorpusPath } from '../lib/baomoi.js';
import { runNodeChild } from '../lib/node-child.js';
import { loadAverage } from '../lib/proc.js';
import { fmt } from '../lib/table.js';
import { runBuildStep } from './build-step.js';
import type { TypoResult } from './typo-child.js';
import { typoTable, typoTargetMet } from './typo-table.js';

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    lexicon: { type: 'string' },
    words: { type: 'string', default: '500' },
    size: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '1' },
  },
});
const log = (s = '') => console.log(s);

/** The lexicon file of a built index of the current format under `assets`, or null. */
function builtLexicon(assets: string): string | null {
  const manifestPath = path.join(root, assets, 'index', 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as IndexManifest;
  return manifest.formatVersion === INDEX_FORMAT_VERSION ? path.join(root, assets, 'index', manifest.lexicon.file) : null;
}

let lexicon = args.lexicon ?? builtLexicon('bench/.cache/scale/assets') ?? builtLexicon('bench/.cache/typo/assets');
if (!lexicon) {
  if (!existsSync(sharedCorpusPath(root, 'baomoi-35k'))) {
    log('bench:typo skipped: no built lexicon (bench/.cache/scale or --lexicon) and the shared baomoi-35k corpus is not available here. Nothing measured.');
    process.exit(0);
  }
  log('Building the baomoi-35k index once for its lexicon (bench/.cache/typo/assets):');
  await runBuildStep(root, '../shared/corpora/baomoi-35k', 'bench/.cache/typo/assets', log);
  lexicon = builtLexicon('bench/.cache/typo/assets');
  if (!lexicon) throw new Error('the index build produced no lexicon');
}

const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAverageStart: loadAverage() };
log(`# bench:typo — typo candidates at ${Number(args.size).toLocaleString('en-US')} folded syllables`);
log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; load average at start ${machine.loadAverageStart.join(' ')}; lexicon ${path.relative(root, lexicon)}`);
if ((machine.loadAverageStart[0] ?? 0) > machine.cpus) log('NOTE: the load average exceeds the CPU count: wall-clock times are inflated; the CPU-time row is not.');

const runs: Array<TypoResult & { loadAverage: number[] }> = [];
const tables: string[] = [];
for (let r = 0; r < Number(args.runs); r++) {
  const run = await runNodeChild<TypoResult>({ script: 'bench/scale/typo-child.ts', nodeFlags: ['--max-old-space-size=4096', '--expose-gc'], timeoutMs: 900_000, echoPrefix: '  [typo] ', args: ['--lexicon', lexicon, '--words', args.words!, '--size', args.size!] });
  if (!run.result) {
    log(`typo run ${r + 1} FAILED: exit ${run.code ?? run.signal}\n${run.stderrTail}`);
    process.exitCode = 1;
    continue;
  }
  const load = loadAverage();
  runs.push({ ...run.result, loadAverage: load });
  const table = `### Run ${r + 1} (load average after: ${load.join(' ')})\n\n${typoTable(run.result)}`;
  tables.push(table);
  log(`\n${table}`);
}
const met = runs.length > 0 && runs.every(typoTargetMet);
const verdict = runs.map((t) => `p99 ${fmt(t.walk.p99, 3)} ms wall (CPU ${fmt(t.walkCpu.p99, 3)}), ${t.mismatches} differ`).join('; ');
log(`\ntarget: typo lookup p99 ≤ 1 ms at a million syllables, same candidates as the scan — ${met ? 'PASS' : 'FAIL'} (${verdict})`);

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/typo.json'), JSON.stringify({ date: new Date().toISOString(), machine, lexicon: path.relative(root, lexicon), runs, met }, null, 2) + '\n');
writeFileSync(path.join(root, 'bench/results/typo.md'), [
  `# bench:typo`,
  '',
  `\`npm run bench:typo\`, ${new Date().toISOString().slice(0, 10)}, ${machine.cpus} CPUs, Node ${machine.node}, load average ${machine.loadAverageStart.join(' ')} at start.`,
  '',
  ...tables.flatMap((t) => [t, '']),
  `Target: p99 ≤ 1 ms with the scan's candidates: ${met ? 'PASS' : 'FAIL'} (${verdict}).`,
  '',
].join('\n'));
