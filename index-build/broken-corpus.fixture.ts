/**
 * A corpus full of bad files next to good ones, written into a temporary folder for the build tests:
 * what must be skipped (one report line each), what must be indexed, and words to find each good
 * article by.
 * @module
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkipReason } from './readers/article.js';

/** What the build must make of {@link writeBrokenCorpus}'s files. */
export interface BrokenCorpusExpectations {
  /** Skipped source (file, or `file:line`) → reason. One entry per bad file or record. */
  skipped: Record<string, SkipReason>;
  /** Article id → a query that must find it. */
  indexed: Record<string, string>;
  /** Sources that must get a note (UTF-16 decoded, body truncated). */
  noted: string[];
}

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

/** Writes the corpus into `dir` (which must exist and be empty). */
export async function writeBrokenCorpus(dir: string): Promise<BrokenCorpusExpectations> {
  const put = (name: string, data: string | Uint8Array) => writeFile(path.join(dir, name), data);
  const tenMb = 'Đoạn văn dài về thời tiết miền Trung. '.repeat(Math.ceil((10 * 1024 * 1024) / 40));

  await put('empty.txt', '');
  await put('whitespace.txt', ' \r\n\t\n  ');
  await put('binary.txt', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64), Buffer.from([1, 2, 3, 255, 254])]));
  // "Hà Nội mưa to" in Windows-1258: à = E0, ộ = ô (F4) + combining dot below (F2), ư = FD.
  await put('cp1258.txt', Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69, 0x20, 0x6d, 0xfd, 0x61, 0x20, 0x74, 0x6f, 0x0a]));
  await put('utf16.txt', utf16le('Kỳ lân xanh xuất hiện ở Quảng Bình\nSapo về kỳ lân.\nThân bài kỳ lân.'));
  await put('crlf.txt', 'Đê điều Thái Bình được gia cố\r\nSapo đê điều.\r\n\r\nThân bài nói về đê điều Thái Bình.\r\n');
  await put('nfd.txt', 'Hội chợ hoa lan Đà Lạt mở cửa\nSapo hội chợ.\nThân bài về hoa lan.'.normalize('NFD'));
  await put('big.txt', `Bài rất dài về thời tiết miền Trung\nSapo.\n${tenMb}\n`);
  await put('no-title.txt', '\n\nThân bài không có tiêu đề.\n');
  await put('seed-no-title.txt', '08/10/2011 - 08:15\n\nChia sẻ bài viết\n');
  await put('dup-1.txt', 'Bài trùng mã thứ hai\nSapo.\nThân bài.');
  await put('articles.jsonl', [
    JSON.stringify({ id: 'dup-1', title: 'Bài trùng mã gốc về khinh khí cầu', body: 'Thân bài khinh khí cầu.' }),
    '{"id": "broken", "title": ',
    '[1, 2, 3]',
    JSON.stringify({ id: 'jsonl-ok', title: 'Tàu ngầm Kilo về cảng Cam Ranh', body: 'Thân bài tàu ngầm.', date: '2014-01-01' }),
    JSON.stringify({ id: 'no-title-json', body: 'x' }),
    JSON.stringify({ id: 42, title: 'Mã số dạng số: lễ hội pháo hoa', body: '' }),
    '',
  ].join('\n'));
  await put('notes.docx', 'PK\x03\x04 not really a docx');
  await symlink(path.join(dir, 'does-not-exist.txt'), path.join(dir, 'dangling.txt'));
  // A directory named like an article file: descended into, not read as a file.
  await mkdir(path.join(dir, 'folder.txt'));
  await put('folder.txt/inner.txt', 'Bài trong thư mục tên folder.txt về cá voi xanh\nSapo.\nThân bài cá voi.');

  return {
    skipped: {
      'articles.jsonl:2': 'unparseable',
      'articles.jsonl:3': 'unparseable',
      'articles.jsonl:5': 'no-title',
      'binary.txt': 'binary',
      'cp1258.txt': 'not-utf8',
      'dangling.txt': 'unreadable',
      'dup-1.txt': 'duplicate-id',
      'empty.txt': 'empty',
      'no-title.txt': 'no-title',
      'notes.docx': 'unsupported-file',
      'seed-no-title.txt': 'no-title',
      'whitespace.txt': 'empty',
    },
    indexed: {
      'dup-1': 'khinh khí cầu',
      'jsonl-ok': 'tàu ngầm kilo',
      '42': 'pháo hoa',
      big: 'thời tiết miền trung',
      crlf: 'đê điều thái bình',
      'inner': 'cá voi xanh',
      nfd: 'hoa lan đà lạt',
      utf16: 'kỳ lân quảng bình',
    },
    noted: ['utf16.txt', 'big.txt'],
  };
}
