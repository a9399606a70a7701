/**
 * Plain-text tables for benchmark output: GitHub-flavoured Markdown pipe tables, padded so they
 * also read well in a terminal.
 * @module
 */

/** Column alignment. */
export type Align = 'left' | 'right';

/** Display width of a string (code points; good enough for Vietnamese and ASCII). */
function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/**
 * Formats a Markdown table with padded columns.
 * @param headers column headers
 * @param rows cells, one array per row (missing cells are empty)
 * @param align per-column alignment (default: first column left, others right)
 * @returns the table, lines joined by '\n' (no trailing newline)
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const al = headers.map((_, i) => align?.[i] ?? (i === 0 ? 'left' : 'right'));
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const cells = [headers.map(esc), ...rows.map((r) => headers.map((_, i) => esc(r[i] ?? '')))];
  const w = headers.map((_, i) => Math.max(3, ...cells.map((r) => width(r[i]))));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => pad(c, w[i], al[i])).join(' | ')} |`;
  const rule = `|${w.map((n, i) => (al[i] === 'right' ? `${'-'.repeat(n + 1)}:` : `:${'-'.repeat(n + 1)}`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * A number with a fixed count of decimals, or '–' when it is missing.
 * @param x value
 * @param decimals digits after the point (default 3)
 */
export function fmt(x: number | undefined | null, decimals = 3): string {
  return x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(decimals);
}

/**
 * An integer with thousands separators ("35,440").
 * @param n value
 */
export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}
