import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { analyzeSegments } from './analyze-segments.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { bestSplit, cohesionOf, isJoinedCandidate, joinedAlternatives, joinedPairStarts, MIN_ALTERNATIVE_COHESION, MIN_KNOWN_COHESION, MIN_UNKNOWN_COHESION, pairFits, SPLIT_RATIO, splitJoinedSyllables } from './split-joined.js';

const CORPUS = [
  ...repeat('mưa lớn ở Hà Nội gây ngập', 30),
  ...repeat('Việt Nam thắng Thái Lan', 25),
  ...repeat('giá vàng hôm nay tăng', 12),
  ...repeat('đội tuyển Việt Nam tập ở Đà Nẵng', 8),
  ...repeat('Vietnam Airlines mở đường bay', 2),
  ...repeat('dân áng chừng', 1),
  ...repeat('bán hàng online trên Facebook', 6),
  ...repeat('ôn lì nè', 1),
];
const lexicon = lexiconOf(CORPUS);

const syllablesOf = (q: string) => {
  const { syllables } = analyzeSegments(parseQuerySyntax(q));
  splitJoinedSyllables(syllables, lexicon);
  return syllables;
};
const split = (q: string) => syllablesOf(q).map((s) => s.exact).join(' ');

describe('splitJoinedSyllables', () => {
  it('splits a word typed without spaces into the syllables the corpus writes adjacently', () => {
    expect(split('hanoi')).toBe('ha noi');
    expect(split('giavanghomnay')).toBe('gia vang hom nay');
    expect(split('danang')).toBe('da nang');
  });

  it('keeps the diacritics typed in a joined word', () => {
    expect(split('hànội')).toBe('hà nội');
  });

  it('splits inside a longer query and marks the parts adjacent to each other, not to the word before', () => {
    const s = syllablesOf('mua hanoi');
    expect(s.map((x) => x.exact)).toEqual(['mua', 'ha', 'noi']);
    expect(s.map((x) => x.adjacent)).toEqual([false, true, true]);
    expect(s[1].joined).toEqual({ literal: 'hanoi', literalExact: 'hanoi', part: 0, parts: 2 });
    expect(s[2].joined).toMatchObject({ part: 1, parts: 2 });
    const comma = syllablesOf('mua, hanoi');
    expect(comma.map((x) => x.adjacent)).toEqual([false, false, true]);
  });

  it('prefers the split whose weakest pair the corpus writes most (`da nang`, not `dan ang`)', () => {
    const best = bestSplit('danang', lexicon);
    expect(best?.cuts).toEqual([0, 2, 6]);
  });

  it('leaves a word alone when no split is something the corpus writes, or when it is one syllable', () => {
    expect(split('online')).toBe('online');
    expect(split('facebook')).toBe('facebook');
    expect(split('thang')).toBe('thang');
    expect(split('hanoix')).toBe('hanoix');
  });

  it('splits a word the corpus also writes joined only when the split is far more frequent', () => {
    // `vietnam` occurs in 2 documents, `việt nam` in 33: more than SPLIT_RATIO times as often.
    expect(33).toBeGreaterThanOrEqual(SPLIT_RATIO * 2);
    expect(split('vietnam')).toBe('viet nam');
    // …and keeps matching as typed: the word is an alternative of its parts.
    const s = syllablesOf('vietnam');
    expect(joinedAlternatives(s, lexicon)).toEqual([{ start: 0, end: 2, alternatives: [{ folded: ['vietnam'], exact: ['vietnam'] }] }]);
    const rare = lexiconOf([...repeat('Việt Nam thắng', 15), ...repeat('Vietnam Airlines', 2)]);
    const { syllables } = analyzeSegments(parseQuerySyntax('vietnam'));
    splitJoinedSyllables(syllables, rare);
    expect(syllables.map((x) => x.exact)).toEqual(['vietnam']);
  });

  it('leaves a word the corpus knows alone when its split is two words that merely meet (HOSE is not `họ sẽ`)', () => {
    const lx = lexiconOf([
      ...repeat('họ sẽ đi', 40), ...repeat('họ làm việc', 2000), ...repeat('sẽ có mưa', 2000),
      ...repeat('cổ phiếu trên HOSE tăng', 3),
    ]);
    const p = cohesionOf(lx, 'ho', 'se');
    expect(p.count).toBeGreaterThanOrEqual(SPLIT_RATIO * 3);
    expect(p.ofCommoner).toBeLessThan(MIN_ALTERNATIVE_COHESION);
    expect(pairFits(p, 3)).toBe(false);
    const { syllables } = analyzeSegments(parseQuerySyntax('hose'));
    splitJoinedSyllables(syllables, lx);
    expect(syllables.map((x) => x.exact)).toEqual(['hose']);
    expect(syllables[0].splitAlternative).toBeUndefined();
    expect(joinedAlternatives(syllables, lx)).toEqual([]);
  });

  it('keeps a known word whose split fits less well as typed, with its split as an alternative (`thethao`)', () => {
    const lx = lexiconOf([
      ...repeat('tin thể thao', 60), ...repeat('có thể làm', 1000), ...repeat('thảo luận', 300),
      ...repeat('trang thethao', 3),
    ]);
    const p = cohesionOf(lx, 'the', 'thao');
    expect(p.ofCommoner).toBeLessThan(MIN_KNOWN_COHESION);
    expect(p.ofCommoner).toBeGreaterThanOrEqual(MIN_ALTERNATIVE_COHESION);
    const { syllables } = analyzeSegments(parseQuerySyntax('thethao'));
    splitJoinedSyllables(syllables, lx);
    expect(syllables.map((x) => x.exact)).toEqual(['thethao']);
    expect(joinedAlternatives(syllables, lx)).toEqual([{ start: 0, end: 1, alternatives: [{ folded: ['the', 'thao'], exact: ['the', 'thao'] }] }]);
  });

  it('leaves a typo to typo tolerance when its split is not a pair the corpus keeps (`vietlot` is not `việt lọt`)', () => {
    const lx = lexiconOf([
      ...repeat('người Việt ở xa', 300), ...repeat('lọt vào chung kết', 300), ...repeat('người Việt lọt vào', 2),
      ...repeat('trúng Vietlott', 5),
    ]);
    const p = cohesionOf(lx, 'viet', 'lot');
    expect(p.count).toBe(2);
    expect(p.ofRarer).toBeLessThan(MIN_UNKNOWN_COHESION);
    const { syllables } = analyzeSegments(parseQuerySyntax('vietlot'));
    splitJoinedSyllables(syllables, lx);
    expect(syllables.map((x) => x.exact)).toEqual(['vietlot']);
  });

  it('does not split quoted words, numbers or words decoded from an input method', () => {
    expect(split('"hanoi"')).toBe('hanoi');
    const s = analyzeSegments(parseQuerySyntax('hanoi')).syllables;
    s[0].decoded = true;
    expect(isJoinedCandidate(s[0])).toBe(false);
  });

  it('lists the pieces of a joined word that may start a pair (for prefetching pair parts)', () => {
    const starts = joinedPairStarts('hanoi');
    expect(starts).toContain('ha');
    expect(starts).toContain('an');
    expect(starts).not.toContain('noi');
    expect(starts).not.toContain('hanoi');
  });
});
