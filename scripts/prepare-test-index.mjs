// `npm test` helper: builds the sample corpus (data/) into the fixture indexes the workerd tests serve:
// one single-shard index (served in-process) and one 3-shard index (served by Durable Objects, with a
// lexicon tail), plus
// the hand-checked API fixture (test/fixtures/api-corpus.jsonl: categories and dates for filters/facets)
// and the related-articles fixture (test/fixtures/related-corpus.jsonl: stories, copies, repeated headlines).
import { execFileSync } from 'node:child_process';
import { writeBrokenFixtures } from './broken-fixtures.mjs';

const tsx = ['node_modules/tsx/dist/cli.mjs', 'index-build/cli.ts'];
const builds = [
  ['data', 'dist/test-assets/single', []],
  // With the syllables seen once in the lexicon's tail (small parts) and the word pairs in many small
  // pair parts, and each shard's blocks packed into files of ~64 KiB (as a big archive's are): the
  // request-level tests must give the same answers as from the single index, whose lexicon holds every
  // syllable, whose pairs are in one part and whose blocks are one per file.
  ['data', 'dist/test-assets/sharded', ['--shards', '3', '--tail-below', '2', '--tail-part-kib', '4', '--pair-part-kib', '2', '--file-kib', '64']],
  ['test/fixtures/api-corpus.jsonl', 'dist/test-assets/api', ['--shards', '2']],
  ['test/fixtures/related-corpus.jsonl', 'dist/test-assets/related', ['--shards', '2']],
  // The sample corpus with the live changes of test/fixtures/live-journal.jsonl folded in (test/live/fold-in.test.ts).
  ['data', 'dist/test-assets/folded', ['--shards', '2', '--journal', 'test/fixtures/live-journal.jsonl']],
];
for (const [input, out, extra] of builds) {
  execFileSync(process.execPath, [...tsx, '--input', input, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`test index ready: ${out}/index`);
}
// Broken copies of the single-shard index (version mismatches, a missing and a corrupt shard): test-broken/.
console.log(`broken test indexes ready: ${writeBrokenFixtures('dist/test-assets/single').join(', ')}`);
