/**
 * Child process of the scale benchmark's lexicon-growth step: how the front Worker's lexicon grows
 * with the collection. Reads the corpus like the build, analyzes articles in a seeded random order
 * with the build's own `TermCollector`, and at each checkpoint (5k, 10k, 20k articles by default)
 * serializes the lexicon with the build's `buildLexicon` and reports its size and its three
 * dictionaries (folded syllables, exact syllables, kept exact pairs). The full-corpus point comes
 * from the real build. One `@@RESULT` JSON line.
 * @module
 */
import { parseArgs } from 'node:util';
import { buildLexicon } from '../../index-build/build-lexicon.js';
import { TermCollector } from '../../src/index-format/term-collector.js';
import { readCorpus } from '../../index-build/readers/read-corpus.js';
import { Lexicon } from '../../src/index-format/lexicon.js';
import { mulberry32, sampleIndices } from '../lib/prng.js';
import { emitResult } from '../lib/node-child.js';

/** The lexicon at one collection size. */
export interface LexiconPoint {
  documents: number;
  bytes: number;
  folded: number;
  exact: number;
  pairs: number;
  /** Bytes of the pair dictionary (text + offsets + counts). */
  pairBytes: number;
}

const { values } = parseArgs({ options: { input: { type: 'string' }, checkpoints: { type: 'string', default: '5000,10000,20000' }, seed: { type: 'string', default: '35440' } } });
const checkpoints = values.checkpoints!.split(',').map(Number).sort((a, b) => a - b);
const t0 = performance.now();
const { articles } = await readCorpus(values.input!);
const order = sampleIndices(mulberry32(Number(values.seed)), articles.length, Math.min(articles.length, checkpoints[checkpoints.length - 1]));
const collector = new TermCollector();
const points: LexiconPoint[] = [];
let next = 0;
for (let i = 0; i < order.length; i++) {
  const a = articles[order[i]];
  collector.add([a.kicker, a.title], [a.lead, a.body]);
  if (i + 1 === checkpoints[next]) {
    const bytes = buildLexicon(collector);
    const lex = new Lexicon(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    points.push({ documents: i + 1, bytes: bytes.length, folded: lex.folded.size, exact: lex.exact.size, pairs: lex.pairSize, pairBytes: lex.pairDictionaryBytes });
    process.stderr.write(`lexicon at ${i + 1} articles: ${(bytes.length / 1048576).toFixed(2)} MB (${lex.pairSize} pairs)\n`);
    next++;
  }
}
emitResult({ points, ms: performance.now() - t0 });
