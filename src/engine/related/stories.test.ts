import { describe, expect, it } from 'vitest';
import { NO_DATE } from '../../index-format/shard-postings.js';
import { shingleSet } from './shingles.js';
import { collapseStories, orderStories, RECENT_BAND, type ScoredCandidate, type Story } from './stories.js';

const TEXT: Record<string, string> = {
  metro: 'Tuyến đường sắt đô thị Nhổn - ga Hà Nội chính thức vận hành thương mại đoạn trên cao với tám nhà ga từ Nhổn đến Cầu Giấy và hành khách được đi miễn phí',
  gold: 'Giá vàng miếng SJC sáng nay tăng năm trăm nghìn đồng mỗi lượng theo đà tăng của giá vàng thế giới khi đồng USD suy yếu trên thị trường quốc tế',
  storm: 'Bão số ba đổ bộ vào Quảng Ninh và Hải Phòng với sức gió mạnh cấp mười hai gây mưa rất to ở các tỉnh ven biển Bắc Bộ và nhiều cây xanh bị quật đổ',
};

const cand = (id: string, text: string, score: number, date = NO_DATE): ScoredCandidate => ({
  hit: { id, title: id, title_html: id, snippet: '' }, shingles: shingleSet(text), score, date,
});

describe('collapseStories', () => {
  it('groups copies, shows the newest, ranks the story by its best copy', () => {
    const list = [
      cand('metro-old', TEXT.metro, 10, 100),
      cand('gold', TEXT.gold, 8, 50),
      cand('metro-new', `${TEXT.metro} trong ngày đầu`, 7, 200),
      cand('metro-undated', TEXT.metro, 6),
    ];
    const { stories, sourceCopies } = collapseStories(list, shingleSet(TEXT.storm));
    expect(sourceCopies).toEqual([]);
    expect(stories.map((s) => s.shown.hit.id)).toEqual(['metro-new', 'gold']);
    expect(stories[0].score).toBe(10);
    expect(stories[0].copies.map((c) => c.hit.id)).toEqual(['metro-old', 'metro-undated']);
  });

  it('sets copies of the source aside', () => {
    const { stories, sourceCopies } = collapseStories([cand('gold', TEXT.gold, 9), cand('reprint', TEXT.metro, 8)], shingleSet(TEXT.metro));
    expect(sourceCopies.map((c) => c.hit.id)).toEqual(['reprint']);
    expect(stories.map((s) => s.shown.hit.id)).toEqual(['gold']);
  });

  it('equal dates keep the best-scoring copy', () => {
    const { stories } = collapseStories([cand('a', TEXT.gold, 5, 10), cand('b', TEXT.gold, 4, 10)], shingleSet(TEXT.storm));
    expect(stories[0].shown.hit.id).toBe('a');
  });
});

describe('orderStories', () => {
  const story = (id: string, score: number, date = NO_DATE): Story => ({ shown: cand(id, '', score, date), score, copies: [] });

  it('orders by score, or with recent=true newest first within each score band', () => {
    const s = [story('old-best', 10, 100), story('new-close', 10 * RECENT_BAND + 0.1, 300), story('newest-weak', 4, 999), story('undated-close', 9.5)];
    expect(orderStories(s, false).map((x) => x.shown.hit.id)).toEqual(['old-best', 'undated-close', 'new-close', 'newest-weak']);
    expect(orderStories(s, true).map((x) => x.shown.hit.id)).toEqual(['new-close', 'old-best', 'undated-close', 'newest-weak']);
  });
});
