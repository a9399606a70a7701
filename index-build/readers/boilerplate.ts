/**
 * Recognizes share / print / comment footer lines that web-scraped articles end with, e.g. `Chia sẻ bài viết`.
 *
 * @packageDocumentation
 */

/** One footer item, lower-cased, without surrounding punctuation. */
const ITEM =
  /^(?:chia sẻ(?: bài viết| bài này| bài| lên facebook| qua email| facebook)?|share(?: this)?(?: article| story)?|in bài(?: viết| này)?|in|bản in|gửi bài(?: viết)?|gửi email|gửi cho bạn bè|gửi|lưu bài(?: viết)?|lưu|bình luận|ý kiến bạn đọc|phản hồi|về đầu trang|lên đầu trang|quay lại|trở lại|tweet|like|thích|email|e-mail|print|facebook|zalo|twitter|copy link|sao chép liên kết)$/u;
/** Separators between several footer items on one line, e.g. `Chia sẻ | In bài | Gửi email`. */
const SEPARATORS = /\s*[|·•/,]\s*|\s*\]\s*\[\s*|\s{2,}/u;

/**
 * Whether a line is share/print/comment boilerplate rather than article text. Every item on the line (split on
 * `|`, `·`, `•`, `/`, `,`, `] [`) must be a known footer phrase, so real sentences mentioning "chia sẻ" are kept.
 *
 * @param line - One tidied line.
 * @returns `true` for footer boilerplate such as `Chia sẻ bài viết` or `In bài | Gửi email`.
 */
export function isBoilerplateLine(line: string): boolean {
  const items = line
    .toLowerCase()
    .split(SEPARATORS)
    .map((item) => item.replace(/^[\s\[\](){}:.!>»«<-]+|[\s\[\](){}:.!>»«<-]+$/gu, ''))
    .filter((item) => item !== '');
  return items.length > 0 && items.every((item) => ITEM.test(item));
}
