/**
 * `<vn-related>`'s shadow-DOM styles. Colours, font and radius read the same `--vn-search-*` custom
 * properties as `<vn-search>` (one theme styles both); parts: `::part(heading|list|item|link|…)`.
 * @module
 */
export const RELATED_CSS = `
:host{display:block;font-family:var(--vn-search-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:var(--vn-search-font-size,16px);line-height:1.45;color:var(--vn-search-fg,#1c2333)}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
.hd{margin:0 0 .6em;font-size:1.125em;font-weight:700;letter-spacing:-.01em}
ol{list-style:none;margin:0;padding:0;border-top:1px solid var(--vn-search-divider,#eaecf0)}
ol:empty{display:none}
li{border-bottom:1px solid var(--vn-search-divider,#eaecf0)}
a{display:block;padding:.7em .2em;color:inherit;text-decoration:none;border-radius:var(--vn-search-radius,12px)}
a:hover .t{color:var(--vn-search-accent,#1d5fd6);text-decoration:underline;text-underline-offset:3px}
a:focus-visible{outline:3px solid var(--vn-search-ring,rgba(29,95,214,.35));outline-offset:2px}
.t{display:block;font-weight:600;line-height:1.35}
.s{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;margin-top:.25em;font-size:.875em;color:var(--vn-search-muted,#667085)}
.m{display:block;margin-top:.3em;font-size:.75em;color:var(--vn-search-muted,#667085)}
.status{margin:.4em 0;font-size:.875em;color:var(--vn-search-muted,#667085)}
.status:empty{display:none}
.error{color:var(--vn-search-error,#b42318)}
@media (forced-colors:active){a:focus-visible{outline:2px solid Highlight}}
`;
