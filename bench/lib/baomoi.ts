/**
 * Loader for the baomoi-35k corpus (`../shared/corpora/baomoi-35k/*.txt`, read-only): one article per
 * file, file name = id, line 1 title, line 2 lead (sapo), line 3 onwards body.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One baomoi article as the benchmarks see it (NFC-normalized, lines trimmed). */
export interface BaomoiArticle {
  /** File name without `.txt` (the same id the engine's reader gives it). */
  id: string;
  /** Line 1. */
  title: string;
  /** Line 2 ('' when absent). */
  lead: string;
  /** Non-empty lines from line 3 on, joined with '\n' ('' when absent). */
  body: string;
}

/** A corpus file name with its size, for cache keys. */
export interface CorpusFile {
  name: string;
  size: number;
}

/** Path of a shared corpus, relative to the project root (`../shared/corpora/<rel>`). */
export function sharedCorpusPath(projectRoot: string, rel: string): string {
  return path.resolve(projectRoot, '../shared/corpora', rel);
}

/**
 * The `.txt` files of a baomoi-style folder, sorted by name (code-point order, like the engine's reader).
 * @param dir corpus folder
 */
export function listBaomoi(dir: string): CorpusFile[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => ({ name, size: statSync(path.join(dir, name)).size }));
}

/**
 * A short hash of a file list (names and sizes): changes when files are added, removed or resized.
 * @param files the listing
 */
export function hashFileList(files: readonly CorpusFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.name}\t${f.size}\n`);
  return h.digest('hex').slice(0, 16);
}

/**
 * Parses one title-first article.
 * @param id the article id
 * @param text the file's text
 */
export function parseBaomoi(id: string, text: string): BaomoiArticle {
  const lines = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const title = (lines[0] ?? '').trim();
  const lead = (lines[1] ?? '').trim();
  const body = lines.slice(2).map((l) => l.trim()).filter((l) => l !== '').join('\n');
  return { id, title, lead, body };
}

/**
 * Reads every article of a baomoi-style folder, in file-name order.
 * @param dir corpus folder
 * @param files the listing from {@link listBaomoi} (read again when omitted)
 */
export function loadBaomoi(dir: string, files: readonly CorpusFile[] = listBaomoi(dir)): BaomoiArticle[] {
  return files.map((f) => parseBaomoi(f.name.slice(0, -'.txt'.length), readFileSync(path.join(dir, f.name), 'utf8')));
}

/** True when the folder exists. */
export function corpusExists(p: string): boolean {
  return existsSync(p);
}

/**
 * The text every engine indexes as the body of a baomoi article: lead and body joined by '\n'.
 * @param a the article
 */
export function baomoiBody(a: BaomoiArticle): string {
  return a.lead && a.body ? `${a.lead}\n${a.body}` : a.lead || a.body;
}
