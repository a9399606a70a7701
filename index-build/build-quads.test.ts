import { describe, expect, it } from 'vitest';
import { Lexicon } from '../src/index-format/lexicon.js';
import { quadFingerprint } from '../src/index-format/pair-section.js';
import { TermCollector } from '../src/index-format/term-collector.js';
import { buildLexicon } from './build-lexicon.js';
import { chooseQuadMinimum, MIN_QUAD_WEIGHT, QUAD_COST_BYTES } from './build-quads.js';

/** `n` copies of a document. */
type Doc = readonly [string, string, string?];
const repeat = (doc: Doc, n: number): Doc[] => Array.from({ length: n }, () => doc);

/** A lexicon from documents given as [headline, lead, body]. */
function lexiconOf(docs: readonly Doc[], quadBudgetBytes?: number): Lexicon {
  const c = new TermCollector();
  for (const [title, lead, body] of docs) c.add([title], [lead, body], title || undefined);
  return new Lexicon(buildLexicon(c, { quadBudgetBytes }).slice().buffer);
}

const has = (lx: Lexicon, text: string) => {
  const [a, b, c, d] = text.split(' ');
  return lx.hasQuadAt(lx.pairIndex(a, b), quadFingerprint(a, b, c, d));
};

describe('four-syllable windows kept for restoration', () => {
  it('counts windows in headlines, not in leads and bodies', () => {
    const inBody = lexiconOf([...repeat(['', '', 'giá vàng hôm nay tăng mạnh'], 5), ...repeat(['', 'giá vàng hôm nay tăng mạnh'], 5)]);
    expect(inBody.pairCount('giá', 'vàng')).toBe(10); // pairs and triples still come from the text
    expect(has(inBody, 'giá vàng hôm nay')).toBe(false);
    expect(has(lexiconOf([['giá vàng hôm nay tăng mạnh', ''], ...repeat(['', '', 'giá vàng hôm nay tăng mạnh'], 5)]), 'giá vàng hôm nay')).toBe(true); // a headline's, once
  });

  it('keeps a window the headlines repeat', () => {
    const lx = lexiconOf([...repeat(['giá vàng hôm nay tăng mạnh', ''], 2), ['', 'thời tiết hôm nay nắng nóng gay gắt']]);
    expect(has(lx, 'giá vàng hôm nay')).toBe(true);
    expect(has(lx, 'vàng hôm nay tăng')).toBe(true);
    expect(has(lx, 'tiết hôm nay nắng')).toBe(false);
    expect(lx.meta.minQuadCount).toBe(MIN_QUAD_WEIGHT);
  });

  it('keeps a headline window seen once, when its pairs are kept', () => {
    const lx = lexiconOf([['cho cả bồ lẫn vợ', 'ghen tuông cho cả bồ lẫn vợ'], ...repeat(['', 'cho cả nhà'], 2), ...repeat(['', 'bồ lẫn vợ'], 2)]);
    expect(has(lx, 'cho cả bồ lẫn')).toBe(true);
  });

  it('drops a spelling that is not the dominant one of its folded window', () => {
    const lx = lexiconOf([...repeat(['lực lượng chức năng vào cuộc', ''], 20), ...repeat(['lực lương chức năng vào cuộc', ''], 2)]);
    expect(has(lx, 'lực lượng chức năng')).toBe(true); // 20 of 22 occurrences
    expect(has(lx, 'lực lương chức năng')).toBe(false); // a typo seen twice
    const split = lexiconOf([...repeat(['lực lượng chức năng vào cuộc', ''], 5), ...repeat(['lực lương chức năng vào cuộc', ''], 2)]);
    expect(has(split, 'lực lượng chức năng')).toBe(false); // 5 of 7: no spelling dominates
  });

  it('raises the minimum weight to fit the budget, heaviest windows first', () => {
    // weight 5: 10 windows; weight 3: 20; weight 2: 40
    const h = [0, 100, 40, 20, 0, 10];
    expect(chooseQuadMinimum(h, 1e9)).toBe(MIN_QUAD_WEIGHT);
    expect(chooseQuadMinimum(h, 30 * QUAD_COST_BYTES)).toBe(3);
    expect(chooseQuadMinimum(h, 29 * QUAD_COST_BYTES)).toBe(4); // keeps the same 10 as 5 would
    expect(chooseQuadMinimum(h, 9 * QUAD_COST_BYTES)).toBe(6); // none fits
    const lx = lexiconOf([...repeat(['giá vàng hôm nay tăng', ''], 5), ...repeat(['trời mưa to quá đi', ''], 2)], 8);
    expect(has(lx, 'giá vàng hôm nay')).toBe(false); // two windows of weight 6 need 16 bytes
    expect(lx.quadSize).toBe(0);
    expect(lexiconOf([...repeat(['giá vàng hôm nay tăng', ''], 5), ...repeat(['trời mưa to quá đi', ''], 2)], 16).quadSize).toBe(2);
  });

  it('counts the same windows whether documents are analyzed here or merged from another collector', () => {
    const docs: Doc[] = [['cho cả bồ lẫn vợ', ''], ...repeat(['giá vàng hôm nay tăng mạnh', ''], 3), ['giá vàng hôm nay giảm', '']];
    const one = new TermCollector();
    for (const [t, b] of docs) one.add([t], [b], t || undefined);
    const main = new TermCollector();
    const other = new TermCollector();
    docs.forEach(([t, b], i) => (i % 2 ? main : other).add([t], [b], t || undefined));
    main.merge(other.snapshot());
    const sorted = (c: TermCollector) => { const out: string[] = []; c.forEachDominantQuad(2, 0.9, (...q) => out.push(q.join(' '))); return out.sort(); };
    expect(sorted(main)).toEqual(sorted(one));
    expect(sorted(one)).toContain('cho cả bồ lẫn');
    expect(sorted(one)).toContain('giá vàng hôm nay');
  });
});
