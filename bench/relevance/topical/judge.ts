/**
 * The judging rule of the topical benchmark. A query's topic is written down as concepts, each with
 * the phrases that name it (`hạn hán miền nam` = [hạn hán | khô hạn | nắng hạn …] and [miền nam |
 * nam bộ | đbscl …]); an article is graded by where those phrases occur:
 * - 2, "about it, and the headline says so": the headline names every concept;
 * - 1, "about it": the lead (sapo) names every concept, or the headline names some and the article
 *   names the rest, and the article names every concept at least twice (it keeps talking about it);
 * - 0, "mentions it at most": anything else (the words only in the body, named once, or not at all).
 * Phrases are compared as the analyzer's exact syllables (lower case, canonical tone placement,
 * diacritics kept) in unbroken runs, so `Bão` in a headline and `bão` in a lead are the same word and
 * `bao` is not. Reviewed exceptions (`judgments.tsv`, source `review`) override the rule.
 * @module
 */
import { analyzeQueryText } from '../../../src/analyzer/analyze.js';
import type { Token } from '../../../src/analyzer/tokenize.js';

/** A relevance grade. */
export type Grade = 0 | 1 | 2;

/** A topic: every concept must be named, by any of its phrases. */
export type Topic = ReadonlyArray<ReadonlyArray<string>>;

/** An article as the judge reads it. */
export interface JudgedText {
  title: string;
  lead: string;
  body: string;
}

/** A text as runs of exact syllables (a run breaks at punctuation). */
export type Runs = string[][];

/** The runs of exact syllables of a text: tokens joined to their predecessor stay in one run. */
export function runsOf(text: string): Runs {
  const runs: Runs = [];
  let cur: string[] = [];
  for (const t of analyzeQueryText(text) as Token[]) {
    if (!t.joined && cur.length) { runs.push(cur); cur = []; }
    cur.push(t.exact);
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/** A topic compiled for matching: each concept as the exact-syllable sequences of its phrases. */
export class TopicMatcher {
  private readonly concepts: string[][][];

  /** @param topic the concepts and their phrases */
  constructor(topic: Topic) {
    this.concepts = topic.map((phrases) => phrases.map((p) => analyzeQueryText(p).map((t) => t.exact)).filter((s) => s.length > 0));
    if (this.concepts.some((c) => c.length === 0)) throw new Error(`a concept without any phrase in ${JSON.stringify(topic)}`);
  }

  /** Number of concepts. */
  get size(): number {
    return this.concepts.length;
  }

  /** The first syllable of every phrase (an article naming a concept contains one of them). */
  firstSyllables(): string[] {
    return [...new Set(this.concepts.flat().map((p) => p[0]))];
  }

  /** Per concept, whether the runs name it. */
  named(runs: Runs): boolean[] {
    return this.concepts.map((phrases) => phrases.some((p) => runs.some((r) => countRun(r, p) > 0)));
  }

  /** Per concept, how often the runs name it (by any phrase). */
  mentions(runs: Runs): number[] {
    return this.concepts.map((phrases) => phrases.reduce((n, p) => n + runs.reduce((m, r) => m + countRun(r, p), 0), 0));
  }

  /** Grades an article (see the module comment). */
  grade(a: JudgedText | { title: Runs; lead: Runs; body: () => Runs }): Grade {
    const title = typeof a.title === 'string' ? runsOf(a.title) : a.title;
    const inTitle = this.named(title);
    if (inTitle.every(Boolean)) return 2;
    const lead = typeof a.lead === 'string' ? runsOf(a.lead) : a.lead;
    const inLead = this.named(lead);
    if (!inLead.every(Boolean) && !inTitle.some(Boolean)) return 0;
    const all = [...title, ...lead, ...(typeof a.body === 'string' ? runsOf(a.body) : a.body())];
    return this.mentions(all).every((n) => n >= 2) ? 1 : 0;
  }
}

/** How often `run` contains `seq` as consecutive elements. */
function countRun(run: readonly string[], seq: readonly string[]): number {
  let n = 0;
  outer: for (let i = 0; i + seq.length <= run.length; i++) {
    for (let k = 0; k < seq.length; k++) if (run[i + k] !== seq[k]) continue outer;
    n++;
  }
  return n;
}
