/**
 * Styles of the search-insights page, served as /insights.css (the page has no inline style: strict
 * Content-Security-Policy). System fonts only.
 * @module
 */
export const INSIGHTS_CSS = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1c2333;--muted:#5d6679;--line:#e4e7ec;--accent:#1d5fd6;--warn:#a15c00;--warn-bg:#fff6e5;--bad:#b42318;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 var(--font)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid rgba(29,95,214,.35);outline-offset:2px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
header.top .wrap{display:flex;align-items:center;justify-content:space-between;height:56px}
.brand{color:var(--fg);text-decoration:none;font-weight:700}
main{padding:28px 0 64px}
h1{margin:0 0 4px;font-size:1.75rem;letter-spacing:-.01em}
h2{margin:0 0 10px;font-size:1.0625rem}
.lead,.muted,.hint{color:var(--muted)}
.lead{margin:0 0 20px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px 20px;margin:0 0 18px}
form.token,form.range{display:flex;flex-wrap:wrap;align-items:flex-end;gap:10px 14px}
label{display:flex;flex-direction:column;gap:4px;font-size:.875rem;color:var(--muted)}
input{font:inherit;color:var(--fg);padding:7px 10px;border:1px solid #c9ced8;border-radius:8px;background:#fff}
input[name=token]{min-width:320px}
button,.btn{font:inherit;font-weight:600;padding:8px 14px;border-radius:8px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
.hint{font-size:.8125rem;margin:8px 0 0}
#token-status:empty{display:none}
#token-status{margin:10px 0 0;color:var(--bad);font-weight:600}
.note{padding:10px 14px;border-radius:8px;background:#eef3fd;margin:0 0 14px}
.note.warn{background:var(--warn-bg);color:var(--warn)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:0 0 18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 16px}
.card .v{font-size:1.5rem;font-weight:700;letter-spacing:-.01em}
.card .k{font-size:.8125rem;color:var(--muted)}
.charts{display:grid;grid-template-columns:1fr;gap:0}
figure{margin:0}
svg.chart{width:100%;height:auto;display:block}
svg .grid{stroke:#e8ebf0;stroke-width:1}
svg .axis{fill:#5d6679;font:11px var(--font)}
svg .bar{fill:#1d5fd6}
svg .bar:hover{fill:#0f3f99}
svg .line{stroke-width:2}
svg .s0{stroke:#1d5fd6;fill:#1d5fd6}
svg .s1{stroke:#d9480f;fill:#d9480f}
svg path.s0,svg path.s1{fill:none}
.tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:0 18px}
.tables .wide{grid-column:1/-1}
table{border-collapse:collapse;width:100%;font-size:.875rem}
th,td{text-align:left;padding:6px 8px;border-top:1px solid #eef0f4;vertical-align:top}
th{color:var(--muted);font-weight:600;border-top:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.q{font-weight:600;overflow-wrap:anywhere}
details summary{cursor:pointer;font-weight:600}
ul.notes{margin:0;padding-left:18px;color:var(--muted);font-size:.875rem}
[hidden]{display:none!important}
`;
