/**
 * Recursive, loop-safe listing of the files under a corpus directory.
 *
 * @packageDocumentation
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from './compare-code-points.js';
import { errorText } from './error-text.js';

/** A regular file found under the root. */
export interface ListedFile {
  /** Path usable with `fs` (root joined with `rel`). */
  path: string;
  /** Path relative to the root, '/'-separated. */
  rel: string;
}

/** Something under the root that is not a readable regular file. */
export interface ListingIssue {
  /** Path relative to the root, '/'-separated. */
  rel: string;
  /**
   * - 'unreadable': a directory that cannot be listed, or a broken symbolic link;
   * - 'special': a FIFO, socket or device (never opened, since reading could block);
   * - 'hidden': a dot-file or dot-directory, not looked into;
   * - 'revisit': a symbolic link to a directory already listed (a loop, or the same files twice).
   */
  kind: 'unreadable' | 'special' | 'hidden' | 'revisit';
  /** Actionable sentence. */
  detail: string;
}

/** Result of {@link listFiles}. */
export interface Listing {
  /** Regular files (symbolic links to files included), sorted by `rel` in code-point order. */
  files: ListedFile[];
  /** Entries that were not listed as files, sorted by `rel`. */
  issues: ListingIssue[];
}

/**
 * Lists every regular file under `root`, recursively. Symbolic links are followed, but each real directory is
 * listed at most once, so link loops terminate. Names starting with '.' are reported as 'hidden' and not
 * descended into (e.g. `.git`).
 *
 * @param root - Directory to list.
 * @returns Files and issues, both sorted by relative path (code-point order).
 */
export async function listFiles(root: string): Promise<Listing> {
  const files: ListedFile[] = [];
  const issues: ListingIssue[] = [];
  const seenDirs = new Set<string>();
  const pending: { abs: string; rel: string }[] = [{ abs: root, rel: '' }];

  while (pending.length > 0) {
    const dir = pending.pop()!;
    let real: string;
    try {
      real = await realpath(dir.abs);
    } catch (err) {
      issues.push({ rel: dir.rel, kind: 'unreadable', detail: `cannot resolve directory (${errorText(err)}); check it exists and is accessible` });
      continue;
    }
    if (seenDirs.has(real)) {
      issues.push({
        rel: dir.rel,
        kind: 'revisit',
        detail: `symbolic link to a directory that was already read (${real}); skipped to avoid a loop or reading files twice`,
      });
      continue;
    }
    seenDirs.add(real);

    let entries: Dirent[];
    try {
      entries = [];
      for await (const entry of await opendir(dir.abs)) entries.push(entry);
    } catch (err) {
      issues.push({ rel: dir.rel || '.', kind: 'unreadable', detail: `cannot list directory (${errorText(err)}); check its permissions` });
      continue;
    }

    entries.sort((a, b) => compareCodePoints(b.name, a.name)); // reversed: the stack pops in sorted order
    const subdirs: { abs: string; rel: string }[] = [];
    for (const entry of entries) {
      const abs = path.join(dir.abs, entry.name);
      const rel = dir.rel === '' ? entry.name : `${dir.rel}/${entry.name}`;
      if (entry.name.startsWith('.')) {
        issues.push({ rel, kind: 'hidden', detail: 'hidden entry (name starts with ".") ignored' });
        continue;
      }
      let kind: 'file' | 'dir' | 'special';
      if (entry.isFile()) kind = 'file';
      else if (entry.isDirectory()) kind = 'dir';
      else if (entry.isSymbolicLink() || !(entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice())) {
        let target: Stats;
        try {
          target = await stat(abs);
        } catch (err) {
          issues.push({ rel, kind: 'unreadable', detail: `broken symbolic link (${errorText(err)}); fix or remove it` });
          continue;
        }
        kind = target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'special';
      } else kind = 'special';

      if (kind === 'file') files.push({ path: abs, rel });
      else if (kind === 'dir') subdirs.push({ abs, rel });
      else issues.push({ rel, kind: 'special', detail: 'not a regular file (FIFO, socket or device); remove it from the corpus directory' });
    }
    for (const sub of subdirs) pending.push(sub);
  }

  files.sort((a, b) => compareCodePoints(a.rel, b.rel));
  issues.sort((a, b) => compareCodePoints(a.rel, b.rel));
  return { files, issues };
}
