/**
 * Small server-rendered SVG charts for the insights page: bars (searches per day) and lines (shares,
 * latencies). No script, no library, no inline style (colours come from classes in the page's
 * stylesheet), so they render under the page's strict Content-Security-Policy, print, and read
 * without JavaScript. Every mark has a `<title>` (tooltip), and every chart a text alternative.
 * @module
 */
import { escapeHtml } from '../../engine/html-escape.js';

const W = 960;
const H = 220;
const M = { left: 56, right: 14, top: 16, bottom: 30 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

/** One series of a line chart. */
export interface Series {
  name: string;
  values: Array<number | null>;
}

/** Options shared by the charts. */
export interface ChartOptions {
  /** Accessible name (also the visible heading is expected next to the chart). */
  title: string;
  /** Labels of the x positions (days). */
  labels: string[];
  /** Formats a value for axes and tooltips. */
  format: (v: number) => string;
  /** Text shown when there is nothing to draw. */
  empty: string;
  /** Largest value of the axis at least (e.g. 1 for shares). */
  minMax?: number;
}

/** The smallest 1/2/5×10ⁿ at or above `v` (an axis maximum). */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v - 1e-9) return m * p;
  return 10 * p;
}

/** `2026-03-02` → `02/03`. */
export function shortDay(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[2]}/${m[1]}` : day;
}

const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

function frame(opts: ChartOptions, max: number, body: string, legend = ''): string {
  const ticks = [0, max / 2, max];
  const grid = ticks.map((t) => {
    const y = M.top + PH - (t / max) * PH;
    return `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${f1(y)}" y2="${f1(y)}"/><text class="axis" x="${M.left - 6}" y="${f1(y + 4)}" text-anchor="end">${escapeHtml(opts.format(t))}</text>`;
  }).join('');
  const n = opts.labels.length;
  const every = Math.max(1, Math.ceil(n / 7));
  const xLabels = opts.labels.map((l, i) => (i % every === 0 || i === n - 1) && !(i !== n - 1 && n - 1 - i < every / 2)
    ? `<text class="axis" x="${f1(xCenter(i, n))}" y="${H - 10}" text-anchor="middle">${escapeHtml(shortDay(l))}</text>` : '').join('');
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(opts.title)}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(opts.title)}</title>${grid}${xLabels}${body}${legend}</svg>`;
}

function xCenter(i: number, n: number): number {
  return M.left + (i + 0.5) * (PW / Math.max(1, n));
}

function emptyChart(opts: ChartOptions): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(opts.title)}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(opts.title)}</title><text class="axis" x="${W / 2}" y="${H / 2}" text-anchor="middle">${escapeHtml(opts.empty)}</text></svg>`;
}

/** A bar per label. */
export function barChart(values: number[], opts: ChartOptions): string {
  if (!values.some((v) => v > 0)) return emptyChart(opts);
  const max = niceCeil(Math.max(opts.minMax ?? 0, ...values));
  const n = values.length;
  const band = PW / n;
  const width = Math.max(1, band * 0.72);
  const bars = values.map((v, i) => {
    const h = (v / max) * PH;
    return `<rect class="bar" x="${f1(xCenter(i, n) - width / 2)}" y="${f1(M.top + PH - h)}" width="${f1(width)}" height="${f1(h)}"><title>${escapeHtml(`${shortDay(opts.labels[i])}: ${opts.format(v)}`)}</title></rect>`;
  }).join('');
  return frame(opts, max, bars);
}

/** A line per series; `null` values leave a gap. */
export function lineChart(series: Series[], opts: ChartOptions): string {
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (!all.length) return emptyChart(opts);
  const max = niceCeil(Math.max(opts.minMax ?? 0, ...all, 1e-9));
  const n = opts.labels.length;
  const y = (v: number) => M.top + PH - (v / max) * PH;
  const body = series.map((s, k) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      d += `${pen ? 'L' : 'M'}${f1(xCenter(i, n))} ${f1(y(v))}`;
      pen = true;
    });
    const dots = s.values.map((v, i) => v === null ? '' : `<circle class="dot s${k}" cx="${f1(xCenter(i, n))}" cy="${f1(y(v))}" r="3"><title>${escapeHtml(`${shortDay(opts.labels[i])} ${s.name}: ${opts.format(v)}`)}</title></circle>`).join('');
    return `<path class="line s${k}" d="${d}" fill="none"/>${dots}`;
  }).join('');
  const legend = series.length > 1
    ? series.map((s, k) => `<g transform="translate(${W - M.right - 70 * (series.length - k)}, 4)"><rect class="key s${k}" width="12" height="4" y="4"/><text class="axis" x="16" y="10">${escapeHtml(s.name)}</text></g>`).join('')
    : '';
  return frame(opts, max, body, legend);
}
