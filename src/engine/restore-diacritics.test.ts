import { describe, expect, it } from 'vitest';
import { lexiconOf, repeat } from '../../test/fixtures/lexicon.fixture.js';
import type { Lexicon } from '../index-format/lexicon.js';
import { restoreDiacritics } from './restore-diacritics.js';

const restore = (lx: Lexicon, q: string) => {
  const folded = q.split(' ');
  return restoreDiacritics(lx, folded, folded.map((_f, i) => i > 0));
};

describe('restoreDiacritics', () => {
  it('picks the reading the corpus uses next to the neighbouring syllable', () => {
    const lx = lexiconOf([
      ...repeat('chính phủ họp phiên thường kỳ', 3),
      ...repeat('chỉnh sửa phụ tùng', 5), // chỉnh and phụ are more frequent alone, never together
    ]);
    expect(restore(lx, 'chinh phu')).toEqual(['chính', 'phủ']);
  });

  it('considers a rare reading when the corpus pairs it with the neighbour (nhiệt đới)', () => {
    // Nine readings of "doi" are more frequent than đới, which only occurs in "nhiệt đới".
    const common = ['đối', 'đội', 'đổi', 'đời', 'đôi', 'đòi', 'dõi', 'đợi', 'dội'];
    const lx = lexiconOf([
      ...common.flatMap((w) => repeat(`người ${w} mới`, 6)),
      ...repeat('áp thấp nhiệt đới mạnh lên', 3),
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
      ...repeat('quận hà đông', 3),
      ...repeat('hoạt động', 30),
      ...repeat('đồng tiền', 30),
    ]);
    expect(restore(lx, 'ha dong')).toEqual(['hà', 'đông']);
    expect(restore(lx, 'quan ha dong')).toEqual(['quận', 'hà', 'đông']);
  });

  it('leaves a syllable ambiguous when neither pairs nor frequency decide', () => {
    const lx = lexiconOf(['đang học', 'Đảng viên', 'dạng bài', 'đáng tiền']);
    expect(restore(lx, 'dang')).toEqual([null]);
  });

  it('restores a lone syllable whose one reading dominates', () => {
    const lx = lexiconOf([...repeat('nhiều người', 9), 'nhiêu khê']);
    expect(restore(lx, 'nhieu')).toEqual(['nhiều']);
  });

  it('returns null for syllables the corpus does not know and does not guess across a gap', () => {
    const lx = lexiconOf(repeat('chính phủ', 3));
    expect(restore(lx, 'xyz')).toEqual([null]);
    // Not adjacent (e.g. separated by punctuation): no pair evidence, and each reading alone is certain.
    expect(restoreDiacritics(lx, ['chinh', 'phu'], [false, false])).toEqual(['chính', 'phủ']);
  });
});
