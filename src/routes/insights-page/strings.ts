/**
 * Every text of the search-insights page, in Vietnamese (the default) and English (the fallback for
 * browsers that do not ask for Vietnamese, or `?lang=en`).
 * @module
 */

/** Languages of the page. */
export type PageLang = 'vi' | 'en';

/** The texts of one language. */
export interface PageStrings {
  lang: PageLang;
  locale: string;
  title: string;
  intro: string;
  tokenLabel: string;
  tokenHint: string;
  tokenSubmit: string;
  forgetToken: string;
  loading: string;
  networkError: string;
  noScript: string;
  notConfigured: (name: string) => string;
  recordingOff: string;
  rangeFrom: string;
  rangeTo: string;
  rangeLimit: string;
  rangeSubmit: string;
  switchLang: string;
  period: (from: string, to: string, tz: string) => string;
  cards: { searches: string; zero: string; restored: string; relaxed: string; clicks: string; latency: string };
  charts: { searches: string; zeroShare: string; latency: string; p50: string; p95: string };
  tables: {
    top: string; zero: string; unclicked: string; perDay: string;
    query: string; searches: string; zeroResults: string; meanHits: string; clicks: string; meanRank: string; interpretedAs: string;
    day: string; zeroShare: string; p50: string; p95: string; empty: string; unclickedNote: string;
  };
  notes: { fragments: (n: number) => string; redacted: (n: number) => string; overflow: (n: number) => string; lost: (n: number) => string; privacy: string };
}

const vi: PageStrings = {
  lang: 'vi',
  locale: 'vi-VN',
  title: 'Thống kê tìm kiếm',
  intro: 'Bạn đọc tìm gì, tìm gì mà không thấy, và trang tìm kiếm trả lời nhanh đến đâu.',
  tokenLabel: 'Mã truy cập (INSIGHTS_TOKEN)',
  tokenHint: 'Mã chỉ được giữ trong thẻ trình duyệt này (sessionStorage) cho đến khi bạn đóng thẻ; không lưu vào cookie hay URL.',
  tokenSubmit: 'Xem thống kê',
  forgetToken: 'Quên mã',
  loading: 'Đang tải thống kê…',
  networkError: 'Không kết nối được với máy chủ. Vui lòng thử lại.',
  noScript: 'Trang này cần JavaScript để gửi mã truy cập. Không có JavaScript: curl -H "Accept: text/html" -H "Authorization: Bearer <mã>" đến địa chỉ này.',
  notConfigured: (name) => `Thống kê chưa được bật: chưa có mã truy cập. Khi chạy thật: npx wrangler secret put ${name}. Khi chạy thử (wrangler dev): thêm dòng ${name}=<một chuỗi ngẫu nhiên dài> vào .dev.vars rồi khởi động lại.`,
  recordingOff: 'Việc ghi nhận đang tắt (INSIGHTS = "off"); chỉ hiển thị dữ liệu đã có.',
  rangeFrom: 'Từ ngày',
  rangeTo: 'Đến ngày',
  rangeLimit: 'Số dòng',
  rangeSubmit: 'Cập nhật',
  switchLang: 'English',
  period: (from, to, tz) => `Từ ${from} đến ${to} (giờ UTC${tz})`,
  cards: { searches: 'Lượt tìm kiếm', zero: 'Không có kết quả', restored: 'Được khôi phục dấu', relaxed: 'Phải nới lỏng', clicks: 'Lượt nhấp kết quả', latency: 'Thời gian phản hồi p50 / p95' },
  charts: { searches: 'Lượt tìm kiếm mỗi ngày', zeroShare: 'Tỷ lệ tìm kiếm không có kết quả mỗi ngày', latency: 'Thời gian phản hồi mỗi ngày (ms)', p50: 'p50', p95: 'p95' },
  tables: {
    top: 'Từ khóa được tìm nhiều nhất', zero: 'Từ khóa không có kết quả', unclicked: 'Từ khóa có kết quả nhưng không ai nhấp', perDay: 'Theo ngày',
    query: 'Từ khóa', searches: 'Lượt tìm', zeroResults: 'Không có kết quả', meanHits: 'Số kết quả TB', clicks: 'Lượt nhấp', meanRank: 'Vị trí nhấp TB', interpretedAs: 'Được hiểu là',
    day: 'Ngày', zeroShare: 'Không có kết quả', p50: 'p50 (ms)', p95: 'p95 (ms)', empty: 'Chưa có dữ liệu trong khoảng này.',
    unclickedNote: 'Lượt nhấp do ô tìm kiếm <vn-search> gửi về; tìm kiếm qua API không có lượt nhấp.',
  },
  notes: {
    fragments: (n) => `${n} từ khóa gõ dở (ô tìm kiếm gửi khi bạn đọc còn đang gõ) được ẩn khỏi các danh sách.`,
    redacted: (n) => `${n} lượt tìm trông giống email hoặc số điện thoại: được đếm nhưng không lưu từ khóa.`,
    overflow: (n) => `${n} lượt tìm vượt giới hạn số từ khóa lưu mỗi ngày: chỉ được đếm.`,
    lost: (n) => `${n} sự kiện không ghi được (máy chủ quá tải hoặc lỗi).`,
    privacy: 'Chỉ lưu số đếm theo ngày và từ khóa đã chuẩn hóa (bỏ dấu, chữ thường); không lưu nội dung gõ gốc, địa chỉ IP hay cookie.',
  },
};

const en: PageStrings = {
  lang: 'en',
  locale: 'en-GB',
  title: 'Search insights',
  intro: 'What readers search for, what they do not find, and how fast search answers.',
  tokenLabel: 'Access token (INSIGHTS_TOKEN)',
  tokenHint: 'The token is kept only in this browser tab (sessionStorage) until you close it; never in a cookie or the URL.',
  tokenSubmit: 'Show insights',
  forgetToken: 'Forget token',
  loading: 'Loading insights…',
  networkError: 'Could not reach the server. Please try again.',
  noScript: 'This page needs JavaScript to send the token. Without it: curl -H "Accept: text/html" -H "Authorization: Bearer <token>" this address.',
  notConfigured: (name) => `Insights are not enabled: no access token is configured. Deployed: npx wrangler secret put ${name}. Local (wrangler dev): add a line ${name}=<a long random string> to .dev.vars and restart.`,
  recordingOff: 'Recording is off (INSIGHTS = "off"); showing the data already stored.',
  rangeFrom: 'From',
  rangeTo: 'To',
  rangeLimit: 'Rows',
  rangeSubmit: 'Update',
  switchLang: 'Tiếng Việt',
  period: (from, to, tz) => `${from} to ${to} (UTC${tz})`,
  cards: { searches: 'Searches', zero: 'No results', restored: 'Diacritics restored', relaxed: 'Relaxed', clicks: 'Result clicks', latency: 'Response time p50 / p95' },
  charts: { searches: 'Searches per day', zeroShare: 'Share of searches without results per day', latency: 'Response time per day (ms)', p50: 'p50', p95: 'p95' },
  tables: {
    top: 'Top queries', zero: 'Queries without results', unclicked: 'Queries whose results nobody clicks', perDay: 'Per day',
    query: 'Query', searches: 'Searches', zeroResults: 'No results', meanHits: 'Mean hits', clicks: 'Clicks', meanRank: 'Mean click rank', interpretedAs: 'Read as',
    day: 'Day', zeroShare: 'No results', p50: 'p50 (ms)', p95: 'p95 (ms)', empty: 'No data in this period yet.',
    unclickedNote: 'Clicks are reported by the <vn-search> widget; searches through the API have none.',
  },
  notes: {
    fragments: (n) => `${n} half-typed queries (sent by the search box while readers were still typing) are hidden from the lists.`,
    redacted: (n) => `${n} searches looked like an e-mail address or phone number: counted, query not stored.`,
    overflow: (n) => `${n} searches came after the daily limit of stored queries: counted only.`,
    lost: (n) => `${n} events could not be recorded (server overloaded or failing).`,
    privacy: 'Only daily counts and normalized queries (folded, lower case) are stored: never the text as typed, an IP address or a cookie.',
  },
};

/**
 * The page language: `?lang=` when given, else Vietnamese when the browser lists it in
 * Accept-Language (or lists no language), else English.
 */
export function pageLanguage(langParam: string | undefined, acceptLanguage: string | undefined): PageLang {
  const p = (langParam ?? '').trim().toLowerCase();
  if (p === 'vi' || p === 'en') return p;
  const tags = (acceptLanguage ?? '').split(',').map((s) => s.split(';')[0].trim().toLowerCase()).filter((t) => t && t !== '*');
  if (!tags.length || tags.some((t) => t === 'vi' || t.startsWith('vi-'))) return 'vi';
  return 'en';
}

/** The texts of a language. */
export function pageStrings(lang: PageLang): PageStrings {
  return lang === 'en' ? en : vi;
}
