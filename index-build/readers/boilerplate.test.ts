import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from './boilerplate.js';

describe('isBoilerplateLine', () => {
  it.each(['Chia sẻ bài viết', 'chia sẻ', 'Chia sẻ:', 'In bài viết | Gửi email', '[In] [Email]', 'Share', 'Bình luận', 'Về đầu trang', 'Tweet · Like'])(
    'recognizes %j',
    (line) => expect(isBoilerplateLine(line)).toBe(true),
  );
  it.each(['Bà con chia sẻ bài viết này rất nhiều', 'Chia sẻ kinh nghiệm nuôi tôm', 'THANH BÌNH (TTXVN)', ''])(
    'keeps %j',
    (line) => expect(isBoilerplateLine(line)).toBe(false),
  );
});
