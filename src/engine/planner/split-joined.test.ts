import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../../test/fixtures/lexicon.fixture.js';
import { analyzeSegments } from './analyze-segments.js';
import { parseQuerySyntax } from '../query-syntax.js';
import { bestSplit, cohesionOf, isJoinedCandidate, joinedAlternatives, joinedPairStarts, mayHoldJoinedWords, MIN_ALTERNATIVE_COHESION, MIN_KNOWN_COHESION, MIN_UNKNOWN_COHESION, pairFits, SPLIT_RATIO, splitJoinedSyllables, splitJoinedText } from './split-joined.js';

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

  it('keeps a known word as typed where the corpus writes it next to its neighbour (`Vietnam Airlines`)', () => {
    expect(split('vietnam airlines')).toBe('vietnam airlines');
    expect(split('vietnam thang')).toBe('viet nam thang');
  });

  it('leaves a word typed with diacritics to typo tolerance', () => {
    expect(split('hànội')).toBe('hànội');
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
    expect(joinedAlternatives(s, lexicon).matches).toEqual([{ start: 0, end: 2, alternatives: [{ folded: ['vietnam'], exact: ['vietnam'] }] }]);
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
    expect(joinedAlternatives(syllables, lx).matches).toEqual([]);
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
    expect(joinedAlternatives(syllables, lx).matches).toEqual([{ start: 0, end: 1, alternatives: [{ folded: ['the', 'thao'], exact: ['the', 'thao'] }] }]);
  });

  it('leaves a typo to typo tolerance when its split is two words that met by chance (`vietlot` is not `việt lọt`)', () => {
    // baomoi-35k: `việt lọt` twice in ~40 M syllables; `giá điện` 130 times.
    const total = 40_000_000;
    expect(pairFits({ count: 2, ofRarer: 0.002, ofCommoner: 0.00004 }, 1, MIN_KNOWN_COHESION, total)).toBe(false);
    expect(pairFits({ count: 130, ofRarer: 0.007, ofCommoner: 0.003 }, 0, MIN_KNOWN_COHESION, total)).toBe(true);
    expect(pairFits({ count: 2, ofRarer: 0.002, ofCommoner: 0.00004 }, 1, MIN_KNOWN_COHESION, total / 1000)).toBe(true);
    expect(MIN_UNKNOWN_COHESION).toBeLessThan(0.007);
  });

  it('prefers fewer, likelier parts (`doan thi huong`, not `do an thi huong`)', () => {
    const lx = lexiconOf([...repeat('bà Đoàn Thị Hương ra tòa', 12), ...repeat('đồ ăn thì ngon', 40), ...repeat('đoàn khách', 30)]);
    const { syllables } = analyzeSegments(parseQuerySyntax('doanthihuong'));
    splitJoinedSyllables(syllables, lx);
    expect(syllables.map((x) => x.folded)).toEqual(['doan', 'thi', 'huong']);
  });

  it('splits words of another language the corpus writes together (`realmadrid`)', () => {
    const lx = lexiconOf([...repeat('Real Madrid thắng', 20), ...repeat('Madrid mưa', 5), ...repeat('tin real', 3)]);
    const { syllables } = analyzeSegments(parseQuerySyntax('realmadrid'));
    splitJoinedSyllables(syllables, lx);
    expect(syllables.map((x) => x.folded)).toEqual(['real', 'madrid']);
  });

  it('does not split quoted words or numbers', () => {
    expect(split('"hanoi"')).toBe('hanoi');
    expect(split('20172018')).toBe('20172018');
  });

  it('splits a word decoded from Telex only when the corpus writes the split far more often than the decoded reading', () => {
    const lx = lexiconOf([...repeat('kết quả xổ số hôm nay', 30), 'ngồi xó nhà']);
    const s = analyzeSegments(parseQuerySyntax('xoso')).syllables;
    // As the Telex stage leaves it: `xoso` read as xố.
    Object.assign(s[0], { exact: 'xố', folded: 'xo', accented: true, decoded: true });
    expect(isJoinedCandidate(s[0])).toBe(true);
    splitJoinedSyllables(s, lx);
    expect(s.map((x) => x.exact)).toEqual(['xo', 'so']);
    expect(s.every((x) => !x.decoded)).toBe(true);
  });

  it('lists the pieces of a joined word that may start a pair (for prefetching pair parts)', () => {
    const starts = joinedPairStarts('hanoi');
    expect(starts).toContain('ha');
    expect(starts).toContain('an');
    expect(starts).not.toContain('noi');
    expect(starts).not.toContain('hanoi');
  });
});

describe('splitJoinedText', () => {
  it('writes the words typed joined as their syllables, in the case typed, the rest as typed', () => {
    expect(splitJoinedText('Hanoi', lexicon)).toBe('Ha noi');
    expect(splitJoinedText('mua o hanoi ', lexicon)).toBe('mua o ha noi ');
    expect(splitJoinedText('online shop', lexicon)).toBe('online shop');
    expect(mayHoldJoinedWords('online shop')).toBe(true);
    expect(mayHoldJoinedWords('ha noi')).toBe(false);
  });
});
