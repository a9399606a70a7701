/**
 * Turns the API's highlighted HTML (escaped text with `<mark>` tags) into text runs, so the widget
 * builds DOM nodes instead of assigning innerHTML: nothing but text and `<mark>` can ever reach the
 * page, whatever an endpoint returns, and pages enforcing Trusted Types keep working.
 * @module
 */

/** A run of text, highlighted or not. */
export interface Run {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Decodes the entities an escaped string can contain (others are left as they are). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);
}

/** Splits `a <mark>b</mark> c` into runs; any other tag is shown as the text it is. */
export function parseMarked(html: string): Run[] {
  const runs: Run[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) runs.push({ text: unescapeHtml(part), mark });
  }
  return runs;
}
