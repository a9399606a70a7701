/**
 * Content negotiation of `/insights`: HTML for browsers, JSON for everything else.
 * @module
 */

/**
 * Whether `Accept` prefers HTML over JSON: browsers navigating do (`text/html,…,*\/*;q=0.8`); `fetch`
 * and `curl` send `*\/*` and get JSON. Ties go to HTML only when `text/html` is named.
 */
export function prefersHtml(accept: string | undefined): boolean {
  const q = (type: string) => {
    let best = -1;
    for (const part of (accept ?? '').split(',')) {
      const [media, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
      if (media !== type) continue;
      const qp = params.find((p) => p.startsWith('q='));
      best = Math.max(best, qp ? Number(qp.slice(2)) || 0 : 1);
    }
    return best;
  };
  const htmlQ = q('text/html');
  return htmlQ > 0 && htmlQ >= q('application/json');
}
