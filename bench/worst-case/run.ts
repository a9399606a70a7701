/**
 * `npm run bench:worst`: times the worst-case queries of {@link worstCases} through the same engine the
 * Worker runs (`openIndex`): planning alone and a whole search (plan, every shard, merge, snippets).
 * Uses the 35k baomoi index at /tmp/baomoi-out/index or the one `npm run bench:scale` built (or the index given with
 * `--index <dir>`), else the sample index of `npm test`. Prints a table and writes
 * bench/results/worst-case.json.
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openIndex } from '../../index-build/open-index.js';
import { worstCases } from './queries.js';

const RUNS = 15;

const { values: args } = parseArgs({ options: { index: { type: 'string' }, runs: { type: 'string' } } });
const candidates = [args.index, '/tmp/baomoi-out/index', 'bench/.cache/scale/assets/index', 'dist/test-assets/single/index', 'dist/assets/index'].filter((d): d is string => !!d);
const runs = Number(args.runs ?? RUNS);

// The first candidate that this code can open (an index built by an older format is skipped, said so).
const t0 = performance.now();
let indexDir = '';
let svc: Awaited<ReturnType<typeof openIndex>> | null = null;
for (const dir of candidates) {
  if (!existsSync(path.join(dir, 'manifest.json'))) continue;
  try {
    svc = await openIndex(dir);
    indexDir = dir;
    break;
  } catch (e) {
    console.log(`skipping ${dir}: ${(e as Error).message}`);
  }
}
if (!svc) {
  console.error(`No usable index found (looked in ${candidates.join(', ')}). Run \`npm test\` or \`npm run build:index -- --input ../shared/corpora/baomoi-35k --out /tmp/baomoi-out\` first.`);
  process.exit(1);
}
console.log(`index ${indexDir}: ${svc.manifest.documentCount} documents, ${svc.manifest.shards.length} shard(s), lexicon ${svc.lexicon.folded.size} folded terms (opened in ${Math.round(performance.now() - t0)} ms)`);
await svc.search({ q: 'khởi động', limit: 10, offset: 0, sort: 'relevance', facets: [], prefixLast: false }); // load every shard

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const round = (x: number) => Math.round(x * 10) / 10;

const rows = [];
for (const c of worstCases(svc.lexicon)) {
  const planMs: number[] = [];
  const searchMs: number[] = [];
  let terms = 0, total = 0, truncated = 0;
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    const p = svc.plan(c.q, c.prefixLast);
    const dPlan = performance.now() - t;
    t = performance.now();
    const r = await svc.search({ q: c.q, limit: 10, offset: 0, sort: 'relevance', facets: ['year'], prefixLast: c.prefixLast });
    const dSearch = performance.now() - t;
    if (i === 0) continue; // warm-up
    planMs.push(dPlan); searchMs.push(dSearch);
    terms = p.plan.terms.length; total = r.total; truncated = p.truncatedSyllables;
  }
  const ps = stats(planMs), ss = stats(searchMs);
  rows.push({ name: c.name, stresses: c.stresses, chars: c.q.length, terms, truncatedSyllables: truncated, hits: total,
    planMedianMs: round(ps.median), planMaxMs: round(ps.max), searchMedianMs: round(ss.median), searchMaxMs: round(ss.max) });
}

console.log(`\n${runs} runs each (after one warm-up); search = plan + all shards + merge + snippets, limit 10, year facet\n`);
console.log('| case | chars | plan terms | syllables dropped | hits | plan median / max (ms) | search median / max (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.chars} | ${r.terms} | ${r.truncatedSyllables} | ${r.hits} | ${r.planMedianMs} / ${r.planMaxMs} | ${r.searchMedianMs} / ${r.searchMaxMs} |`);

await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/worst-case.json', JSON.stringify({ index: indexDir, documents: svc.manifest.documentCount, runs, node: process.version, rows }, null, 2) + '\n');
console.log('\nwritten bench/results/worst-case.json');
