/**
 * The human-readable build report: what was read, indexed and skipped (every skipped file with its
 * reason: nothing is dropped silently).
 * @module
 */
import type { BuildReport } from './build-index.js';
import { skipLine } from './skip-line.js';

const mb = (n: number) => (n / 1024 / 1024).toFixed(2) + ' MB';

/** Formats a build report as text lines. */
export function formatReport(r: BuildReport): string {
  const m = r.manifest;
  const lines: string[] = [];
  lines.push(`Index built from ${m.source}`);
  lines.push(`  files read:        ${r.filesRead}`);
  lines.push(`  articles indexed:  ${r.articlesIndexed}`);
  lines.push(`  skipped:           ${r.skipped.length}`);
  for (const s of r.skipped) lines.push(skipLine(s));
  if (r.notes.length) {
    lines.push(`  notes:             ${r.notes.length}`);
    for (const n of r.notes) lines.push(`    NOTE ${n.source}: ${n.detail}`);
  }
  const postings = m.shards.reduce((a, s) => a + s.files.postingsBytes, 0);
  const docs = m.shards.reduce((a, s) => a + s.files.documentsBytes, 0);
  const pairParts = m.lexiconPairs?.parts ?? [];
  const tailParts = m.lexiconTail?.parts ?? [];
  // Shard files, then the manifest, the lexicon, the score bounds and the lexicon's parts.
  const files = m.shards.reduce((a, s) => a + s.files.count, 0) + 2 + (m.scoreBounds ? 1 : 0) + tailParts.length + pairParts.length;
  const pairBytes = pairParts.reduce((a, p) => a + p.bytes, 0);
  lines.push(`  shards:            ${m.shards.length} (postings ${mb(postings)}, documents ${mb(docs)}, lexicon ${mb(m.lexicon.bytes)} + ${pairParts.length} pair parts ${mb(pairBytes)}${tailParts.length ? ` + ${tailParts.length} tail parts` : ''}; ${files} files)`);
  lines.push(`  format/analyzer:   v${m.formatVersion} / ${m.analyzerVersion}`);
  lines.push(`  content hash:      ${m.contentHash}`);
  lines.push(`  written to:        ${r.indexDir}`);
  lines.push(`  time:              ${Object.entries(r.timingsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`).join(', ')}`);
  lines.push(`  analysis threads:  ${r.analysisThreads}`);
  return lines.join('\n');
}
