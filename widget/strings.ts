/**
 * Every text the widget shows or announces, in one place. Vietnamese is the default; `lang="en"`
 * switches to English.
 * @module
 */

/** The texts of one language. */
export interface Strings {
  /** Accessible name of the search box. */
  label: string;
  placeholder: string;
  /** Accessible name of the result list. */
  listLabel: string;
  /** "12 kết quả" */
  count: (n: number) => string;
  /** Lead-in of "Hiển thị kết quả cho hà nội" (the interpretation follows in bold). */
  showingFor: string;
  /** Shown when no article has every word and results match some of them. */
  relaxed: string;
  /** Empty state: "Không tìm thấy kết quả cho “…”". */
  empty: (q: string) => string;
  emptyHint: string;
  /** Error state. */
  error: string;
  /** Too many requests. */
  rateLimited: string;
  /** Announced while a search is running. */
  loading: string;
  /** Footer link to the full results page. */
  seeAll: (n: number) => string;
  /** Locale for numbers and dates. */
  locale: string;
  /** `<vn-related>`: heading of the list. */
  relatedHeading: string;
  /** `<vn-related>`: announced while the list loads. */
  relatedLoading: string;
  /** `<vn-related>`: no related article. */
  relatedEmpty: string;
  /** `<vn-related>`: the list could not be loaded. */
  relatedError: string;
  /** `<vn-related>`: "5 bài viết liên quan" (announced when the list is shown). */
  relatedCount: (n: number) => string;
}

const vi: Strings = {
  label: 'Tìm kiếm bài viết',
  placeholder: 'Tìm kiếm…',
  listLabel: 'Kết quả tìm kiếm',
  count: (n) => `${n.toLocaleString('vi-VN')} kết quả`,
  showingFor: 'Hiển thị kết quả cho',
  relaxed: 'Không có bài viết chứa tất cả các từ; đang hiển thị bài viết chứa một phần.',
  empty: (q) => `Không tìm thấy kết quả nào cho “${q}”.`,
  emptyHint: 'Hãy thử từ khóa khác, ít từ hơn, hoặc kiểm tra chính tả.',
  error: 'Không thể tải kết quả tìm kiếm. Vui lòng thử lại sau.',
  rateLimited: 'Bạn tìm kiếm quá nhanh. Vui lòng thử lại sau giây lát.',
  loading: 'Đang tìm…',
  seeAll: (n) => `Xem tất cả ${n.toLocaleString('vi-VN')} kết quả`,
  locale: 'vi-VN',
  relatedHeading: 'Bài viết liên quan',
  relatedLoading: 'Đang tải bài viết liên quan…',
  relatedEmpty: 'Chưa có bài viết liên quan.',
  relatedError: 'Không thể tải bài viết liên quan. Vui lòng thử lại sau.',
  relatedCount: (n) => `${n} bài viết liên quan`,
};

const en: Strings = {
  label: 'Search articles',
  placeholder: 'Search…',
  listLabel: 'Search results',
  count: (n) => `${n.toLocaleString('en-US')} result${n === 1 ? '' : 's'}`,
  showingFor: 'Showing results for',
  relaxed: 'No article contains every word; showing articles that contain some of them.',
  empty: (q) => `No results for “${q}”.`,
  emptyHint: 'Try other words, fewer words, or check the spelling.',
  error: 'Search results could not be loaded. Please try again later.',
  rateLimited: 'Too many searches. Please wait a moment and try again.',
  loading: 'Searching…',
  seeAll: (n) => `See all ${n.toLocaleString('en-US')} results`,
  locale: 'en-GB',
  relatedHeading: 'Related articles',
  relatedLoading: 'Loading related articles…',
  relatedEmpty: 'No related articles yet.',
  relatedError: 'Related articles could not be loaded. Please try again later.',
  relatedCount: (n) => `${n} related article${n === 1 ? '' : 's'}`,
};

/** The texts for a `lang` attribute value (`en`, `en-US` … → English; anything else Vietnamese). */
export function stringsFor(lang: string | null | undefined): Strings {
  return /^en\b/i.test(lang ?? '') ? en : vi;
}
