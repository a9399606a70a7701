import { describe, expect, it } from 'vitest';
import { ADD, CHECK, COUNT, COUNT_AND_MARK, clauseVisits } from './clause-visits.js';
import type { PlannedTerm } from './query-plan.js';

const t = (key: string, clause: number): PlannedTerm => ({ key, weight: 1, clause });
const all = (n: number) => new Array<boolean>(n).fill(true);

describe('clauseVisits', () => {
  it('counts a lone list without a check and leaves evidence outside clauses to the score', () => {
    const terms = [t('ha^noi', -1), t('thai', 0), t('ha noi', 1)];
    expect(clauseVisits(terms, all(3))).toEqual([ADD, COUNT, COUNT]);
  });

  it('lets an exact key after its folded key only add to the score', () => {
    const terms = [t('ty', 0), t('ty=tỷ', 0), t('phu', 1), t('phu=phú', 1), t('ty phu', 2)];
    expect(clauseVisits(terms, all(5))).toEqual([COUNT, ADD, COUNT, ADD, COUNT]);
  });

  it('checks a later list its clause does not cover, and has the first list mark', () => {
    // A synonym or a completion in the clause: documents it holds may lack the first key.
    const terms = [t('ha', 0), t('ha=hà', 0), t('thu do', 0)];
    expect(clauseVisits(terms, all(3))).toEqual([COUNT_AND_MARK, ADD, CHECK]);
  });

  it('does not treat an exact key as covered when its folded key comes later or is absent from the shard', () => {
    expect(clauseVisits([t('ha=hà', 0), t('ha', 0)], all(2))).toEqual([COUNT_AND_MARK, CHECK]);
    expect(clauseVisits([t('ha', 0), t('ha=hà', 0)], [false, true])).toEqual([ADD, COUNT]);
    // A folded key of another syllable covers nothing.
    expect(clauseVisits([t('ho', 0), t('ha=hà', 0)], all(2))).toEqual([COUNT_AND_MARK, CHECK]);
  });

  it('counts a repeated key once', () => {
    expect(clauseVisits([t('ha', 0), t('ha', 0)], all(2))).toEqual([COUNT, ADD]);
  });

  it('gives absent lists no visit that counts', () => {
    expect(clauseVisits([t('ha', 0), t('hb', 0)], [false, false])).toEqual([ADD, ADD]);
    expect(clauseVisits([t('ha', 0), t('hb', 0), t('hc', 0)], [false, true, true])).toEqual([ADD, COUNT_AND_MARK, CHECK]);
  });
});
