import { describe, expect, it } from 'vitest';
import { analyzeQueryText } from '../analyzer/analyze.js';
import { markQuestionWords } from './question-words.js';

/** Marks the question words of a query typed as-is (unaccented syllables are matched folded). */
const marks = (q: string) => {
  const tokens = analyzeQueryText(q);
  const marked = markQuestionWords(
    tokens.map((t) => ({ exact: t.exact !== t.folded ? t.exact : null, folded: t.folded })),
    tokens.map((t, i) => i > 0 && t.joined),
  );
  return tokens.filter((_t, i) => marked[i]).map((t) => t.exact).join(' ');
};

describe('markQuestionWords', () => {
  it('finds the interrogative phrases of Vietnamese questions', () => {
    expect(marks('Landmark 81 có bao nhiêu tầng')).toBe('bao nhiêu');
    expect(marks('Quang Hải sinh ra ở đâu')).toBe('ở đâu');
    expect(marks('Động cơ hơi nước còn gọi là gì')).toBe('là gì');
    expect(marks('Thành tích của Messi như thế nào')).toBe('như thế nào');
    expect(marks('Sông Amazon thuộc châu lục nào')).toBe('nào');
  });

  it('matches unaccented questions only through multi-syllable phrases', () => {
    expect(marks('landmark 81 co bao nhieu tang')).toBe('bao nhieu');
    expect(marks('quang hai sinh ra o dau')).toBe('o dau');
    // A lone folded "nao" / "dau" may be não / đầu: left alone.
    expect(marks('chan thuong nao')).toBe('');
    expect(marks('dau tu chung khoan')).toBe('');
  });

  it('leaves content words that merely look like question words', () => {
    expect(marks('đau đầu vì giá xăng')).toBe('');
    expect(marks('Ai Cập mở cửa kim tự tháp')).toBe('');
    expect(marks('máy in typo')).toBe('');
  });

  it('needs the syllables of a phrase to be adjacent', () => {
    expect(marks('bao, nhiêu')).toBe('');
  });
});
