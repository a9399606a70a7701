import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from './build-index.js';
import { LEXICON_BUDGET_BYTES, MIN_PAIR_COUNT, PAIR_BUDGET_BYTES, buildLexicon, choosePairMinimum, pairBudgetFor, type LexiconStats } from './build-lexicon.js';
import { TermCollector } from '../src/index-format/term-collector.js';
import { openLexicon, repeat } from '../test/fixtures/lexicon.fixture.js';

describe('choosePairMinimum', () => {
  // Each pair costs its UTF-8 bytes + 8: "a b" = 11 bytes.
  const pairs: Array<[string, number]> = [['a b', 9], ['c d', 5], ['e f', 5], ['g h', 2], ['i j', 2]];

  it('keeps every pair when they fit', () => {
    expect(choosePairMinimum(pairs, 1000)).toBe(MIN_PAIR_COUNT);
  });

  it('raises the minimum count until the kept pairs fit, keeping whole count groups', () => {
    expect(choosePairMinimum(pairs, 33)).toBe(5); // 9 and both 5s: 33 bytes
    expect(choosePairMinimum(pairs, 32)).toBe(9); // the 5s do not fit together
    expect(choosePairMinimum(pairs, 10)).toBe(10); // nothing fits
  });

  it('never goes below the global minimum', () => {
    expect(choosePairMinimum([], 0)).toBe(MIN_PAIR_COUNT);
  });
});

describe('pairBudgetFor', () => {
  it('gives the pairs their own budget while the rest of the lexicon is small', () => {
    expect(pairBudgetFor(3 * 1048576)).toBe(PAIR_BUDGET_BYTES);
  });
  it('shrinks the pairs as the vocabulary grows, so the whole lexicon stays within its budget', () => {
    expect(pairBudgetFor(18 * 1048576)).toBe(LEXICON_BUDGET_BYTES - 18 * 1048576);
    expect(pairBudgetFor(30 * 1048576)).toBe(0);
  });
});

describe('buildLexicon pair budget', () => {
  const collector = () => {
    const c = new TermCollector();
    for (const t of [...repeat('chính phủ', 6), ...repeat('hà nội', 4), ...repeat('quận ba đình', 2)]) c.add([], [t]);
    return c;
  };

  it('keeps every pair seen twice or more when the budget allows', () => {
    let stats: LexiconStats | null = null;
    const lx = openLexicon(buildLexicon(collector(), { stats: (s) => { stats = s; } }));
    expect(lx.meta.minBigramCount).toBe(MIN_PAIR_COUNT);
    expect(lx.pairCount('ba', 'đình')).toBe(2);
    expect(stats).toMatchObject({ minPairCount: 2, keptPairs: 4, droppedPairs: 0 });
  });

  it('drops the rarest pairs first when the budget is small, and records the minimum it used', () => {
    let stats: LexiconStats | null = null;
    // "chính phủ" costs 19 bytes, "hà nội" 16: room for both, not for the count-2 pairs.
    const lx = openLexicon(buildLexicon(collector(), { pairBudgetBytes: 40, stats: (s) => { stats = s; } }));
    expect(lx.meta.minBigramCount).toBe(4);
    expect(lx.pairCount('chính', 'phủ')).toBe(6);
    expect(lx.pairCount('hà', 'nội')).toBe(4);
    expect(lx.pairCount('ba', 'đình')).toBe(0);
    expect(stats).toMatchObject({ minPairCount: 4, keptPairs: 2, droppedPairs: 2 });
  });

  it('the build reports the dropped pairs as a note, never silently', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vn-lexicon-'));
    try {
      const input = path.join(dir, 'c.jsonl');
      // "chính phủ" and "phủ họp" (3 times each, 39 bytes) fit the budget; "hà nội" and "nội mưa" (twice) do not.
      await writeFile(input, ['chính phủ họp', 'chính phủ họp', 'hà nội mưa', 'hà nội mưa'].map((t, i) => JSON.stringify({ id: `a${i}`, title: t, body: i === 0 ? `${t}. ${t}` : t })).join('\n'));
      const report = await buildIndex({ input, outDir: path.join(dir, 'out'), pairBudgetBytes: 45 });
      const note = report.notes.find((n) => n.source === 'lexicon.bin');
      expect(note?.detail).toMatch(/^kept the 2 word pairs seen at least \d+ times .* dropped 2 rarer ones/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so plainly when no pair fits the budget', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vn-lexicon-'));
    try {
      const input = path.join(dir, 'c.jsonl');
      await writeFile(input, ['chính phủ họp', 'chính phủ họp'].map((t, i) => JSON.stringify({ id: `a${i}`, title: t, body: t })).join('\n'));
      const report = await buildIndex({ input, outDir: path.join(dir, 'out'), pairBudgetBytes: 0 });
      const notes = report.notes.filter((n) => n.source === 'lexicon.bin').map((n) => n.detail);
      expect(notes).toEqual([expect.stringMatching(/^dropped all 2 word pairs seen at least 2 times, because .* no pair evidence$/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
