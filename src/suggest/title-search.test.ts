import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { TITLE_INDEX_OPTIONS, TITLE_SEARCH_OPTIONS, type TitleEntry } from './title-index-options.js';
import { searchTitles } from './title-search.js';

const TITLES = [
  'Điều tra vụ cháy chung cư ở Hà Nội',
  'Điều trị ung thư bằng công nghệ mới',
  'Điều chỉnh giá điện từ tháng sau',
  'Thanh niên tình nguyện về vùng lũ',
  'Thanh Hóa mở rộng quốc lộ',
  'Giá vàng tăng mạnh',
  'U.S. và Việt Nam ký hiệp định',
  'Cô giáo vùng cao',
  'Cô dâu 62 tuổi',
];

function index(titles = TITLES): MiniSearch<TitleEntry> {
  const m = new MiniSearch<TitleEntry>(TITLE_INDEX_OPTIONS);
  m.addAll(titles.map((title, doc) => ({ doc, title })));
  return m;
}

const ids = (results: Array<{ id: unknown }>) => results.map((r) => Number(r.id)).sort((a, b) => a - b);

describe('searchTitles', () => {
  it('a last word of one or two letters finds the titles the prefix expansion found, by the other words', () => {
    const m = index();
    for (const q of ['Điều t', 'dieu c', 'Thanh t', 'thanh h', 'Cô g', 'co d', 'gia v', 'viet n', 'và s', 'cô x', 'Điều tr', 'dieu ch', 'thanh ho', 'thanh th', 'cô gi', 'gia va', 'U.S. và']) {
      expect(ids(searchTitles(m, q)), q).toEqual(ids(m.search(q, TITLE_SEARCH_OPTIONS)));
    }
    expect(ids(searchTitles(m, 'Điều t'))).toEqual([0, 1, 2]); // "tháng" in the third
    expect(ids(searchTitles(m, 'Cô g'))).toEqual([7]);
    expect(ids(searchTitles(m, 'Điều tr'))).toEqual([0, 1]);
  });

  it('ranks those titles by the other words, and a lone letter finds no titles', () => {
    const m = index();
    expect(searchTitles(m, 'T')).toEqual([]);
    expect(searchTitles(m, 'đ')).toEqual([]);
    expect(searchTitles(m, 'Điều t').every((r) => r.score > 0)).toBe(true);
  });

  it('longer last words, a lone word of two letters or more, and empty input search as before', () => {
    const m = index();
    for (const q of ['Điều tra', 'thanh hoa', 'gia vang', 'co', 'Th', 'thanh', '', '!!!']) {
      expect(searchTitles(m, q), q).toEqual(m.search(q, TITLE_SEARCH_OPTIONS));
    }
  });

  it('follows titles replaced under the same document number (the live index reuses them)', () => {
    const m = index();
    expect(ids(searchTitles(m, 'cô g'))).toEqual([7]);
    m.discard(7);
    m.add({ doc: 7, title: 'Cô bé bán diêm' });
    expect(ids(searchTitles(m, 'cô g'))).toEqual([]);
    expect(ids(searchTitles(m, 'cô b'))).toEqual([7]);
  });
});
