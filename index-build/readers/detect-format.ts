/**
 * Tells the seed article format (date line first) from the title-first format of plain-text corpus files.
 *
 * @packageDocumentation
 */

/**
 * The seed format's first line: `dd/mm/yyyy - HH:MM`, e.g. `08/10/2011 - 08:15` (day and month may have one
 * digit; spaces around '-' optional). Captures day, month, year, hour, minute.
 */
export const SEED_DATE_LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*-\s*(\d{1,2}):(\d{2})$/;

/**
 * Whether a `.txt` file is in the seed format, i.e. its first non-empty line matches {@link SEED_DATE_LINE}.
 * Only the first non-empty line is looked at, so this is cheap on large files.
 *
 * @param text - Decoded text with '\n' line endings.
 * @returns `true` for the seed format, `false` for everything else (read as title-first).
 */
export function looksLikeSeedFormat(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') return SEED_DATE_LINE.test(line);
    start = end + 1;
  }
  return false;
}
