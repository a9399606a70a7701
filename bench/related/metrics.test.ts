import { describe, expect, it } from 'vitest';
import { copiesCollapsed, judgedQuality, listsWithCopies, repeatedHeadlineFound, sameCategoryShare, type RelatedList } from './metrics.js';

const list = (ids: string[], sourceCopies: string[] = [], collapsed: string[] = []): RelatedList => ({ ids, sourceCopies, collapsed });

describe('related benchmark metrics', () => {
  it('same-category share counts empty slots as misses', () => {
    const cat: Record<string, string> = { a: 'x', b: 'x', c: 'y', d: 'x' };
    const lists = new Map([['a', list(['b', 'c', 'd'])], ['c', list(['a'])]]);
    const r = sameCategoryShare(lists, (id) => cat[id]);
    expect(r.num).toBe(2);
    expect(r.den).toBe(10);
  });

  it('a repeated headline is found when shown in the top 5 or reported as a copy', () => {
    const groups = [['a', 'b'], ['c', 'd', 'e']];
    const lists = new Map([
      ['a', list(['x', 'y', 'z', 'w', 'v', 'b'])], // b only at 6: not found
      ['b', list([], ['a'])], // reported as a copy of the source
      ['c', list(['d', 'q'], [], ['e'])], // d shown, e collapsed into a shown one
    ]);
    const r = repeatedHeadlineFound(groups, lists);
    expect(r.den).toBe(4); // (a,b), (b,a), (c,d), (c,e); d and e have no list
    expect(r.num).toBe(3);
  });

  it('copies count as collapsed only when reported and not shown', () => {
    const groups = [['a', 'b'], ['c', 'd']];
    const isCopy = (x: string, y: string) => [x, y].sort().join() === 'a,b';
    const lists = new Map([['a', list(['b'], ['b'])], ['b', list(['z'], ['a'])], ['c', list(['d'])]]);
    const r = copiesCollapsed(groups, lists, isCopy);
    expect(r.den).toBe(2);
    expect(r.num).toBe(1);
  });

  it('flags lists showing a copy of the source or two copies of one story', () => {
    const copies = new Set(['s,x', 'p,q']);
    const isCopy = (x: string, y: string) => copies.has([x, y].sort().join());
    const lists = new Map([['s', list(['x', 'y'])], ['t', list(['p', 'q'])], ['u', list(['p', 'y'])]]);
    expect(listsWithCopies(lists, isCopy).num).toBe(2);
  });

  it('judged quality averages over 5 slots and lists unjudged pairs', () => {
    const lists = new Map([['s', list(['a', 'b', 'c'])]]);
    const q = judgedQuality(['s'], lists, { s: { a: 2, b: 0 } });
    expect(q.related.value).toBeCloseTo(1 / 5);
    expect(q.meanGrade).toBeCloseTo(2 / 5);
    expect(q.unjudged).toEqual([['s', 'c']]);
  });
});
