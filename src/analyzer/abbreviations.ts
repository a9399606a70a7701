/**
 * Abbreviations common in Vietnamese news, and the parser for user-supplied synonym files.
 * @module
 */
import { normalizeText } from './normalize.js';
import { canonicalSyllable } from './tone.js';

/**
 * Built-in abbreviation → expansion pairs, lower case, in canonical exact form (diacritics kept,
 * canonical tone placement, words separated by one space). Only unambiguous abbreviations are
 * listed: `ct` (chủ tịch / công ty / …), `ts` (tiến sĩ / tuyển sinh), `ptth` (phát thanh truyền
 * hình / phổ thông trung học), `hp`, `đn` and the like are left out on purpose.
 */
export const BUILTIN_ABBREVIATIONS: ReadonlyArray<readonly [abbreviation: string, expansion: string]> = [
  // Government and the Party
  ['ubnd', 'ủy ban nhân dân'],
  ['hđnd', 'hội đồng nhân dân'],
  ['qh', 'quốc hội'],
  ['đbqh', 'đại biểu quốc hội'],
  ['ubtvqh', 'ủy ban thường vụ quốc hội'],
  ['mttq', 'mặt trận tổ quốc'],
  ['ubmttq', 'ủy ban mặt trận tổ quốc'],
  ['tw', 'trung ương'],
  ['bch', 'ban chấp hành'],
  ['ubkt', 'ủy ban kiểm tra'],
  ['ttg', 'thủ tướng'],
  ['ttcp', 'thủ tướng chính phủ'],
  ['chxhcn', 'cộng hòa xã hội chủ nghĩa'],
  ['xhcn', 'xã hội chủ nghĩa'],
  ['lhq', 'liên hợp quốc'],
  ['nđ', 'nghị định'],
  ['qđ', 'quyết định'],
  ['tthc', 'thủ tục hành chính'],
  ['tncs', 'thanh niên cộng sản'],
  ['lđlđ', 'liên đoàn lao động'],
  ['lđtbxh', 'lao động thương binh và xã hội'],
  ['nn&ptnt', 'nông nghiệp và phát triển nông thôn'],
  ['ptnt', 'phát triển nông thôn'],
  ['ntm', 'nông thôn mới'],
  // Places
  ['tphcm', 'thành phố hồ chí minh'],
  ['tp hcm', 'thành phố hồ chí minh'],
  ['hcm', 'hồ chí minh'],
  ['tp', 'thành phố'],
  ['hn', 'hà nội'],
  ['vn', 'việt nam'],
  ['đbscl', 'đồng bằng sông cửu long'],
  ['kcn', 'khu công nghiệp'],
  ['kđt', 'khu đô thị'],
  // Security, justice
  ['cand', 'công an nhân dân'],
  ['qđnd', 'quân đội nhân dân'],
  ['bqp', 'bộ quốc phòng'],
  ['bca', 'bộ công an'],
  ['bchqs', 'ban chỉ huy quân sự'],
  ['csgt', 'cảnh sát giao thông'],
  ['cscđ', 'cảnh sát cơ động'],
  ['pccc', 'phòng cháy chữa cháy'],
  ['tand', 'tòa án nhân dân'],
  ['tandtc', 'tòa án nhân dân tối cao'],
  ['vksnd', 'viện kiểm sát nhân dân'],
  ['vksndtc', 'viện kiểm sát nhân dân tối cao'],
  ['hđxx', 'hội đồng xét xử'],
  ['blhs', 'bộ luật hình sự'],
  ['atgt', 'an toàn giao thông'],
  ['ttatgt', 'trật tự an toàn giao thông'],
  ['tngt', 'tai nạn giao thông'],
  ['tnlđ', 'tai nạn lao động'],
  // Education
  ['thpt', 'trung học phổ thông'],
  ['thcs', 'trung học cơ sở'],
  ['đh', 'đại học'],
  ['cđ', 'cao đẳng'],
  ['gd&đt', 'giáo dục và đào tạo'],
  ['gdđt', 'giáo dục và đào tạo'],
  ['sgk', 'sách giáo khoa'],
  ['hssv', 'học sinh sinh viên'],
  ['sv', 'sinh viên'],
  ['gv', 'giáo viên'],
  ['gs', 'giáo sư'],
  ['pgs', 'phó giáo sư'],
  ['ths', 'thạc sĩ'],
  ['bs', 'bác sĩ'],
  ['kh&cn', 'khoa học và công nghệ'],
  ['khcn', 'khoa học công nghệ'],
  ['cntt', 'công nghệ thông tin'],
  ['nxb', 'nhà xuất bản'],
  // Economy, society
  ['bhxh', 'bảo hiểm xã hội'],
  ['bhyt', 'bảo hiểm y tế'],
  ['bhtn', 'bảo hiểm thất nghiệp'],
  ['attp', 'an toàn thực phẩm'],
  ['atvstp', 'an toàn vệ sinh thực phẩm'],
  ['tnhh', 'trách nhiệm hữu hạn'],
  ['cty', 'công ty'],
  ['ctcp', 'công ty cổ phần'],
  ['hđqt', 'hội đồng quản trị'],
  ['đhđcđ', 'đại hội đồng cổ đông'],
  ['tgđ', 'tổng giám đốc'],
  ['dn', 'doanh nghiệp'],
  ['dnnvv', 'doanh nghiệp nhỏ và vừa'],
  ['bđs', 'bất động sản'],
  ['nhnn', 'ngân hàng nhà nước'],
  ['nhtm', 'ngân hàng thương mại'],
  ['ttck', 'thị trường chứng khoán'],
  ['gdp', 'tổng sản phẩm quốc nội'],
  // Media, sport
  ['ttxvn', 'thông tấn xã việt nam'],
  ['hlv', 'huấn luyện viên'],
  ['clb', 'câu lạc bộ'],
  ['vff', 'liên đoàn bóng đá việt nam'],
  ['đtqg', 'đội tuyển quốc gia'],
  ['vđqg', 'vô địch quốc gia'],
];

/** Lower-cases, normalizes and canonicalizes the tone of every whitespace-separated word. */
function normalizeEntry(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map(canonicalSyllable)
    .join(' ');
}

/**
 * Parses a user synonyms file. One entry per line, `short = expansion` (the first side is the short
 * form); `short = expansion one = expansion two` gives one pair per expansion. Lines starting with
 * `#` and blank lines are ignored. Entries are normalized like query text: {@link normalizeText},
 * lower case, canonical tone placement per word, single spaces.
 * @param text the file's contents
 * @returns `[short, expansion]` pairs in file order
 * @throws Error naming the (1-based) line of the first malformed entry (no `=`, or an empty side)
 */
export function parseSynonymsFile(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = normalizeText(lines[ln]).trim();
    if (line === '' || line.startsWith('#')) continue;
    const sides = line.split('=').map(normalizeEntry);
    if (sides.length < 2) throw new Error(`synonyms line ${ln + 1}: expected "abbreviation = expansion", got ${JSON.stringify(lines[ln])}`);
    if (sides.some((s) => s === '')) throw new Error(`synonyms line ${ln + 1}: empty side in ${JSON.stringify(lines[ln])}`);
    for (let k = 1; k < sides.length; k++) pairs.push([sides[0], sides[k]]);
  }
  return pairs;
}
