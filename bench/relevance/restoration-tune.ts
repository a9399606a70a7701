/**
 * `npm run bench:restoration [-- --index <dir>/index] [--variant key=value,…] [--errors]`
 *
 * Diacritic restoration across its confidence threshold: of the accented syllables of headlines typed
 * without diacritics, the share restored right and wrong at thresholds from 0 (always decide) to 0.9,
 * and the best share right with at most 1% wrong. Three sets: the 1000 (b) headlines `bench:relevance`
 * reports, 1000 other baomoi headlines (the tuning set the threshold was chosen on), and the 200
 * dantri titles, which are not in the index: the first two are text the model has seen (the index's
 * own pairs and triples), the third measures how it does on text it has not.
 *
 * Runs the planner's stages up to restoration (`restorationPosteriors`) on a built baomoi-35k index
 * (default `dist/assets/index`; build one with `npm run build:index -- --input ../shared/corpora/baomoi-35k`).
 * `--variant` overrides `RESTORATION_MODEL` constants; `--errors` lists wrong restorations of the tuning set.
 * Skips (exit 0) when the shared corpora are absent.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeQueryText } from '../../src/analyzer/analyze.js';
import { analyzeSegments } from '../../src/engine/planner/analyze-segments.js';
import { decodeTypedInputMethod } from '../../src/engine/planner/decode-input-method.js';
import { isWordLike } from '../../src/engine/planner/query-syllable.js';
import { parseQuerySyntax } from '../../src/engine/query-syntax.js';
import { RESTORATION_MODEL, restorationPosteriors } from '../../src/engine/restore-diacritics.js';
import { openIndex } from '../../index-build/open-index.js';
import { loadBaomoi, sharedCorpusPath } from '../lib/baomoi.js';
import { stripDiacritics } from '../lib/fold.js';
import { mulberry32, sampleIndices } from '../lib/prng.js';
import { markdownTable } from '../lib/table.js';
import { SEED } from './known-item.js';

const root = process.cwd();
const { values: args } = parseArgs({ options: { index: { type: 'string', default: 'dist/assets/index' }, variant: { type: 'string', default: '' }, errors: { type: 'boolean', default: false } } });
const corpusDir = sharedCorpusPath(root, 'baomoi-35k');
const dantriFile = sharedCorpusPath(root, 'dantri-200.jsonl');
if (!existsSync(corpusDir) || !existsSync(dantriFile)) {
  console.log(`bench:restoration skipped: ${corpusDir} or ${dantriFile} not found (the shared corpora are not available here).`);
  process.exit(0);
}
const service = await openIndex(path.resolve(root, args.index!));
if (service.manifest.documentCount !== 35440) console.warn(`note: the index holds ${service.manifest.documentCount} articles, not baomoi-35k's 35,440: the baomoi sets may not all be in it`);
const lexicon = service.lexicon;
for (const kv of args.variant!.split(',').filter(Boolean)) {
  const [k, v] = kv.split('=');
  if (!(k in RESTORATION_MODEL)) throw new Error(`unknown model constant ${k} (known: ${Object.keys(RESTORATION_MODEL).join(', ')})`);
  (RESTORATION_MODEL as Record<string, unknown>)[k] = v === 'true' ? true : v === 'false' ? false : Number(v);
}

const titles = loadBaomoi(corpusDir).map((a) => a.title);
const benchSet = sampleIndices(mulberry32(SEED), titles.length, 1000);
const taken = new Set(benchSet);
const tuningSet = sampleIndices(mulberry32(SEED + 99), titles.length, 1300).filter((i) => !taken.has(i)).slice(0, 1000);
const dantri = readFileSync(dantriFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).title as string);

/** One accented syllable of a headline: its spelling, the most probable reading and its confidence. */
interface Scored { want: string; got: string | null; confidence: number }

/** The accented syllables of a headline typed without diacritics, with what restoration makes of them. */
function scoredSyllables(title: string): Scored[] {
  const { syllables } = analyzeSegments(parseQuerySyntax(stripDiacritics(title)));
  decodeTypedInputMethod(syllables, lexicon);
  const want = analyzeQueryText(title);
  if (want.length !== syllables.length) return [];
  const posteriors = restorationPosteriors(lexicon, syllables.map((s) => s.folded), syllables.map((s) => s.adjacent));
  const out: Scored[] = [];
  syllables.forEach((s, k) => {
    const w = want[k];
    if (w.exact === w.folded || w.folded !== s.folded) return;
    if (s.decoded) out.push({ want: w.exact, got: s.exact, confidence: 1 });
    else if (isWordLike(s)) out.push({ want: w.exact, got: posteriors[k].reading, confidence: posteriors[k].confidence });
  });
  return out;
}

/** Right and wrong shares when syllables below `threshold` stay open. */
function shares(all: readonly Scored[], threshold: number): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (const s of all) {
    if (!s.got || s.confidence < threshold || s.got === stripDiacritics(s.want).toLowerCase()) continue;
    if (s.got === s.want) right++; else wrong++;
  }
  return { right: right / all.length, wrong: wrong / all.length };
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const sets = [
  { name: `bench (b) headlines`, titles: benchSet.map((i) => titles[i]) },
  { name: `tuning headlines`, titles: tuningSet.map((i) => titles[i]) },
  { name: `dantri titles (not in the index)`, titles: dantri },
].map((s) => ({ ...s, scored: s.titles.flatMap(scoredSyllables) }));
const thresholds = [0, 0.5, 0.6, 0.7, RESTORATION_MODEL.minConfidence, 0.8, 0.9].filter((t, i, a) => a.indexOf(t) === i).sort((a, b) => a - b);
const rows = thresholds.map((t) => [`${t.toFixed(2)}${t === RESTORATION_MODEL.minConfidence ? ' (in use)' : ''}`, ...sets.map((s) => { const x = shares(s.scored, t); return `${pct(x.right)} / ${pct(x.wrong)}`; })]);
rows.push(['best with ≤ 1% wrong', ...sets.map((s) => {
  let best = { t: 1, right: 0, wrong: 0 };
  for (let t = 0; t <= 1.0001; t += 0.01) {
    const x = shares(s.scored, t);
    if (x.wrong <= 0.01 && x.right > best.right) best = { t, ...x };
  }
  return `${pct(best.right)} / ${pct(best.wrong)} at ${best.t.toFixed(2)}`;
})]);
console.log(`Diacritic restoration, right / wrong share of accented syllables by confidence threshold (model: ${JSON.stringify(RESTORATION_MODEL)})\n`);
console.log(markdownTable(['threshold', ...sets.map((s) => `${s.name} (${s.scored.length} syllables)`)], rows));
if (args.errors) {
  console.log('\nWrong restorations (tuning set), spelling → restored confidence:');
  for (const title of sets[1].titles) {
    const bad = scoredSyllables(title).filter((s) => s.got && s.confidence >= RESTORATION_MODEL.minConfidence && s.got !== s.want && s.got !== stripDiacritics(s.want).toLowerCase());
    if (bad.length) console.log(`  ${title} || ${bad.map((b) => `${b.want}→${b.got} ${b.confidence.toFixed(2)}`).join(', ')}`);
  }
}
