/**
 * Aliases a news archive needs beyond administrative abbreviations: organizations and treaties by
 * their abbreviation, countries, football clubs, and people by their common short names.
 *
 * How the table was made: the organizations are mined from the corpus itself, from the pattern
 * `Long form (ABBR)` / `Long form (viết tắt ABBR)` in the 35,440 baomoi articles
 * (`scripts/mine-aliases.ts`, which prints each abbreviation with the longest preceding phrase seen
 * in at least half of its occurrences), then reviewed by hand: truncated long forms completed
 * (`APEC`), ambiguous abbreviations left out (`BV`, `TS`, `ĐB`, `MB`, `CN`), forms already in
 * {@link BUILTIN_ABBREVIATIONS} skipped. The counts in the comments are the occurrences mined.
 * Countries, clubs and people are written by hand from the forms the corpus uses in headlines; only
 * aliases whose every form names one thing in news text are listed (`Anh` for the United Kingdom is
 * also "brother" and is left out; `Nhật` is also in `cập nhật`, `Lào` in `Lào Cai`, `Nga` in names).
 *
 * Rules are lower case, canonical exact forms, words separated by one space, like
 * `BUILTIN_ABBREVIATIONS`; forms sharing a side join one group. A user synonyms file wins: a form
 * it mentions is taken out of these groups (`real = real` drops the built-in Real Madrid alias).
 * @module
 */

/** Built-in alias pairs, by kind (see the module comment). */
export const BUILTIN_ALIASES: ReadonlyArray<readonly [short: string, long: string]> = [
  // Organizations, treaties and terms mined from "Long form (ABBR)" (occurrences in baomoi-35k).
  ['is', 'nhà nước hồi giáo'], // 597
  ['isis', 'nhà nước hồi giáo'],
  ['eu', 'liên minh châu âu'], // 247
  ['uae', 'các tiểu vương quốc arab thống nhất'], // 178
  ['fbi', 'cục điều tra liên bang mỹ'], // 171
  ['nato', 'tổ chức hiệp ước bắc đại tây dương'], // 132
  ['icbm', 'tên lửa đạn đạo liên lục địa'], // 128
  ['thaad', 'hệ thống phòng thủ tên lửa tầm cao giai đoạn cuối'], // 111
  ['tpp', 'hiệp định đối tác xuyên thái bình dương'], // 89
  ['apec', 'diễn đàn hợp tác kinh tế châu á thái bình dương'], // 68, long form completed
  ['sdf', 'lực lượng dân chủ syria'], // 61
  ['nsa', 'cơ quan an ninh quốc gia mỹ'], // 61
  ['cia', 'cơ quan tình báo trung ương mỹ'], // 60
  ['fdi', 'đầu tư trực tiếp nước ngoài'], // 56
  ['kcna', 'hãng thông tấn trung ương triều tiên'], // 56
  ['wb', 'ngân hàng thế giới'], // 48
  ['who', 'tổ chức y tế thế giới'], // 47
  ['evn', 'tập đoàn điện lực việt nam'], // 46
  ['vcci', 'phòng thương mại và công nghiệp việt nam'], // 45
  ['asean', 'hiệp hội các quốc gia đông nam á'], // 44
  ['pvn', 'tập đoàn dầu khí việt nam'], // 43
  ['gcc', 'hội đồng hợp tác vùng vịnh'], // 43
  ['opec', 'tổ chức các nước xuất khẩu dầu mỏ'], // 36
  ['tq', 'trung quốc'], // 34
  ['imf', 'quỹ tiền tệ quốc tế'], // 31
  ['fta', 'hiệp định thương mại tự do'], // 30
  ['hnx', 'sở giao dịch chứng khoán hà nội'], // 28
  ['gtvt', 'giao thông vận tải'], // 28
  ['wto', 'tổ chức thương mại thế giới'], // 27
  ['fifa', 'liên đoàn bóng đá thế giới'], // 26
  ['unclos', 'công ước liên hợp quốc về luật biển'], // 26, long form completed
  ['nasa', 'cơ quan hàng không vũ trụ mỹ'], // 25
  ['cpi', 'chỉ số giá tiêu dùng'], // 25
  ['ecb', 'ngân hàng trung ương châu âu'], // 24
  ['fed', 'cục dự trữ liên bang mỹ'], // 23
  ['tctd', 'tổ chức tín dụng'], // 21
  ['dnnn', 'doanh nghiệp nhà nước'], // 19
  ['bidv', 'ngân hàng đầu tư và phát triển việt nam'], // 19
  ['tn&mt', 'tài nguyên và môi trường'], // 17
  ['kh&đt', 'kế hoạch và đầu tư'], // 14
  ['tt&tt', 'thông tin và truyền thông'], // 18
  ['adb', 'ngân hàng phát triển châu á'], // 15
  ['ceo', 'giám đốc điều hành'], // 17
  ['uav', 'máy bay không người lái'], // 15
  ['nsnn', 'ngân sách nhà nước'], // 15
  ['vtv', 'đài truyền hình việt nam'], // 14
  ['eez', 'vùng đặc quyền kinh tế'], // 14
  ['ktnn', 'kiểm toán nhà nước'], // 13
  ['afc', 'liên đoàn bóng đá châu á'], // 13
  ['aff', 'liên đoàn bóng đá đông nam á'], // 12
  ['wef', 'diễn đàn kinh tế thế giới'], // 13
  ['htx', 'hợp tác xã'], // 12
  ['dmz', 'khu phi quân sự'], // 12
  ['oda', 'hỗ trợ phát triển chính thức'], // 12
  ['icao', 'tổ chức hàng không dân dụng quốc tế'], // 11
  ['oecd', 'tổ chức hợp tác và phát triển kinh tế'], // 11
  ['gpmb', 'giải phóng mặt bằng'], // 10
  ['fsb', 'cơ quan an ninh liên bang nga'], // 10
  ['nafta', 'hiệp định thương mại tự do bắc mỹ'], // 9
  ['ilo', 'tổ chức lao động quốc tế'], // 9
  ['ufo', 'vật thể bay không xác định'], // 8
  ['gtgt', 'giá trị gia tăng'], // 8
  ['vat', 'thuế giá trị gia tăng'], // 10
  ['osce', 'tổ chức an ninh và hợp tác châu âu'], // 7
  ['iss', 'trạm vũ trụ quốc tế'], // 7
  ['iata', 'hiệp hội vận tải hàng không quốc tế'], // 7
  ['arf', 'diễn đàn khu vực asean'], // 7
  ['vnr', 'tổng công ty đường sắt việt nam'], // 8
  ['vsattp', 'vệ sinh an toàn thực phẩm'], // 6
  ['ivf', 'thụ tinh ống nghiệm'], // 6
  ['brt', 'xe buýt nhanh'], // 7
  ['unesco', 'tổ chức giáo dục khoa học và văn hóa liên hợp quốc'], // 13, long form completed
  ['fao', 'tổ chức lương thực và nông nghiệp liên hợp quốc'], // 6, long form completed
  ['csđt', 'cảnh sát điều tra'], // 7
  ['qltt', 'quản lý thị trường'], // 7
  ['tsn', 'tân sơn nhất'], // 10
  // Countries and places.
  ['mỹ', 'hoa kỳ'],
  ['triều tiên', 'bắc triều tiên'],
  ['triều tiên', 'cộng hòa dân chủ nhân dân triều tiên'],
  ['chdcnd triều tiên', 'cộng hòa dân chủ nhân dân triều tiên'],
  ['hàn quốc', 'nam hàn'],
  ['úc', 'australia'],
  ['vương quốc anh', 'anh quốc'],
  ['ả rập xê út', 'saudi arabia'],
  ['thổ nhĩ kỳ', 'turkey'],
  ['campuchia', 'cam pu chia'],
  // Football clubs and teams.
  ['mu', 'manchester united'],
  ['man utd', 'manchester united'],
  ['man united', 'manchester united'],
  ['quỷ đỏ', 'manchester united'],
  ['man city', 'manchester city'],
  ['barca', 'barcelona'],
  ['real', 'real madrid'],
  ['kền kền trắng', 'real madrid'],
  ['pháo thủ', 'arsenal'],
  ['lữ đoàn đỏ', 'liverpool'],
  ['juve', 'juventus'],
  ['bà đầm già', 'juventus'],
  ['hùm xám', 'bayern munich'],
  ['bayern', 'bayern munich'],
  ['psg', 'paris saint germain'],
  ['atletico', 'atletico madrid'],
  ['spurs', 'tottenham'],
  ['inter', 'inter milan'],
  ['hagl', 'hoàng anh gia lai'],
  ['slna', 'sông lam nghệ an'],
  ['đt việt nam', 'đội tuyển việt nam'],
  ['tuyển việt nam', 'đội tuyển việt nam'],
  // People by their common short names.
  ['messi', 'lionel messi'],
  ['leo messi', 'lionel messi'],
  ['ronaldo', 'cristiano ronaldo'],
  ['cr7', 'cristiano ronaldo'],
  ['ibra', 'ibrahimovic'],
  ['ibrahimovic', 'zlatan ibrahimovic'],
  ['pogba', 'paul pogba'],
  ['trump', 'donald trump'],
  ['putin', 'vladimir putin'],
  ['obama', 'barack obama'],
  ['công phượng', 'nguyễn công phượng'],
  ['xuân trường', 'lương xuân trường'],
  ['hữu thắng', 'nguyễn hữu thắng'],
  ['công vinh', 'lê công vinh'],
  ['ánh viên', 'nguyễn thị ánh viên'],
  ['sơn tùng', 'sơn tùng m-tp'],
  ['sơn tùng mtp', 'sơn tùng m-tp'],
  ['hà hồ', 'hồ ngọc hà'],
  ['mr đàm', 'đàm vĩnh hưng'],
];
