/**
 * The typo step's table (shared by `bench:scale` section 3c and `bench:typo`).
 * @module
 */
import { fmt, fmtInt, markdownTable } from '../lib/table.js';
import type { TypoResult } from './typo-child.js';

const ms = (x: number | null | undefined, d = 1) => fmt(x ?? NaN, d);

/** Markdown table of one typo run: the trie walk (wall and CPU, and by allowed edits) beside the linear scan. */
export function typoTable(typo: TypoResult): string {
  const row = (name: string, s: TypoResult['walk'], words: number, same: string) => [name, fmtInt(typo.syllables), fmtInt(words), ms(s.p50, 3), ms(s.p95, 3), ms(s.p99, 3), ms(s.max, 2), same];
  const byEdits = Object.entries(typo.walkByEdits ?? {}).filter(([k]) => k !== '0').map(([k, s]) => row(`  of which words allowing ${k} edit${k === '1' ? '' : 's'}`, s, s.n, ''));
  return markdownTable(['lookup', 'syllables', 'typo words', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'same candidates'], [
    row('trie walk (fuzzyCandidates)', typo.walk, typo.words, `${typo.words - typo.mismatches}/${typo.words}`),
    ...byEdits,
    row('trie walk, CPU time', typo.walkCpu, typo.words, ''),
    row('linear scan (before)', typo.scan, typo.words, ''),
  ]) + `\n\n${fmtInt(typo.eligible)} of the syllables are typo candidates (seen in enough documents); one edit each (substitution, deletion, insertion or transposition) of real words long enough for typo tolerance (words of under 5 letters get none and cost nothing); lexicon generated in ${(typo.buildMs / 1000).toFixed(1)} s.`;
}

/** Whether a typo run meets the target: p99 ≤ 1 ms (wall) with the scan's candidates for every word. */
export function typoTargetMet(typo: TypoResult): boolean {
  return typo.walk.p99 <= 1 && typo.mismatches === 0;
}
