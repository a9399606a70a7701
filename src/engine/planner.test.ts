import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../test/fixtures/lexicon.fixture.js';
import { bigramKey, exactKey, foldedKey, titleStartKey } from '../index-format/term-keys.js';
import { planQuery, type PlannerContext } from './planner.js';
import { minimumShouldMatch } from '../scoring/minimum-should-match.js';
import { SHORT_QUERY, WEIGHTS } from '../scoring/query-weights.js';
import type { PlannedTerm } from './query-plan.js';
import { SynonymTable } from './synonym-table.js';

const CORPUS = [
  ...repeat('chính phủ họp phiên thường kỳ', 30),
  ...repeat('chỉnh sửa phụ tùng', 50), // chỉnh and phụ are more frequent alone, never together
  ...repeat('Đảng viên đang học', 2),
  'tòa nhà Landmark 81 có 81 tầng',
  'nhà hát lớn nằm ở trung tâm',
  'phở bò là món ăn nổi tiếng',
  'giá vàng tăng mạnh trong phiên sáng',
];

const ctx: PlannerContext = { lexicon: lexiconOf(CORPUS), synonyms: new SynonymTable() };
const plan = (q: string, prefixLast = false) => planQuery(q, ctx, { prefixLast });

/** The plan's terms with a given key. */
const termsWithKey = (terms: readonly PlannedTerm[], key: string) => terms.filter((t) => t.key === key);
const keys = (terms: readonly PlannedTerm[]) => terms.map((t) => t.key);

describe('planQuery: syllable evidence', () => {
  it('an accented word adds an exact key next to its folded key, in the same clause', () => {
    const { plan: p, interpretedAs } = plan('Đảng');
    expect(p.terms).toContainEqual({ key: foldedKey('dang'), weight: WEIGHTS.folded, clause: 0 });
    expect(p.terms).toContainEqual({ key: exactKey('đảng'), weight: WEIGHTS.exact, clause: 0 });
    expect(p.clauseCount).toBe(1);
    expect(p.highlight.exact).toEqual(['đảng']);
    expect(interpretedAs).toBeUndefined();
  });

  it('an unaccented word adds no exact key when the corpus cannot decide its reading', () => {
    const { plan: p, interpretedAs } = plan('dang');
    expect(keys(p.terms)).toEqual([foldedKey('dang')]);
    expect(p.highlight.folded).toEqual(['dang']);
    expect(interpretedAs).toBeUndefined();
  });

  it('an unaccented query the corpus can restore gets interpretedAs and restored exact keys', () => {
    const { plan: p, interpretedAs } = plan('chinh phu');
    expect(interpretedAs).toBe('chính phủ');
    expect(p.terms).toContainEqual({ key: exactKey('chính'), weight: WEIGHTS.restored, clause: 0 });
    expect(p.terms).toContainEqual({ key: exactKey('phủ'), weight: WEIGHTS.restored, clause: 1 });
    // Restored keys only add to what was typed: the folded keys stay.
    expect(p.terms).toContainEqual({ key: foldedKey('chinh'), weight: WEIGHTS.folded, clause: 0 });
    // The readings the corpus uses more often alone are not chosen.
    expect(keys(p.terms)).not.toContain(exactKey('chỉnh'));
    expect(keys(p.terms)).not.toContain(exactKey('phụ'));
  });

  it('in a query typed with diacritics, restores a word typed without marks only when the corpus never writes it so there', () => {
    // Intentional change (issue 13): `chinh phủ` used to be searched as typed; the corpus never writes
    // "chinh phủ", so the word without marks is restored from its neighbour.
    const { plan: p, interpretedAs } = plan('chinh phủ');
    expect(interpretedAs).toBe('chính phủ');
    expect(p.terms).toContainEqual({ key: exactKey('chính'), weight: WEIGHTS.restored, clause: 0 });
    expect(p.terms).toContainEqual({ key: exactKey('phủ'), weight: WEIGHTS.exact, clause: 1 });
    expect(p.highlight.exact).toEqual(expect.arrayContaining(['chính', 'phủ']));
  });

  it('in a query typed with diacritics, takes a word without marks as written when the corpus writes it so (công ty, not tỷ)', () => {
    const lx = lexiconOf([...repeat('công ty cổ phần', 3), ...repeat('lãi một tỷ đồng', 9)]);
    const { plan: p, interpretedAs } = planQuery('công ty', { lexicon: lx, synonyms: new SynonymTable() });
    expect(interpretedAs).toBeUndefined();
    expect(keys(p.terms)).not.toContain(exactKey('tỷ'));
    // Headlines cover it only with the word as written (its folded key: a syllable without marks).
    expect(p.coverage?.exactKeys).toEqual([exactKey('công'), foldedKey('ty')]);
    expect(p.highlight.exact).toEqual(expect.arrayContaining(['công', 'ty']));
  });

  it('decodes Telex typing to words the corpus has', () => {
    const { plan: p, interpretedAs } = plan('chinhs phur');
    expect(interpretedAs).toBe('chính phủ');
    expect(p.syllables).toEqual(['chinh', 'phu']);
    expect(p.terms).toContainEqual({ key: exactKey('chính'), weight: WEIGHTS.exact, clause: 0 });
    expect(p.terms).toContainEqual({ key: exactKey('phủ'), weight: WEIGHTS.exact, clause: 1 });
  });

  it('splits a word typed with its syllables joined, then plans it as if the spaces had been typed', () => {
    const joined = plan('chinhphu');
    const spaced = plan('chinh phu');
    expect(joined.interpretedAs).toBe('chính phủ');
    expect(joined.plan.syllables).toEqual(['chinh', 'phu']);
    expect(joined.plan.terms).toEqual(spaced.plan.terms);
    expect(joined.plan.minShouldMatch).toBe(spaced.plan.minShouldMatch);
  });

  it('a joined word the corpus also writes as typed keeps matching as typed, through its parts\' clauses', () => {
    const c: PlannerContext = { lexicon: lexiconOf([...CORPUS, ...repeat('chính phủ mở cổng', 40), 'trang chinhphu của nhà nước']), synonyms: new SynonymTable() };
    const { plan: p } = planQuery('chinhphu', c);
    expect(p.syllables).toEqual(['chinh', 'phu']);
    const literal = termsWithKey(p.terms, foldedKey('chinhphu'));
    expect(literal.map((t) => t.clause).sort()).toEqual([0, 1]);
    expect(p.highlight.folded).toContain('chinhphu');
  });

  it('plan.syllables lists the folded syllables in query order, quoted ones included, excluded ones not', () => {
    expect(plan('Chính Phủ họp').plan.syllables).toEqual(['chinh', 'phu', 'hop']);
    expect(plan('giá "phiên sáng" vàng -tăng').plan.syllables).toEqual(['gia', 'phien', 'sang', 'vang']);
    expect(plan('').plan.syllables).toEqual([]);
  });
});

describe('planQuery: adjacency', () => {
  it('adjacent syllables add a pair key as its own clause after the word clauses', () => {
    const { plan: p } = plan('chinh phu');
    expect(p.clauseCount).toBe(2);
    expect(p.pairClauseCount).toBe(1);
    expect(SHORT_QUERY).toBeGreaterThanOrEqual(2);
    expect(p.terms).toContainEqual({ key: bigramKey('chinh', 'phu'), weight: WEIGHTS.shortQueryPair, clause: 2 });
    expect(p.terms).toContainEqual({ key: titleStartKey('chinh', 'phu'), weight: WEIGHTS.titleStart, clause: -1 });
  });

  it('syllables separated by punctuation get no pair key', () => {
    const { plan: p } = plan('chinh, phu');
    expect(p.pairClauseCount).toBe(0);
    expect(keys(p.terms)).not.toContain(bigramKey('chinh', 'phu'));
    expect(keys(p.terms)).not.toContain(titleStartKey('chinh', 'phu'));
  });

  it('long queries use the weaker pair weight', () => {
    const { plan: p } = plan('chính phủ họp phiên thường kỳ');
    expect(p.pairClauseCount).toBe(5);
    const pairs = p.terms.filter((t) => t.key.includes(' ') && !t.key.includes('^'));
    expect(pairs.map((t) => t.key)).toEqual([
      bigramKey('chinh', 'phu'), bigramKey('phu', 'hop'), bigramKey('hop', 'phien'), bigramKey('phien', 'thuong'), bigramKey('thuong', 'ky'),
    ]);
    expect(pairs.every((t) => t.weight === WEIGHTS.pair)).toBe(true);
    expect(pairs.map((t) => t.clause)).toEqual([6, 7, 8, 9, 10]);
  });

  it('a repeated pair gets one pair clause', () => {
    const { plan: p } = plan('giá vàng giá vàng');
    expect(p.clauseCount).toBe(4);
    // "gia vang" twice, "vang gia" once: two distinct pairs.
    expect(p.pairClauseCount).toBe(2);
    expect(termsWithKey(p.terms, bigramKey('gia', 'vang'))).toHaveLength(1);
  });
});

describe('planQuery: minimumShouldMatch', () => {
  it('follows the documented rule: all of ≤3, all but one of 4–6, 40% beyond', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10, 20].map(minimumShouldMatch)).toEqual([1, 2, 3, 3, 4, 5, 3, 4, 4, 8]);
  });

  it('applies the rule to the words of a query', () => {
    const words = 'chính phủ họp phiên thường kỳ chỉnh sửa phụ tùng'.split(' ');
    for (let n = 1; n <= words.length; n++) {
      const { plan: p } = plan(words.slice(0, n).join(' '));
      expect(p.clauseCount, `${n} words`).toBe(n);
      expect(p.minShouldMatch, `${n} words`).toBe(minimumShouldMatch(n));
    }
    expect(plan(words.slice(0, 3).join(' ')).plan.minShouldMatch).toBe(3);
    expect(plan(words.slice(0, 4).join(' ')).plan.minShouldMatch).toBe(3);
    expect(plan(words.slice(0, 6).join(' ')).plan.minShouldMatch).toBe(5);
    expect(plan(words.slice(0, 10).join(' ')).plan.minShouldMatch).toBe(4);
  });

  it('is 0 clauses and never negative for an empty query', () => {
    const { plan: p } = plan('   ');
    expect(p.clauseCount).toBe(0);
    expect(p.minShouldMatch).toBe(0);
    expect(p.terms).toEqual([]);
  });
});

describe('planQuery: question words', () => {
  it('`bao nhiêu` does not count toward minShouldMatch and its terms carry clause −1', () => {
    const { plan: p } = plan('landmark 81 có bao nhiêu tầng');
    expect(p.syllables).toEqual(['landmark', '81', 'co', 'bao', 'nhieu', 'tang']);
    expect(p.clauseCount).toBe(4);
    // The 4 remaining words need 3 (the whole 6-syllable question would need 5).
    expect(p.minShouldMatch).toBe(3);
    for (const key of [foldedKey('bao'), foldedKey('nhieu'), exactKey('nhiêu'), bigramKey('bao', 'nhieu'), bigramKey('co', 'bao'), bigramKey('nhieu', 'tang')]) {
      const ts = termsWithKey(p.terms, key);
      expect(ts.length, key).toBeGreaterThan(0);
      expect(ts.every((t) => t.clause === -1), key).toBe(true);
    }
    // The other words keep their clauses 0..3, in order.
    expect(termsWithKey(p.terms, foldedKey('tang'))[0].clause).toBe(3);
    expect(termsWithKey(p.terms, bigramKey('landmark', '81'))[0].clause).toBe(4);
  });

  it('matches unaccented question phrases too (`bao nhieu`)', () => {
    const { plan: p } = plan('landmark 81 co bao nhieu tang');
    expect(p.clauseCount).toBe(4);
    expect(termsWithKey(p.terms, foldedKey('nhieu')).every((t) => t.clause === -1)).toBe(true);
  });

  it('`ở đâu` and `là gì` are optional when at least two other words remain', () => {
    const where = plan('nhà hát lớn ở đâu').plan;
    expect(where.clauseCount).toBe(3);
    expect(where.minShouldMatch).toBe(3); // all 3 remaining words (5 syllables would need 4)
    expect(termsWithKey(where.terms, exactKey('đâu'))).toEqual([{ key: exactKey('đâu'), weight: WEIGHTS.exact, clause: -1 }]);
    expect(termsWithKey(where.terms, exactKey('ở'))).toEqual([{ key: exactKey('ở'), weight: WEIGHTS.exact, clause: -1 }]);

    const what = plan('phở bò là gì').plan;
    expect(what.clauseCount).toBe(2);
    expect(what.minShouldMatch).toBe(2); // both remaining words
    expect(termsWithKey(what.terms, exactKey('gì'))[0].clause).toBe(-1);
    expect(termsWithKey(what.terms, exactKey('là'))[0].clause).toBe(-1);
    expect(termsWithKey(what.terms, foldedKey('pho'))[0].clause).toBe(0);
  });

  it('never requires more than the whole question would, nor more than the remaining words alone would', () => {
    // 7 syllables need 3 (40%); the 5 remaining words alone would need 4: the smaller wins, and the
    // question words never count toward it (not 1 of 5, as subtracting them would give).
    const { plan: p } = plan('giá vàng phiên sáng tăng bao nhiêu');
    expect(p.clauseCount).toBe(5);
    expect(p.minShouldMatch).toBe(Math.min(minimumShouldMatch(7), minimumShouldMatch(5)));
    expect(p.minShouldMatch).toBe(3);
  });

  it('question words count like any word when fewer than two other words remain', () => {
    const alone = plan('ở đâu').plan;
    expect(alone.clauseCount).toBe(2);
    expect(alone.minShouldMatch).toBe(2);
    expect(alone.terms.every((t) => t.key.includes('^') || t.clause >= 0)).toBe(true);
    expect(plan('nhà ở đâu').plan.clauseCount).toBe(3);
  });

  it('a lone unaccented `dau` is not taken for a question word', () => {
    expect(plan('nhà hát lớn dau').plan.clauseCount).toBe(4);
  });
});

describe('planQuery: query syntax', () => {
  it('a quoted phrase requires its pair keys', () => {
    const { plan: p } = plan('"chính phủ" họp');
    expect(p.required).toEqual([bigramKey('chinh', 'phu')]);
    // It is still scored like the rest of the query.
    expect(p.clauseCount).toBe(3);
    expect(keys(p.terms)).toContain(exactKey('chính'));
  });

  it('a longer quoted phrase requires every adjacent pair, and none across phrases', () => {
    const { plan: p } = plan('"phiên thường kỳ" "chính phủ"');
    expect(p.required).toEqual([bigramKey('phien', 'thuong'), bigramKey('thuong', 'ky'), bigramKey('chinh', 'phu')]);
    expect(keys(p.terms)).not.toContain(bigramKey('ky', 'chinh'));
  });

  it('a quoted single word requires the form typed: exact when accented, folded otherwise', () => {
    expect(plan('"Đảng" viên').plan.required).toEqual([exactKey('đảng')]);
    expect(plan('"dang" vien').plan.required).toEqual([foldedKey('dang')]);
  });

  it('unquoted words require nothing', () => {
    expect(plan('chính phủ họp').plan.required).toEqual([]);
  });

  it('`-word` adds an excluded key (exact when accented) and is not planned as a word', () => {
    const { plan: p } = plan('chính phủ -họp');
    expect(p.excluded).toEqual([exactKey('họp')]);
    expect(keys(p.terms)).not.toContain(foldedKey('hop'));
    expect(p.clauseCount).toBe(2);
    expect(plan('chinh phu -hop').plan.excluded).toEqual([foldedKey('hop')]);
  });

  it('`-"phrase"` excludes its pairs', () => {
    const { plan: p } = plan('chính phủ -"phiên thường kỳ"');
    expect(p.excluded).toEqual([bigramKey('phien', 'thuong'), bigramKey('thuong', 'ky')]);
    expect(p.syllables).toEqual(['chinh', 'phu']);
  });
});

describe('planQuery: expansions', () => {
  it('completes the last word as a prefix only when asked, in the last word\'s clause', () => {
    const withPrefix = plan('chinh ph', true).plan;
    const completions = withPrefix.terms.filter((t) => t.weight === WEIGHTS.prefix);
    expect(completions.map((t) => t.key).sort()).toEqual([foldedKey('phien'), foldedKey('pho'), foldedKey('phu')].sort());
    expect(completions.every((t) => t.clause === 1)).toBe(true);
    expect(plan('chinh ph', false).plan.terms.some((t) => t.weight === WEIGHTS.prefix)).toBe(false);
  });

  it('an abbreviation expands to its long form, which satisfies the abbreviation\'s clause', () => {
    const { plan: p } = plan('ubnd họp');
    expect(p.clauseCount).toBe(2);
    const longForm = [bigramKey('uy', 'ban'), bigramKey('ban', 'nhan'), bigramKey('nhan', 'dan')];
    const expansion = p.terms.filter((t) => longForm.includes(t.key));
    // One pair of the long form carries clause 0 (the abbreviation's); the others only add score.
    expect(expansion.filter((t) => t.clause === 0)).toHaveLength(1);
    expect(expansion.filter((t) => t.clause === -1)).toHaveLength(2);
    expect(expansion.every((t) => t.weight > 0 && t.weight <= WEIGHTS.synonym)).toBe(true);
    expect(p.highlight.phrases).toContainEqual(['uy', 'ban', 'nhan', 'dan']);
  });
});
