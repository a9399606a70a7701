/**
 * The widget's shadow-DOM styles. Everything visual reads a `--vn-search-*` custom property (with a
 * default), and the main elements are exposed as parts: `::part(input|listbox|option|status|…)`.
 * @module
 */
export const CSS = `
:host{display:block;position:relative;font-family:var(--vn-search-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:var(--vn-search-font-size,16px);line-height:1.45;color:var(--vn-search-fg,#1c2333)}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
.field{position:relative;display:flex;align-items:center}
.icon{position:absolute;left:.9em;width:1.1em;height:1.1em;color:var(--vn-search-muted,#667085);pointer-events:none}
input{width:100%;margin:0;font:inherit;color:inherit;background:var(--vn-search-bg,#fff);border:1px solid var(--vn-search-border,#d0d5dd);border-radius:var(--vn-search-radius,12px);padding:.8em 2.75em;outline:none;-webkit-appearance:none;appearance:none;box-shadow:0 1px 2px rgba(16,24,40,.05);transition:border-color .15s,box-shadow .15s}
input::placeholder{color:var(--vn-search-muted,#667085);opacity:1}
input::-webkit-search-cancel-button,input::-webkit-search-decoration{-webkit-appearance:none}
input:focus{border-color:var(--vn-search-accent,#1d5fd6);box-shadow:0 0 0 4px var(--vn-search-ring,rgba(29,95,214,.18))}
.spin{position:absolute;right:1em;width:1em;height:1em;border:2px solid var(--vn-search-border,#d0d5dd);border-top-color:var(--vn-search-accent,#1d5fd6);border-radius:50%;animation:r .7s linear infinite;visibility:hidden}
.busy .spin{visibility:visible}
@keyframes r{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spin{animation-duration:2.5s}}
.panel{display:none;position:absolute;left:0;right:0;top:calc(100% + 6px);z-index:var(--vn-search-z-index,1000);background:var(--vn-search-bg,#fff);border:1px solid var(--vn-search-border,#d0d5dd);border-radius:var(--vn-search-radius,12px);box-shadow:var(--vn-search-shadow,0 16px 40px -8px rgba(16,24,40,.22),0 4px 8px -2px rgba(16,24,40,.08));overflow:hidden;text-align:left}
.open .panel{display:block}
.status{display:flex;flex-wrap:wrap;gap:.2em .9em;padding:.6em 1.1em;font-size:.8125em;color:var(--vn-search-muted,#667085);border-bottom:1px solid var(--vn-search-divider,#eaecf0)}
.status:empty{display:none}
.status b{color:var(--vn-search-fg,#1c2333);font-weight:600}
.status.note{display:block;border-bottom:0;padding:1.1em}
.status.note strong{display:block;color:var(--vn-search-fg,#1c2333);font-size:1.15em;font-weight:600;margin-bottom:.2em}
.status.error strong{color:var(--vn-search-error,#b42318)}
ul{list-style:none;margin:0;padding:.3em 0;max-height:var(--vn-search-max-height,28em);overflow-y:auto;overscroll-behavior:contain}
ul:empty{display:none}
a{display:block;padding:.65em 1.1em;color:inherit;text-decoration:none;border-left:3px solid transparent}
[aria-selected=true],[role=option]:hover{background:var(--vn-search-active-bg,#f2f6fe)}
[aria-selected=true]{border-left-color:var(--vn-search-accent,#1d5fd6)}
.t{display:block;font-weight:600;line-height:1.35}
[aria-selected=true] .t{color:var(--vn-search-accent,#1d5fd6)}
.s{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;margin-top:.25em;font-size:.875em;color:var(--vn-search-muted,#667085)}
.m{display:block;margin-top:.3em;font-size:.75em;color:var(--vn-search-muted,#667085);letter-spacing:.01em}
mark{background:var(--vn-search-mark-bg,#fff1a6);color:var(--vn-search-mark-fg,var(--vn-search-fg,#1c2333));border-radius:3px;padding:0 .08em}
.more{display:none;padding:.7em 1.1em;border-top:1px solid var(--vn-search-divider,#eaecf0);font-size:.875em;font-weight:600;color:var(--vn-search-accent,#1d5fd6);border-left:0}
.more[href]{display:block}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){[aria-selected=true]{outline:2px solid Highlight;outline-offset:-2px}}
`;
