/**
 * How the build reports a skipped file or record (the build report and --strict share it).
 * @module
 */
import type { Skip } from './readers/article.js';

/** One report line for a skipped file or record: where, why, and what to do. */
export function skipLine(s: Skip): string {
  return `    SKIPPED ${s.source}: ${s.reason} — ${s.detail}`;
}
