/**
 * Cache keys and folders for benchmark artifacts (built indexes) under `bench/.cache/` (git-ignored).
 * A key combines a hash of the input data with a hash of the code that produced the artifact, so any
 * change to either rebuilds.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files skipped by {@link hashCodeTrees}: tests, fixtures and docs do not change what gets built. */
const IGNORED = (rel: string) => /\.test\.[cm]?[jt]s$/.test(rel) || /(^|\/)fixtures\//.test(rel) || /\.md$/i.test(rel);

function walk(dir: string, rel: string, out: string[]): void {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(dir, r, out);
    else if (e.isFile() && !IGNORED(r)) out.push(r);
  }
}

/**
 * A content hash of the code under some folders (relative paths + bytes of every file except
 * tests, fixtures and Markdown), in a fixed order.
 * @param root project root
 * @param dirs folders relative to `root`, e.g. `['src', 'index-build']`
 * @returns 16 hex digits
 */
export function hashCodeTrees(root: string, dirs: readonly string[]): string {
  const h = createHash('sha256');
  for (const d of dirs) {
    const files: string[] = [];
    if (existsSync(path.join(root, d))) walk(path.join(root, d), '', files);
    files.sort();
    for (const f of files) {
      h.update(`${d}/${f}\0`);
      h.update(readFileSync(path.join(root, d, f)));
      h.update('\0');
    }
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A short hash of strings or bytes.
 * @param parts values hashed in order
 * @returns 16 hex digits
 */
export function shortHash(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of parts) { h.update(p); h.update('\0'); }
  return h.digest('hex').slice(0, 16);
}

/**
 * Removes the cache folders `<cacheRoot>/<prefix>-<16 hex digits>` other than `keep` (stale builds of
 * the same thing) whose modification time is older than `minAgeMs`, plus leftover `.tmp-<prefix>-*`
 * build folders older than an hour (from interrupted runs).
 * @param cacheRoot the cache folder
 * @param prefix artifact name, e.g. 'baomoi'
 * @param keep the folder name to keep
 * @param minAgeMs keep folders touched more recently than this (a concurrent run may be using them)
 */
export function pruneStale(cacheRoot: string, prefix: string, keep: string, minAgeMs = 0): void {
  if (!existsSync(cacheRoot)) return;
  const now = Date.now();
  for (const e of readdirSync(cacheRoot, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === keep) continue;
    const full = path.join(cacheRoot, e.name);
    const stale = e.name.startsWith(`${prefix}-`) && /^[0-9a-f]{16}$/.test(e.name.slice(prefix.length + 1));
    const leftover = e.name.startsWith(`.tmp-${prefix}-`);
    if (!stale && !leftover) continue;
    let age: number;
    try { age = now - statSync(full).mtimeMs; } catch { continue; }
    if (age >= (leftover ? Math.max(minAgeMs, 3_600_000) : minAgeMs)) rmSync(full, { recursive: true, force: true });
  }
}
