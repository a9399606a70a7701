/**
 * `npx tsx bench/relevance/topical/pool.ts [--listing FILE]`
 *
 * Pools the topical benchmark: adds every (query, article) pair that any engine has returned in its
 * top 10 (`bench/.cache/relevance/topical-results.json`, written by `npm run bench:relevance`) to
 * `judgments.tsv` with the rule's grade, keeping the reviewed grades; and writes a listing of each
 * query's pooled articles (grade, headline, lead) for reading. Reviewed exceptions are edited into
 * `judgments.tsv` by hand (source `review`, with a note).
 * @module
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBaomoi, sharedCorpusPath } from '../../lib/baomoi.js';
import { readJudgments, TopicalJudge, writeJudgments, type Judgment } from './judgments.js';
import { readTopicalPool } from './pool-cache.js';
import { loadTopicalQueries } from './queries.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cacheRoot = path.join(projectRoot, 'bench/.cache/relevance');
const { values } = parseArgs({ options: { listing: { type: 'string', default: path.join(cacheRoot, 'topical-listing.txt') } } });

const articles = loadBaomoi(sharedCorpusPath(projectRoot, 'baomoi-35k'));
const byId = new Map(articles.map((a) => [a.id, a]));
const queries = loadTopicalQueries();
const judgments = readJudgments();
const judge = new TopicalJudge(articles, queries, judgments);
const pool = readTopicalPool(cacheRoot);
const known = new Map(judgments.map((j) => [`${j.query}\t${j.doc}`, j]));
const out: Judgment[] = [...judgments];
let added = 0;
const listing: string[] = [];
for (const q of queries) {
  const docs = new Set<string>();
  const by = new Map<string, string[]>();
  for (const [engine, lists] of Object.entries(pool)) for (const d of lists[q.id] ?? []) { docs.add(d); by.set(d, [...(by.get(d) ?? []), engine]); }
  for (const j of judgments) if (j.query === q.id) docs.add(j.doc);
  listing.push(`## ${q.id} ${JSON.stringify(q.q)} = ${q.topic} [${q.half}] about ${JSON.stringify(q.about)}`);
  const rows = [...docs].filter((d) => byId.has(d)).map((d) => {
    let j = known.get(`${q.id}\t${d}`);
    if (!j) {
      j = { query: q.id, doc: d, grade: judge.ruleGrade(q.id, d), source: 'rule' };
      out.push(j);
      known.set(`${q.id}\t${d}`, j);
      added++;
    }
    return { d, j };
  }).sort((a, b) => b.j.grade - a.j.grade || (a.d < b.d ? -1 : 1));
  for (const { d, j } of rows) {
    const a = byId.get(d)!;
    listing.push(`${j.grade}${j.source === 'review' ? '*' : ' '} ${d} ${a.title}${j.grade < 2 ? `  ‖ ${a.lead.slice(0, 160)}` : ''}  [${(by.get(d) ?? []).map((e) => e.replace('minisearch-', 'ms-')).join(',')}]`);
  }
  listing.push('');
}
writeJudgments(out);
writeFileSync(values.listing!, listing.join('\n'));
console.log(`judgments.tsv: ${out.length} pairs (${added} added by the rule, ${out.filter((j) => j.source === 'review').length} reviewed); listing in ${path.relative(projectRoot, values.listing!)}`);
