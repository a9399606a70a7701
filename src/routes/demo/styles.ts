/**
 * Styles of the demo page, served as /demo.css so the page needs no inline style (strict CSP).
 * System fonts only (works offline, nothing loaded from elsewhere).
 * @module
 */
export const DEMO_CSS = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1c2333;--muted:#5d6679;--line:#e4e7ec;--accent:#1d5fd6;--accent-soft:#eaf1fd;--mark:#fff1a6;--radius:14px;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 var(--font)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid rgba(29,95,214,.35);outline-offset:2px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
.skip{position:absolute;left:-999px;top:8px;background:var(--card);padding:8px 12px;border-radius:8px;z-index:10}
.skip:focus{left:8px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
header.top .wrap{display:flex;align-items:center;justify-content:space-between;height:60px;gap:16px}
.brand{display:flex;align-items:center;gap:10px;color:var(--fg);text-decoration:none;font-weight:700;letter-spacing:-.01em}
.logo{display:grid;place-items:center;width:32px;height:32px;border-radius:9px;background:linear-gradient(135deg,#1d5fd6,#6a3fd6);color:#fff;font-size:15px;font-weight:800}
nav.links{display:flex;gap:20px;font-size:.9375rem}
nav.links a{color:var(--muted);text-decoration:none}
nav.links a:hover{color:var(--accent)}
.hero{background:radial-gradient(1200px 320px at 50% -80px,#e3ecfd 0,rgba(227,236,253,0) 70%),var(--card);border-bottom:1px solid var(--line);padding:56px 0 44px;text-align:center}
.hero.compact{padding:28px 0 24px}
.hero h1{margin:0 0 10px;font-size:clamp(1.75rem,3.2vw + 1rem,2.6rem);line-height:1.2;letter-spacing:-.02em}
.hero .lead{margin:0 auto 26px;max-width:620px;color:var(--muted);font-size:1.0625rem}
.hero.compact .lead{display:none}
.hero.compact h1{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
vn-search{max-width:720px;margin:0 auto;--vn-search-font-size:17px;--vn-search-radius:14px;--vn-search-accent:var(--accent)}
.fallback{display:flex;gap:8px;max-width:720px;margin:0 auto}
.fallback input{flex:1;font:inherit;padding:12px 14px;border:1px solid #d0d5dd;border-radius:12px}
.try{margin:18px 0 0;color:var(--muted);font-size:.9375rem}
.try a{display:inline-block;margin:4px 3px;padding:3px 12px;border:1px solid var(--line);border-radius:999px;background:var(--card);color:var(--fg);text-decoration:none;font-size:.875rem}
.try a:hover{border-color:var(--accent);color:var(--accent)}
main{padding:32px 0 48px}
.layout{display:grid;grid-template-columns:260px minmax(0,1fr);gap:32px;align-items:start}
.panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:20px}
aside.filters{position:sticky;top:16px}
.filters h2{margin:0 0 14px;font-size:1rem}
.filters fieldset{border:0;margin:0 0 18px;padding:0;min-width:0}
.filters legend{padding:0;margin-bottom:8px;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.filters label{display:flex;align-items:center;gap:8px;font-size:.9375rem;padding:3px 0;cursor:pointer}
.filters select,.filters input[type=date]{width:100%;font:inherit;font-size:.9375rem;padding:7px 10px;border:1px solid #d0d5dd;border-radius:9px;background:#fff;color:inherit}
.dates{display:grid;gap:8px}
.dates label{display:grid;gap:2px;font-size:.8125rem;color:var(--muted)}
.count{margin-left:auto;color:var(--muted);font-size:.8125rem;font-variant-numeric:tabular-nums}
.years{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.years a{display:inline-flex;gap:6px;align-items:baseline;padding:3px 10px;border:1px solid var(--line);border-radius:999px;font-size:.8125rem;color:var(--fg);text-decoration:none;font-variant-numeric:tabular-nums}
.years a span{color:var(--muted)}
.years a:hover{border-color:var(--accent)}
.years a[aria-current]{background:var(--accent);border-color:var(--accent);color:#fff}
.years a[aria-current] span{color:#dce7fb}
.actions{display:flex;gap:10px;align-items:center;margin-top:4px}
.btn{font:inherit;font-size:.9375rem;font-weight:600;padding:8px 16px;border-radius:9px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
.btn:hover{filter:brightness(1.07)}
.reset{font-size:.875rem}
.summary{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 14px;margin:0 0 16px;color:var(--muted)}
.summary strong{color:var(--fg)}
.notice{margin:0 0 16px;padding:10px 14px;border-radius:10px;background:var(--accent-soft);color:#1f3d77;font-size:.9375rem}
.notice.warn{background:#fff6e5;color:#7a4b00}
ol.hits{list-style:none;margin:0;padding:0;display:grid;gap:14px}
.hit{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:18px 20px;transition:border-color .15s,box-shadow .15s}
.hit:hover{border-color:#cdd8ee;box-shadow:0 6px 18px -10px rgba(16,24,40,.25)}
.hit h3{margin:0;font-size:1.125rem;line-height:1.4;letter-spacing:-.005em}
.hit h3 a{color:var(--fg);text-decoration:none}
.hit h3 a:hover{color:var(--accent);text-decoration:underline;text-underline-offset:3px}
.meta{margin:4px 0 8px;font-size:.8125rem;color:var(--muted)}
.meta .tag{display:inline-block;padding:0 8px;border-radius:999px;background:var(--accent-soft);color:var(--accent);font-weight:600}
.hit p{margin:0;color:#394256;font-size:.9688rem}
mark{background:var(--mark);color:inherit;border-radius:3px;padding:0 .08em}
.empty{text-align:center;padding:48px 20px}
.empty h2{margin:0 0 6px;font-size:1.25rem}
.empty p{margin:0;color:var(--muted)}
nav.pages{display:flex;flex-wrap:wrap;justify-content:center;gap:6px;margin-top:28px}
nav.pages a,nav.pages span{min-width:40px;height:40px;display:inline-grid;place-items:center;padding:0 12px;border-radius:10px;border:1px solid var(--line);background:var(--card);color:var(--fg);text-decoration:none;font-variant-numeric:tabular-nums}
nav.pages a:hover{border-color:var(--accent);color:var(--accent)}
nav.pages a[aria-current]{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:700}
nav.pages span{border-color:transparent;background:none;color:var(--muted)}
nav.pages .off{color:var(--muted);border:1px dashed var(--line)}
.features{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px;margin-bottom:32px}
.feature h2{margin:0 0 6px;font-size:1.0625rem}
.feature p{margin:0;color:var(--muted);font-size:.9375rem}
.embed h2{margin:0 0 6px;font-size:1.25rem}
.embed p{margin:0 0 14px;color:var(--muted)}
pre{margin:0 0 12px;padding:16px 18px;overflow-x:auto;background:#0f172a;color:#e2e8f0;border-radius:12px;font:13.5px/1.65 var(--mono)}
code{font-family:var(--mono);font-size:.875em}
p code{background:#eef1f6;padding:1px 6px;border-radius:6px;white-space:nowrap}
footer{border-top:1px solid var(--line);padding:22px 0 32px;color:var(--muted);font-size:.875rem}
footer .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px}
.to-filters{display:none}
.reader{max-width:780px;display:grid;gap:20px}
.story h1{margin:0 0 8px;font-size:clamp(1.5rem,2vw + 1rem,2.1rem);line-height:1.25;letter-spacing:-.015em}
.story .kicker{margin:0 0 6px;color:var(--accent);font-weight:700;font-size:.9375rem}
.story .sapo{font-weight:600}
.story p{margin:0 0 14px}
vn-related{--vn-search-accent:var(--accent)}
@media (max-width:860px){
.layout{grid-template-columns:1fr}
aside.filters{position:static;order:2}
.to-filters{display:inline}
.hero.compact .try{display:none}
.features{grid-template-columns:1fr}
.hero{padding:36px 0 30px}
nav.links{display:none}
}
`;
