import { describe, expect, it } from 'vitest';
import { TopicMatcher, runsOf } from './judge.js';

const storm = new TopicMatcher([['bão', 'áp thấp nhiệt đới'], ['miền trung', 'trung bộ']]);

describe('TopicMatcher', () => {
  it('grades 2 when the headline names every concept, by any of its phrases', () => {
    expect(storm.grade({ title: 'Bão số 2 đổ bộ miền Trung', lead: '', body: '' })).toBe(2);
    expect(storm.grade({ title: 'Áp thấp nhiệt đới gây mưa ở Trung Bộ', lead: '', body: '' })).toBe(2);
  });

  it('grades 1 when the lead names every concept, or the headline some and the article the rest', () => {
    expect(storm.grade({ title: 'Người dân chằng chống nhà cửa', lead: 'Cơn bão đang tiến vào miền Trung.', body: 'Bão mạnh cấp 12, các tỉnh Trung Bộ sơ tán dân.' })).toBe(1);
    expect(storm.grade({ title: 'Bão số 2 mạnh thêm', lead: 'Gió giật cấp 10.', body: 'Các tỉnh miền Trung sơ tán dân trước bão, Trung Bộ mưa lớn.' })).toBe(1);
  });

  it('grades 0 an article that names a concept only once (it mentions the topic, it is not about it)', () => {
    expect(storm.grade({ title: 'MC trao quà từ thiện', lead: 'Sau cơn bão, anh đến miền Trung trao quà.', body: 'Anh trao 500 suất quà.' })).toBe(0);
  });

  it('grades 0 when the words are only in the body, scattered, or in another sense', () => {
    expect(storm.grade({ title: 'MC truyền hình làm từ thiện', lead: 'Anh quyên góp tiền.', body: 'Bão lũ miền Trung năm ngoái…' })).toBe(0);
    expect(storm.grade({ title: 'Miền Bắc đón bão, Trung Quốc sơ tán dân', lead: '', body: '' })).toBe(0);
    expect(storm.grade({ title: 'Bao giờ miền Trung hết nghèo', lead: '', body: '' })).toBe(0);
  });

  it('matches phrases only within one run of the text (not across punctuation)', () => {
    expect(runsOf('Hà Nội, Trung Quốc')).toEqual([['hà', 'nội'], ['trung', 'quốc']]);
    expect(new TopicMatcher([['nội trung']]).grade({ title: 'Hà Nội, Trung Quốc', lead: '', body: '' })).toBe(0);
  });

  it('refuses a concept without any phrase', () => {
    expect(() => new TopicMatcher([['  ']])).toThrow();
  });
});
