/**
 * The judged sample's grades (`judgments.json`, committed) and the pool of pairs still to grade.
 * Pooling: the first related articles of every engine for every judged source are graded together,
 * shuffled and without saying which engine found them, so no engine is graded differently.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Grades } from './metrics.js';

/** The committed judgments. */
export interface Judgments {
  /** How a (source, related) pair is graded. */
  rule: string[];
  /** Who graded, how, and when. */
  method: string[];
  /** Grades by source id, then related id. */
  grades: Record<string, Record<string, number>>;
}

/** Reads the judgments file (an empty set of grades when it does not exist). */
export function readJudgments(file: string): Judgments {
  if (!existsSync(file)) return { rule: [], method: [], grades: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Judgments;
}

/** An article as shown to the grader. */
export interface PoolArticle {
  id: string;
  title: string;
  /** Lead, or the body's opening when there is no lead (≤ 400 characters). */
  lead: string;
}

/** One source with the ungraded articles any engine showed for it, shuffled. */
export interface PoolEntry {
  source: PoolArticle;
  candidates: Array<PoolArticle & { grade: number | null }>;
}

/** FNV-1a of a string: a stable shuffle key that does not depend on which engine found an article. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The ungraded pairs of the pool: for each judged source, the union of the engines' shown articles
 * that `grades` lacks, ordered by a hash of (source, article).
 */
export function ungradedPool(sources: readonly string[], shown: ReadonlyArray<ReadonlyMap<string, { ids: string[] }>>, grades: Grades, article: (id: string) => PoolArticle, top: number): PoolEntry[] {
  const out: PoolEntry[] = [];
  for (const s of sources) {
    const ids = new Set<string>();
    for (const lists of shown) for (const id of lists.get(s)?.ids.slice(0, top) ?? []) if (grades[s]?.[id] === undefined) ids.add(id);
    if (ids.size === 0) continue;
    const candidates = [...ids].sort((a, b) => fnv(`${s}/${a}`) - fnv(`${s}/${b}`)).map((id) => ({ ...article(id), grade: null }));
    out.push({ source: article(s), candidates });
  }
  return out;
}

/** Writes a pool for grading (JSON, one entry per source). */
export function writePool(file: string, pool: readonly PoolEntry[]): void {
  writeFileSync(file, `${JSON.stringify(pool, null, 1)}\n`);
}

/**
 * Merges the grades filled into a pool file (0, 1 or 2; null entries are skipped) into the
 * judgments file, keeping its rule and method. Returns the number of grades added.
 */
export function importGrades(poolFile: string, judgmentsFile: string): number {
  const pool = JSON.parse(readFileSync(poolFile, 'utf8')) as PoolEntry[];
  const j = readJudgments(judgmentsFile);
  let added = 0;
  for (const e of pool) {
    for (const c of e.candidates) {
      if (c.grade === null) continue;
      if (![0, 1, 2].includes(c.grade)) throw new Error(`grade of ${e.source.id} → ${c.id} must be 0, 1 or 2 (got ${JSON.stringify(c.grade)})`);
      (j.grades[e.source.id] ??= {})[c.id] = c.grade;
      added++;
    }
  }
  const sorted: Record<string, Record<string, number>> = {};
  for (const s of Object.keys(j.grades).sort()) sorted[s] = Object.fromEntries(Object.entries(j.grades[s]).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(judgmentsFile, `${JSON.stringify({ ...j, grades: sorted }, null, 2)}\n`);
  return added;
}
