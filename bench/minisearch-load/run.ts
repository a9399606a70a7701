/**
 * `npm run bench:minisearch-load`: what it would cost a Worker to serve baomoi-35k from one
 * MiniSearch index, as the project was first specified ("a build step compiles the corpus into a
 * MiniSearch index"); the figures behind docs/decisions/0001-search-index-is-not-minisearch.md.
 * Builds the index once (MiniSearch 7 defaults over title and body, serialized with JSON.stringify),
 * then loads it with `MiniSearch.loadJSON` in fresh processes: three times with room to spare, and
 * once in a process limited to a 128 MB heap, as a Worker isolate is (our shards are measured the same
 * way by `npm run bench:scale`). Writes bench/results/minisearch-load.md. Skips when
 * ../shared/corpora/baomoi-35k is absent.
 * @module
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedCorpusPath } from '../lib/baomoi.js';
import { runNodeChild } from '../lib/node-child.js';
import { markdownTable } from '../lib/table.js';

const root = process.cwd();
const corpus = sharedCorpusPath(root, 'baomoi-35k');
if (!existsSync(corpus)) {
  console.log(`bench:minisearch-load skipped: ${corpus} not found (the shared corpora are not available here).`);
  process.exit(0);
}
const child = path.join(root, 'bench/minisearch-load/child.ts');
const cacheDir = path.join(root, 'bench/.cache/minisearch-load');
mkdirSync(cacheDir, { recursive: true });
const file = path.join(cacheDir, 'baomoi-35k.minisearch.json');

interface Build { documents: number; buildMs: number; heapMb: number; jsonMb: number }
interface Load { documents: number; loadMs: number; retainedMb: number; peakRssMb: number }

console.log('building the MiniSearch index of baomoi-35k …');
const build = await runNodeChild<Build>({ script: child, args: ['--mode', 'build', '--corpus', corpus, '--out', file], nodeFlags: ['--max-old-space-size=8192', '--expose-gc'] });
if (!build.result) throw new Error(`the build failed:\n${build.stderrTail}`);
const loads: Load[] = [];
for (let i = 0; i < 3; i++) {
  const r = await runNodeChild<Load>({ script: child, args: ['--mode', 'load', '--file', file], nodeFlags: ['--max-old-space-size=8192', '--expose-gc'] });
  if (!r.result) throw new Error(`loading failed:\n${r.stderrTail}`);
  loads.push(r.result);
  console.log(`  load ${i + 1}: ${(r.result.loadMs / 1000).toFixed(1)} s, peak RSS +${r.result.peakRssMb} MB, retained heap ${r.result.retainedMb} MB`);
}
const small = await runNodeChild<Load>({ script: child, args: ['--mode', 'load', '--file', file], nodeFlags: ['--max-old-space-size=128', '--expose-gc'], timeoutMs: 300_000 });
const outOfMemory = !small.result && /heap out of memory|Allocation failed/i.test(small.stderrTail);
rmSync(file, { force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const range = (xs: number[], f: (x: number) => string) => (xs.length ? `${f(Math.min(...xs))} – ${f(Math.max(...xs))}` : '–');
const table = markdownTable(['measure', 'value'], [
  ['articles', build.result.documents.toLocaleString('en')],
  ['build (addAll), in a process with room', s(build.result.buildMs)],
  ['index heap after the build', `${build.result.heapMb} MB`],
  ['serialized index (JSON.stringify), what the build would deploy', `${build.result.jsonMb} MB`],
  ['MiniSearch.loadJSON, 3 fresh processes with room', range(loads.map((l) => l.loadMs), s)],
  ['peak resident memory while loading (above the process before)', range(loads.map((l) => l.peakRssMb), (x) => `${x} MB`)],
  ['heap the loaded index keeps', range(loads.map((l) => l.retainedMb), (x) => `${x} MB`)],
  ['the same load in a 128 MB heap process (a Worker isolate’s limit)', small.result ? `loaded (${s(small.result.loadMs)})` : outOfMemory ? 'out of memory (crashed)' : `failed (exit ${small.code ?? small.signal})`],
], ['left', 'right']);
const md = `# MiniSearch as the whole index: baomoi-35k\n\n\`npm run bench:minisearch-load\`, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end. MiniSearch 7 defaults over \`title\` and \`body\` (lead + body), as \`npm run bench:scale\` indexes it; its query latency over the same index is in [scale.md](scale.md).\n\n${table}\n`;
console.log(`\n${md}`);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/minisearch-load.md'), md);
console.log('written bench/results/minisearch-load.md');
