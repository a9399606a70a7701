/**
 * Parser for title-first plain-text articles (the baomoi corpus layout):
 *
 * ```text
 * Headline                   ← line 1: title
 * Sapo / lead paragraph      ← line 2: lead (optional)
 * Body paragraph …           ← line 3 onwards: body (optional)
 * ```
 *
 * @packageDocumentation
 */
import type { Article, Skip } from './article.js';
import { cleanLine, cleanText, nonEmptyLines, type ParseTextOptions } from '../../src/analyzer/clean-text.js';

/**
 * Parses one title-first article: line 1 is the title, line 2 the lead, everything after it the body
 * (non-empty lines joined with '\n'). A file with only a title and lead is valid with `body: ''`.
 *
 * The input is cleaned (line endings, `normalizeText`) unless `options.cleaned` says `decodeText` already did it,
 * so raw text may be passed.
 *
 * @param text - Decoded file text.
 * @param id - Article id (the file name without extension).
 * @param source - Relative path for messages.
 * @param options - `cleaned: true` skips the second normalization pass for text straight from `decodeText`.
 * @returns The article, or a Skip: 'empty' (nothing but whitespace) or 'no-title' (line 1 blank).
 */
export function parseTitleFirstText(text: string, id: string, source: string, options: ParseTextOptions = {}): Article | Skip {
  const clean = options.cleaned ? text : cleanText(text);
  const firstBreak = clean.indexOf('\n');
  const title = cleanLine(firstBreak === -1 ? clean : clean.slice(0, firstBreak));
  const afterTitle = firstBreak === -1 ? '' : clean.slice(firstBreak + 1);
  if (title === '') {
    if (afterTitle.trim() === '') {
      return { source, reason: 'empty', detail: 'the file contains only whitespace; delete it or add the article text' };
    }
    return {
      source,
      reason: 'no-title',
      detail: 'line 1 is blank; title-first .txt files need the headline on line 1 (lead on line 2, body after)',
    };
  }

  const secondBreak = afterTitle.indexOf('\n');
  const lead = cleanLine(secondBreak === -1 ? afterTitle : afterTitle.slice(0, secondBreak));
  const body = secondBreak === -1 ? '' : nonEmptyLines(afterTitle.slice(secondBreak + 1)).join('\n');

  const article: Article = { id, title, body, source };
  if (lead !== '') article.lead = lead;
  return article;
}
