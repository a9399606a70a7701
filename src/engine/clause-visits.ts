/**
 * How a shard visits each posting list of a plan to count the clauses a document matches. A clause
 * (one query word, or one adjacent pair) may have several lists — typically a syllable's folded key
 * and its exact key (`ha`, `ha=hà`) — and must count a document once however many of them hold it.
 * Checking "was this document counted for this clause already?" at every posting is the costly part
 * of evaluating common words, and most lists never need it:
 *
 * - the first list of a clause cannot meet a document the clause counted (lists are visited clause by
 *   clause), so it counts without checking;
 * - an exact key's documents all hold its folded key (`term-keys.ts`), so an exact key visited after
 *   its folded key in the same clause only adds to the score;
 * - only a later list that is not so covered (a synonym, a completion, another reading) checks, and
 *   only then must the clause's earlier lists leave their mark.
 * @module
 */
import { foldedKeyOfExact } from '../index-format/term-keys.js';
import type { PlannedTerm } from './query-plan.js';

/** Adds to the score only: evidence outside any clause (clause -1), or a list covered by an earlier one of its clause. */
export const ADD = 0;
/** The first list of its clause, and no later list checks: counts every document without a check. */
export const COUNT = 1;
/** The first list of its clause, and a later list checks: counts and marks every document. */
export const COUNT_AND_MARK = 2;
/** A later list of its clause that earlier ones do not cover: counts the documents not yet marked, and marks them. */
export const CHECK = 3;

/** One of {@link ADD}, {@link COUNT}, {@link COUNT_AND_MARK}, {@link CHECK}. */
export type ClauseVisit = typeof ADD | typeof COUNT | typeof COUNT_AND_MARK | typeof CHECK;

/**
 * The visit of each list, for terms sorted by clause (each clause's terms together, in plan order).
 * `present[i]` says whether term i has a list in this shard: a key absent here covers nothing.
 */
export function clauseVisits(terms: readonly PlannedTerm[], present: readonly boolean[]): ClauseVisit[] {
  const visits: ClauseVisit[] = new Array(terms.length).fill(ADD);
  let start = 0;
  while (start < terms.length) {
    const c = terms[start].clause;
    let end = start + 1;
    while (end < terms.length && terms[end].clause === c) end++;
    if (c >= 0) {
      let first = -1;
      for (let i = start; i < end; i++) {
        if (!present[i]) continue;
        if (first < 0) {
          visits[(first = i)] = COUNT;
          continue;
        }
        // A clause has a few lists (a word's folded and exact keys, a synonym): compare with each.
        const key = terms[i].key;
        const folded = foldedKeyOfExact(key);
        let covered = false;
        for (let j = start; j < i && !covered; j++) covered = present[j] && (terms[j].key === key || terms[j].key === folded);
        if (!covered) {
          visits[i] = CHECK;
          visits[first] = COUNT_AND_MARK;
        }
      }
    }
    start = end;
  }
  return visits;
}
