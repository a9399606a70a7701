/**
 * Graded judgments of the topical set: the rule (`judge.ts`) applied to every article, with the
 * exceptions found by reading the pooled results (`judgments.tsv`, source `review`). The TSV also
 * records the rule's grade of every pooled (query, article) pair, so the committed file shows what was
 * judged; articles outside the pool are judged by the rule when an engine returns them, and the report
 * counts how often that happened.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BaomoiArticle } from '../../lib/baomoi.js';
import { TopicMatcher, runsOf, type Grade, type Runs } from './judge.js';
import type { TopicalQuery } from './queries.js';

/** Path of the judgments file. */
export const JUDGMENTS_FILE = fileURLToPath(new URL('./judgments.tsv', import.meta.url));

/** One judged pair. */
export interface Judgment {
  query: string;
  doc: string;
  grade: Grade;
  /** `rule`: the rule's grade, checked; `review`: a reader's grade that overrides the rule. */
  source: 'rule' | 'review';
  /** Why a review overrode the rule. */
  note?: string;
}

const HEADER = 'query\tdoc\tgrade\tsource\tnote';

/** Reads `judgments.tsv` (empty when the file does not exist). */
export function readJudgments(file = JUDGMENTS_FILE): Judgment[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '').map((line, i) => {
    const [query, doc, grade, source, note] = line.split('\t');
    const g = Number(grade);
    if (!query || !doc || ![0, 1, 2].includes(g) || (source !== 'rule' && source !== 'review')) throw new Error(`${file}:${i + 2}: malformed judgment ${JSON.stringify(line)}`);
    return { query, doc, grade: g as Grade, source, ...(note ? { note } : {}) };
  });
}

/** Writes judgments sorted by query, then document. */
export function writeJudgments(judgments: readonly Judgment[], file = JUDGMENTS_FILE): void {
  const rows = [...judgments].sort((a, b) => (a.query < b.query ? -1 : a.query > b.query ? 1 : a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
  writeFileSync(file, [HEADER, ...rows.map((j) => [j.query, j.doc, j.grade, j.source, j.note ?? ''].join('\t'))].join('\n') + '\n');
}

/** Grades articles for topical queries: reviewed exceptions first, then the rule. */
export class TopicalJudge {
  private readonly matchers = new Map<string, TopicMatcher>();
  private readonly reviewed = new Map<string, Grade>();
  private readonly pooled = new Set<string>();
  private readonly titles: Runs[] = [];
  private readonly leads: Runs[] = [];
  private readonly index = new Map<string, number>();
  private readonly bodies = new Map<number, Runs>();
  /** Exact syllable → articles whose headline or lead contains it (ascending). */
  private readonly bySyllable = new Map<string, number[]>();
  /** Graded (query, article) pairs not in the committed pool. */
  outsidePool = 0;

  /**
   * @param articles the corpus (titles and leads are analyzed once, bodies on demand)
   * @param queries the topical set
   * @param judgments the committed judgments
   */
  constructor(private readonly articles: readonly BaomoiArticle[], queries: readonly TopicalQuery[], judgments: readonly Judgment[]) {
    for (const q of queries) this.matchers.set(q.id, new TopicMatcher(q.about));
    for (const j of judgments) {
      this.pooled.add(`${j.query}\t${j.doc}`);
      if (j.source === 'review') this.reviewed.set(`${j.query}\t${j.doc}`, j.grade);
    }
    articles.forEach((a, i) => {
      this.index.set(a.id, i);
      this.titles.push(runsOf(a.title));
      this.leads.push(runsOf(a.lead));
      for (const s of new Set([...this.titles[i], ...this.leads[i]].flat())) {
        const list = this.bySyllable.get(s);
        if (list) list.push(i);
        else this.bySyllable.set(s, [i]);
      }
    });
  }

  /** The rule's grade (ignores reviews). */
  ruleGrade(query: string, doc: string): Grade {
    const i = this.index.get(doc);
    const m = this.matchers.get(query);
    if (i === undefined || !m) return 0;
    return m.grade({ title: this.titles[i], lead: this.leads[i], body: () => this.body(i) });
  }

  /** The grade of an article for a query (counts pairs outside the pool). */
  grade(query: string, doc: string): Grade {
    const key = `${query}\t${doc}`;
    const r = this.reviewed.get(key);
    if (r !== undefined) return r;
    if (!this.pooled.has(key)) this.outsidePool++;
    return this.ruleGrade(query, doc);
  }

  /**
   * The best ten grades any ranking could have for a query: every article the rule grades from its
   * headline or lead, every reviewed article and the given extra ones (those an engine returned).
   */
  idealGrades(query: string, extra: Iterable<string>, k = 10): Grade[] {
    const m = this.matchers.get(query)!;
    const grades: Grade[] = [];
    const seen = new Set<string>();
    const add = (doc: string) => {
      if (seen.has(doc)) return;
      seen.add(doc);
      const key = `${query}\t${doc}`;
      const g = this.reviewed.get(key) ?? this.ruleGrade(query, doc);
      if (g > 0) grades.push(g);
    };
    // Only articles whose headline or lead contains some phrase's first syllable can be graded above 0
    // from their headline or lead.
    const candidates = new Set<number>();
    for (const s of m.firstSyllables()) for (const i of this.bySyllable.get(s) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      if (m.named(this.titles[i]).some(Boolean) || m.named(this.leads[i]).every(Boolean)) add(this.articles[i].id);
    }
    for (const key of this.reviewed.keys()) if (key.startsWith(`${query}\t`)) add(key.slice(query.length + 1));
    for (const d of extra) add(d);
    return grades.sort((a, b) => b - a).slice(0, k);
  }

  private body(i: number): Runs {
    let b = this.bodies.get(i);
    if (!b) { b = runsOf(this.articles[i].body); this.bodies.set(i, b); }
    return b;
  }
}
