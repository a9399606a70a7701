import { describe, expect, it } from 'vitest';
import { headlineLexiconOf, lexiconOf, repeat } from '../../test/fixtures/lexicon.fixture.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { QUAD_CONFIDENCE, RESTORATION_MODEL, restorationPosteriors, restoreDiacritics } from './restore-diacritics.js';

const restore = (lx: Lexicon, q: string) => {
  const folded = q.split(' ');
  return restoreDiacritics(lx, folded, folded.map((_f, i) => i > 0));
};

describe('restoreDiacritics', () => {
  it('picks the reading the corpus uses next to the neighbouring syllable', () => {
    const lx = lexiconOf([
      ...repeat('chính phủ họp phiên thường kỳ', 30),
      ...repeat('chỉnh sửa phụ tùng', 50), // chỉnh and phụ are more frequent alone, never together
    ]);
    expect(restore(lx, 'chinh phu')).toEqual(['chính', 'phủ']);
  });

  it('considers a rare reading when the corpus pairs it with the neighbour (nhiệt đới)', () => {
    // Nine readings of "doi" are more frequent than đới, which only occurs in "nhiệt đới".
    const common = ['đối', 'đội', 'đổi', 'đời', 'đôi', 'đòi', 'dõi', 'đợi', 'dội'];
    const lx = lexiconOf([
      ...common.flatMap((w) => repeat(`người ${w} mới`, 40)),
      ...repeat('áp thấp nhiệt đới mạnh lên', 30),
    ]);
    expect(lx.readings('doi', 8).map((r) => r.exact)).not.toContain('đới');
    expect(restore(lx, 'nhiet doi')).toEqual(['nhiệt', 'đới']);
    expect(restore(lx, 'ap thap nhiet doi manh')).toEqual(['áp', 'thấp', 'nhiệt', 'đới', 'mạnh']);
  });

  it('trusts a seen pair over readings that are merely frequent, even after a very common syllable', () => {
    // "hà" is followed by many things (Hà Nội), so Hà Đông is a small share of what follows it; động
    // and đồng are far more frequent than đông on their own, but never follow hà.
    const lx = lexiconOf([
      ...repeat('hà nội', 300),
      ...repeat('quận hà đông', 30),
      ...repeat('hoạt động', 30),
      ...repeat('đồng tiền', 30),
    ]);
    expect(restore(lx, 'ha dong')).toEqual(['hà', 'đông']);
    expect(restore(lx, 'quan ha dong')).toEqual(['quận', 'hà', 'đông']);
  });

  it('reads four words as the archive repeats them, where triples alone pick the likelier reading', () => {
    const lx = headlineLexiconOf([
      ...repeat('quà tặng cho cả bố lẫn mẹ', 12), // bố lẫn, cả bố lẫn: far more frequent
      ...repeat('ghen tuông cho cả bồ lẫn vợ', 2), // the windows around bồ (tuông cho cả bồ, cả bồ lẫn vợ) only in this spelling
    ]);
    const q = ['ghen', 'tuong', 'cho', 'ca', 'bo', 'lan', 'vo'];
    const adjacent = q.map((_f, i) => i > 0);
    expect(restorationPosteriors(lx, q, adjacent)[4]).toMatchObject({ reading: 'bồ', confidence: QUAD_CONFIDENCE });
    RESTORATION_MODEL.quads = false;
    try {
      expect(restorationPosteriors(lx, ['cho', 'ca', 'bo', 'lan'], [false, true, true, true])[2].reading).toBe('bố');
    } finally {
      RESTORATION_MODEL.quads = true;
    }
    // Without a fourth adjacent word, no window decides.
    expect(restorationPosteriors(lx, ['cho', 'ca', 'bo', 'lan'], [false, true, true, false])[2].reading).toBe('bố');
    // A syllable typed with its marks keeps them.
    expect(restorationPosteriors(lx, ['cho', 'ca', 'bo', 'lan'], [false, true, true, true], [null, null, 'bố', null])[2].reading).toBe('bố');
  });

  it('leaves a syllable ambiguous when neither pairs nor frequency decide', () => {
    const lx = lexiconOf(['đang học', 'Đảng viên', 'dạng bài', 'đáng tiền']);
    expect(restore(lx, 'dang')).toEqual([null]);
  });

  it('restores a lone syllable whose one reading dominates', () => {
    const lx = lexiconOf([...repeat('nhiều người', 90), 'nhiêu khê']);
    expect(restore(lx, 'nhieu')).toEqual(['nhiều']);
  });

  it('returns null for syllables the corpus does not know and does not guess across a gap', () => {
    const lx = lexiconOf(repeat('chính phủ', 30));
    expect(restore(lx, 'xyz')).toEqual([null]);
    // Not adjacent (e.g. separated by punctuation): no pair evidence, and each reading alone is certain.
    expect(restoreDiacritics(lx, ['chinh', 'phu'], [false, false])).toEqual(['chính', 'phủ']);
  });

  it('sees one more word of context than pairs: taxi truyen thong → truyền thống', () => {
    const lx = lexiconOf([
      ...repeat('truyền thông xã hội', 200),
      ...repeat('hãng taxi truyền thống', 30),
      ...repeat('taxi công nghệ', 30),
    ]);
    expect(restore(lx, 'truyen thong')).toEqual(['truyền', 'thông']);
    expect(restore(lx, 'taxi truyen thong')).toEqual([null, 'truyền', 'thống']); // taxi is written as typed
    // The pairs alone read truyền thông: the triple is what decides.
    try {
      RESTORATION_MODEL.triples = false;
      expect(restorationPosteriors(lx, ['taxi', 'truyen', 'thong'], [false, true, true])[2].reading).toBe('thông');
    } finally {
      RESTORATION_MODEL.triples = true;
    }
  });

  it('asks for more evidence than a small archive has: one or two observations stay open', () => {
    // A 3-document archive: each reading seen once or twice, however unambiguous.
    const small = lexiconOf(['đảng viên họp chi bộ', 'chính phủ họp', 'chính phủ ban hành']);
    expect(restore(small, 'dang')).toEqual([null]);
    expect(restore(small, 'chinh phu')).toEqual([null, null]);
    expect(restorationPosteriors(small, ['dang'], [false])[0]).toMatchObject({ reading: 'đảng', count: 1 });
    // The same text seen often enough is restored.
    const large = lexiconOf([...repeat('đảng viên họp chi bộ', 40), ...repeat('chính phủ họp', 20), ...repeat('chính phủ ban hành', 20)]);
    expect(restore(large, 'dang')).toEqual(['đảng']);
    expect(restore(large, 'chinh phu')).toEqual(['chính', 'phủ']);
  });

  it('gives every syllable a posterior in [0, 1] and the same answer every time', () => {
    const lx = lexiconOf([...repeat('chính phủ họp', 20), ...repeat('chỉnh sửa phụ tùng', 10), ...repeat('đang họp', 5)]);
    const q = ['chinh', 'phu', 'dang', 'hop'];
    const first = restorationPosteriors(lx, q, [false, true, true, true]);
    for (const p of first) {
      expect(p.posterior).toBeGreaterThanOrEqual(0);
      expect(p.posterior).toBeLessThanOrEqual(1 + 1e-12);
      expect(p.confidence).toBeLessThanOrEqual(p.posterior);
    }
    expect(restorationPosteriors(lx, q, [false, true, true, true])).toEqual(first);
  });
});
