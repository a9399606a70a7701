/**
 * `--strict` builds: a corpus with anything skipped is refused before the index is written, so the
 * index being served is never replaced by one that silently lacks articles.
 * @module
 */
import type { Skip } from './readers/article.js';
import { skipLine } from './skip-line.js';

/** Thrown by `buildIndex({ strict: true })` when files or records were skipped; nothing was written. */
export class StrictBuildError extends Error {
  override name = 'StrictBuildError';

  /**
   * @param skipped what was skipped, in corpus order
   * @param outDir the output folder whose `index/` was left untouched
   */
  constructor(readonly skipped: readonly Skip[], outDir: string) {
    super(
      `--strict: ${skipped.length} file(s)/article(s) were skipped, so the index in ${outDir} was not replaced. ` +
      `Fix or remove them, or build without --strict:\n${skipped.map(skipLine).join('\n')}`,
    );
  }
}
