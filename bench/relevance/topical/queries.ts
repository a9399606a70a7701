/**
 * The topical query set (`queries.json`): short queries as readers type them, each with the topic it
 * asks for written down as concepts (see `judge.ts`), the way it was typed (with diacritics, without,
 * or in Telex), its kind, the corpus subject it belongs to, and its half (`tuning`: looked at while
 * tuning the ranking; `held-out`: reported, never looked at). How the set was made: `README.md`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topic } from './judge.js';

/** One topical query. */
export interface TopicalQuery {
  /** `t001` … */
  id: string;
  /** What is typed into the search box. */
  q: string;
  /** The topic in accented spelling (what `q` means). */
  topic: string;
  /** How `q` was typed: the topic as written, without diacritics, or in Telex (standard order). */
  typed: 'diacritics' | 'plain' | 'telex';
  kind: 'topic' | 'name' | 'place' | 'event' | 'abbreviation' | 'organization';
  /** Corpus subject (for spreading the set and splitting the halves evenly). */
  subject: string;
  half: 'tuning' | 'held-out';
  /** Concepts, each with the phrases that name it. */
  about: Topic;
}

/** The halves in report order. */
export const HALVES = ['tuning', 'held-out'] as const;

/** Path of the query file. */
export const QUERIES_FILE = fileURLToPath(new URL('./queries.json', import.meta.url));

/** Reads the query set. */
export function loadTopicalQueries(file = QUERIES_FILE): TopicalQuery[] {
  return JSON.parse(readFileSync(file, 'utf8')) as TopicalQuery[];
}
