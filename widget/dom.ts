/**
 * DOM helpers shared by the widget's elements: element creation, safe links, highlighted text as
 * nodes (never innerHTML), shadow-root styles, hit metadata.
 * @module
 */
import { parseMarked } from './marked.js';
import type { Strings } from './strings.js';

/** Where widget.js was loaded from: the default endpoint. */
export const SCRIPT_ORIGIN = (() => {
  try {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    return src ? new URL(src).origin : '';
  } catch {
    return '';
  }
})();

/** Attribute name → value. */
export type Attrs = Record<string, string>;

/** Creates an element with attributes and children. */
export function h(tag: string, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** Text and `<mark>` nodes for the API's highlighted HTML (never innerHTML). */
export function marked(html: string): Node[] {
  return parseMarked(html).map((r) => (r.mark ? h('mark', { part: 'mark' }, r.text) : document.createTextNode(r.text)));
}

/** Only http(s) links are followed; anything else (javascript:, data:) is ignored. */
export function safeUrl(url: string | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The link of a hit: its url, else `template` with {id}, else `<endpoint>/articles/<id>`. */
export function hitHref(hit: { id: string; url?: string }, endpoint: string, template: string | null): string {
  const base = document.baseURI;
  return safeUrl(hit.url, base)
    ?? (template ? safeUrl(template.replace(/\{id\}/g, encodeURIComponent(hit.id)), base) : null)
    ?? `${endpoint}/articles/${encodeURIComponent(hit.id)}`;
}

/** "15/01/2013 · the-thao" for a hit's date and category ('' when it has neither). */
export function hitMeta(hit: { date?: string; category?: string }, t: Strings): string {
  const meta: string[] = [];
  const d = hit.date ? new Date(`${hit.date.slice(0, 10)}T00:00:00Z`) : null;
  if (d && !Number.isNaN(d.getTime())) meta.push(new Intl.DateTimeFormat(t.locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d));
  if (hit.category) meta.push(hit.category);
  return meta.join(' · ');
}

/** One constructable stylesheet per CSS text, shared by every instance (not subject to CSP). */
const sheets = new Map<string, CSSStyleSheet | null>();

/** Applies `css` to a shadow root: an adopted stylesheet, or a `<style>` element where unsupported. */
export function adoptStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [sheet];
  else root.append(h('style', {}, css));
}
