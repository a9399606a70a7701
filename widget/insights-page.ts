/**
 * Script of the search-insights page (`GET /insights`, served as `/insights.js`). The page arrives
 * without data; this script asks for the server-rendered report with the operator token
 * (`Authorization: Bearer`) and puts it in place. The token is kept only in `sessionStorage` (this
 * tab, until it closes): never in a cookie, `localStorage` or the URL.
 *
 * Contract with the page (src/routes/insights-page/view.ts): `#token-form` (with `input[name=token]`
 * and `data-loading` / `data-network-error` texts), `#token-status`, `#forget-token`, `#report`.
 * @module
 */

/** sessionStorage key of the token. */
export const TOKEN_KEY = 'vn-search-insights-token';

/** What the report request ended with. */
export type LoadOutcome =
  | { ok: true; report: Element }
  | { ok: false; status: number; message: string; forget: boolean };

/** Fetches the report for the page's URL (its from/to/limit/lang) with a token. */
export async function loadReport(url: string, token: string, fetcher: typeof fetch = fetch): Promise<LoadOutcome> {
  const res = await fetcher(url, { headers: { Accept: 'text/html', Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' });
  if (res.ok) {
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const report = doc.getElementById('report');
    if (report) return { ok: true, report };
    return { ok: false, status: res.status, message: 'The response has no report.', forget: false };
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, status: res.status, message: body?.error?.message ?? `HTTP ${res.status}`, forget: res.status === 401 };
}

function start(): void {
  const form = document.getElementById('token-form') as HTMLFormElement | null;
  const status = document.getElementById('token-status');
  const forget = document.getElementById('forget-token') as HTMLButtonElement | null;
  if (!form || !status || !forget) return;
  const input = form.querySelector<HTMLInputElement>('input[name=token]');

  const show = (signedIn: boolean) => {
    form.hidden = signedIn;
    forget.hidden = !signedIn;
  };

  const load = async (token: string) => {
    status.textContent = form.dataset.loading ?? '…';
    let outcome: LoadOutcome;
    try {
      outcome = await loadReport(location.pathname + location.search, token);
    } catch {
      status.textContent = form.dataset.networkError ?? 'Network error';
      show(false);
      return;
    }
    if (outcome.ok) {
      document.getElementById('report')?.replaceWith(document.importNode(outcome.report, true));
      status.textContent = '';
      show(true);
      return;
    }
    if (outcome.forget) sessionStorage.removeItem(TOKEN_KEY);
    status.textContent = outcome.message;
    show(false);
    input?.focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input?.value.trim() ?? '';
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    if (input) input.value = '';
    void load(token);
  });
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) void load(saved);
  else show(false);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
