/**
 * HTML of the search-insights page (`GET /insights` in a browser). The same renderer makes the page
 * without data (what a browser gets before it sends the token) and the page with the report (what
 * the page's script fetches with the token, and what `curl -H 'Accept: text/html'` gets): tables,
 * summary figures and inline-SVG charts ({@link barChart}, {@link lineChart}). Every value is
 * escaped by `hono/html`; the charts escape their own text.
 * @module
 */
import { html, raw } from 'hono/html';
import type { InsightsReport, QueryReport } from '../../insights/store.js';
import { barChart, lineChart } from './charts.js';
import type { PageStrings } from './strings.js';

type Html = ReturnType<typeof html>;

/** Everything the page shows. */
export interface InsightsPageState {
  t: PageStrings;
  /** The range shown (defaults filled in). */
  query: { from: string; to: string; limit: number };
  /** The report, or null for the page that still needs the token. */
  report: InsightsReport | null;
  /** Whether a token is configured (else the page says how to enable insights). */
  configured: boolean;
  /** Whether searches are being recorded now (INSIGHTS not "off"). */
  recording: boolean;
  scriptSrc: string;
  cssHref: string;
}

/** The page's Content-Security-Policy: its own script, stylesheet and API only. */
export const INSIGHTS_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const number = (t: PageStrings) => new Intl.NumberFormat(t.locale);
const percent = (t: PageStrings, v: number | null) => (v === null ? '–' : new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v));
const ms = (v: number | null) => (v === null ? '–' : `${v}`);

function queryTable(t: PageStrings, rows: QueryReport[], columns: Array<'searches' | 'zero_results' | 'mean_hits' | 'clicks' | 'mean_click_rank' | 'interpreted_as'>): Html {
  if (!rows.length) return html`<p class="muted">${t.tables.empty}</p>`;
  const n = number(t);
  const head: Record<string, string> = { searches: t.tables.searches, zero_results: t.tables.zeroResults, mean_hits: t.tables.meanHits, clicks: t.tables.clicks, mean_click_rank: t.tables.meanRank, interpreted_as: t.tables.interpretedAs };
  const cell = (r: QueryReport, c: (typeof columns)[number]) => {
    if (c === 'interpreted_as') return html`<td>${r.interpreted_as ?? ''}</td>`;
    const v = r[c];
    return html`<td class="n">${v === null ? '–' : n.format(v)}</td>`;
  };
  return html`<table><thead><tr><th>${t.tables.query}</th>${columns.map((c) => html`<th class="${c === 'interpreted_as' ? '' : 'n'}">${head[c]}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr><td class="q">${r.query}</td>${columns.map((c) => cell(r, c))}</tr>`)}</tbody></table>`;
}

/** The report part of the page (`#report`). */
export function reportSection(t: PageStrings, r: InsightsReport, recording: boolean): Html {
  const n = number(t);
  const labels = r.days.map((d) => d.day);
  const tot = r.totals;
  const notes = [
    r.fragments_hidden ? t.notes.fragments(r.fragments_hidden) : null,
    tot.redacted ? t.notes.redacted(tot.redacted) : null,
    tot.overflow ? t.notes.overflow(tot.overflow) : null,
    tot.lost ? t.notes.lost(tot.lost) : null,
    t.notes.privacy,
  ].filter((x): x is string => x !== null);
  const card = (k: string, v: string) => html`<div class="card"><div class="v">${v}</div><div class="k">${k}</div></div>`;
  return html`<div id="report">
<p class="muted">${t.period(r.from, r.to, r.utc_offset)}</p>
${recording ? '' : html`<p class="note warn">${t.recordingOff}</p>`}
<div class="cards">
${card(t.cards.searches, n.format(tot.searches))}
${card(t.cards.zero, percent(t, tot.zero_result_share))}
${card(t.cards.restored, percent(t, tot.restored_share))}
${card(t.cards.relaxed, percent(t, tot.relaxed_share))}
${card(t.cards.clicks, n.format(tot.clicks))}
${card(t.cards.latency, `${ms(tot.took_ms.p50)} / ${ms(tot.took_ms.p95)} ms`)}
</div>
<div class="charts">
<figure class="panel"><h2>${t.charts.searches}</h2>${raw(barChart(r.days.map((d) => d.searches), { title: t.charts.searches, labels, format: (v) => n.format(v), empty: t.tables.empty }))}</figure>
<figure class="panel"><h2>${t.charts.zeroShare}</h2>${raw(lineChart([{ name: t.tables.zeroShare, values: r.days.map((d) => d.zero_result_share) }], { title: t.charts.zeroShare, labels, format: (v) => percent(t, v), empty: t.tables.empty, minMax: 0.1 }))}</figure>
<figure class="panel"><h2>${t.charts.latency}</h2>${raw(lineChart([{ name: t.charts.p50, values: r.days.map((d) => d.took_ms.p50) }, { name: t.charts.p95, values: r.days.map((d) => d.took_ms.p95) }], { title: t.charts.latency, labels, format: (v) => `${n.format(v)} ms`, empty: t.tables.empty }))}</figure>
</div>
<div class="tables">
<section class="panel wide"><h2>${t.tables.top}</h2>${queryTable(t, r.top_queries, ['searches', 'zero_results', 'mean_hits', 'clicks', 'mean_click_rank', 'interpreted_as'])}</section>
<section class="panel"><h2>${t.tables.zero}</h2>${queryTable(t, r.zero_result_queries, ['zero_results', 'searches', 'interpreted_as'])}</section>
<section class="panel"><h2>${t.tables.unclicked}</h2>${queryTable(t, r.unclicked_queries, ['searches', 'mean_hits'])}<p class="hint">${t.tables.unclickedNote}</p></section>
</div>
<details class="panel"><summary>${t.tables.perDay}</summary>
<table><thead><tr><th>${t.tables.day}</th><th class="n">${t.tables.searches}</th><th class="n">${t.tables.zeroShare}</th><th class="n">${t.tables.clicks}</th><th class="n">${t.tables.p50}</th><th class="n">${t.tables.p95}</th></tr></thead>
<tbody>${[...r.days].reverse().map((d) => html`<tr><td>${d.day}</td><td class="n">${n.format(d.searches)}</td><td class="n">${percent(t, d.zero_result_share)}</td><td class="n">${n.format(d.clicks)}</td><td class="n">${ms(d.took_ms.p50)}</td><td class="n">${ms(d.took_ms.p95)}</td></tr>`)}</tbody></table>
</details>
<ul class="notes">${notes.map((x) => html`<li>${x}</li>`)}</ul>
</div>`;
}

/** The whole page. */
export function renderInsightsPage(s: InsightsPageState): Html {
  const { t, query } = s;
  const other = t.lang === 'vi' ? 'en' : 'vi';
  const switchHref = `/insights?${new URLSearchParams({ from: query.from, to: query.to, limit: String(query.limit), lang: other })}`;
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${t.title} – vn-search</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${s.cssHref}">
<script src="${s.scriptSrc}" defer></script>
</head>
<body>
<header class="top"><div class="wrap"><a class="brand" href="/">vn-search</a><a href="${switchHref}" hreflang="${other}" lang="${other}">${t.switchLang}</a></div></header>
<main class="wrap">
<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
<section class="panel" aria-label="${t.tokenLabel}">
${s.configured ? '' : html`<p class="note warn" id="not-configured">${t.notConfigured('INSIGHTS_TOKEN')}</p>`}
<form id="token-form" class="token" data-loading="${t.loading}" data-network-error="${t.networkError}"${s.report ? raw(' hidden') : ''}>
<label>${t.tokenLabel}<input name="token" type="password" autocomplete="off" spellcheck="false" required></label>
<button type="submit">${t.tokenSubmit}</button>
</form>
<p class="hint">${t.tokenHint}</p>
<p id="token-status" role="status" aria-live="polite"></p>
<button id="forget-token" class="secondary" type="button" hidden>${t.forgetToken}</button>
<noscript><p class="note">${t.noScript}</p></noscript>
</section>
<form class="range panel" method="get" action="/insights">
<label>${t.rangeFrom}<input type="date" name="from" value="${query.from}"></label>
<label>${t.rangeTo}<input type="date" name="to" value="${query.to}"></label>
<label>${t.rangeLimit}<input type="number" name="limit" min="1" max="100" value="${String(query.limit)}"></label>
<input type="hidden" name="lang" value="${t.lang}">
<button type="submit">${t.rangeSubmit}</button>
</form>
${s.report ? reportSection(t, s.report, s.recording) : html`<div id="report"></div>`}
</main>
</body>
</html>`;
}
