/**
 * `npx tsx scripts/mine-aliases.ts [corpus folder or .jsonl] [--min=3]`
 *
 * Mines abbreviation candidates from a corpus: every `Long form (ABBR)` or `Long form (viết tắt ABBR)`
 * where ABBR is an upper-case word of 2–10 characters. For each abbreviation it prints, tab-separated,
 * how often it was seen, how often its chosen long form preceded it, and that long form: the longest
 * run of words before the parenthesis seen in at least half of its occurrences. The output is a
 * candidate list to review by hand (long forms can be truncated or over-long, abbreviations
 * ambiguous); `src/analyzer/aliases.ts` holds the reviewed result for the baomoi corpus.
 * @module
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus } from '../index-build/readers/read-corpus.js';
import { mineAbbreviations } from './mine-aliases-core.js';

const { values, positionals } = parseArgs({ options: { min: { type: 'string', default: '3' } }, allowPositionals: true });
const input = positionals[0] ?? path.resolve('../shared/corpora/baomoi-35k');
const corpus = await readCorpus(input);
const mined = mineAbbreviations(corpus.articles.map((a) => [a.title, a.lead ?? '', a.body].join('\n')), Number(values.min));
for (const m of mined) console.log(`${m.abbreviation}\t${m.occurrences}\t${m.support}\t${m.longForm}`);
