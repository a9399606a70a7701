/**
 * `<vn-search>`: an accessible as-you-type search box for the vn-search API.
 *
 * Follows the ARIA combobox pattern (list autocomplete): the input has role=combobox with
 * aria-expanded / aria-controls / aria-activedescendant, results are role=option in a
 * role=listbox; ↑/↓ move the active option, Enter opens it, Esc closes (a second Esc clears), Tab
 * leaves. Focus stays in the input (never trapped). Each option is the result's link itself
 * (`<a role="option">`, which ARIA allows on a link), not a link inside an option: no interactive
 * control is nested in another, and the link still opens in a new tab or copies like any link.
 * @module
 */
import { reportClick, resolveEndpoint, SearchClient, searchUrl, type Hit, type Outcome } from './api.js';
import { adoptStyles, h, hitHref, hitMeta, marked, safeUrl, SCRIPT_ORIGIN, type Attrs } from './dom.js';
import { stringsFor, type Strings } from './strings.js';
import { CSS } from './styles.js';

/** The magnifier icon, built as SVG nodes. */
function icon(): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const attrs: Attrs = { class: 'icon', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'aria-hidden': 'true' };
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  const circle = document.createElementNS(ns, 'circle');
  circle.setAttribute('cx', '11');
  circle.setAttribute('cy', '11');
  circle.setAttribute('r', '7');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'm20 20-3.5-3.5');
  svg.append(circle, path);
  return svg;
}

/** The custom element. */
export class VnSearchElement extends HTMLElement {
  static readonly observedAttributes = ['placeholder', 'lang', 'label'];

  private readonly wrap: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;
  private readonly more: HTMLAnchorElement;
  private readonly live: HTMLElement;
  private readonly client: SearchClient;
  private hits: Hit[] = [];
  /** The option elements, in result order. */
  private options: HTMLElement[] = [];
  private active = -1;
  /** The query the panel shows results for. */
  private shown = '';
  private t: Strings = stringsFor(null);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    adoptStyles(root, CSS);
    this.input = h('input', {
      part: 'input', type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'lb', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'search',
    }) as HTMLInputElement;
    const field = h('div', { class: 'field', part: 'field' }, icon(), this.input, h('span', { class: 'spin', part: 'spinner', 'aria-hidden': 'true' }));
    this.status = h('div', { class: 'status', part: 'status', id: 'st' });
    this.list = h('ul', { role: 'listbox', id: 'lb', part: 'listbox' });
    this.more = h('a', { class: 'more', part: 'more', tabindex: '-1' }) as HTMLAnchorElement;
    this.live = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.wrap = h('div', { class: 'wrap', part: 'container' }, field, h('div', { class: 'panel', part: 'panel' }, this.status, this.list, this.more), this.live);
    root.append(this.wrap);

    this.client = new SearchClient(
      (q) => searchUrl(this.endpoint, q, this.limit, this.getAttribute('freshness')),
      (o) => this.onOutcome(o),
      Number(this.getAttribute('debounce') ?? 150) || 150,
    );
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (e) => this.onKeydown(e));
    this.input.addEventListener('focus', () => { if (this.shown && this.shown === this.input.value) this.open(); });
    this.wrap.addEventListener('focusout', (e) => {
      if (!(e.relatedTarget instanceof Node && root.contains(e.relatedTarget))) this.close();
    });
    // Keep focus in the input while clicking results; the click itself still follows the link.
    this.list.addEventListener('pointerdown', (e) => e.preventDefault());
    this.more.addEventListener('pointerdown', (e) => e.preventDefault());
    this.list.addEventListener('click', (e) => this.onClick(e));
    this.list.addEventListener('pointermove', (e) => {
      const option = (e.target as Element).closest?.<HTMLElement>('[role=option]');
      if (option) this.setActive(Number(option.dataset.i));
    });
  }

  connectedCallback(): void {
    this.applyTexts();
    const value = this.getAttribute('value');
    if (value !== null && !this.input.value) this.input.value = value;
  }

  attributeChangedCallback(): void {
    this.applyTexts();
  }

  disconnectedCallback(): void {
    this.client.cancel();
  }

  /** The text in the box. */
  get value(): string {
    return this.input.value;
  }

  set value(v: string) {
    this.input.value = v;
    this.onInput();
  }

  /** The API base URL: the `endpoint` attribute, else where widget.js came from. */
  get endpoint(): string {
    return resolveEndpoint(this.getAttribute('endpoint') || SCRIPT_ORIGIN, document.baseURI);
  }

  /** Results shown (1–50, default 8). */
  get limit(): number {
    const n = Number(this.getAttribute('limit'));
    return Number.isInteger(n) && n >= 1 ? Math.min(n, 50) : 8;
  }

  private get minChars(): number {
    const n = Number(this.getAttribute('min-chars'));
    return Number.isInteger(n) && n >= 1 ? n : 2;
  }

  private applyTexts(): void {
    this.t = stringsFor(this.getAttribute('lang'));
    this.input.placeholder = this.getAttribute('placeholder') ?? this.t.placeholder;
    this.input.setAttribute('aria-label', this.getAttribute('label') ?? this.t.label);
    this.list.setAttribute('aria-label', this.t.listLabel);
  }

  private onInput(): void {
    const q = this.input.value;
    if (q.trim().length < this.minChars) {
      this.client.cancel();
      this.wrap.classList.remove('busy');
      this.clear();
      this.close();
      return;
    }
    this.wrap.classList.add('busy');
    this.client.search(q);
  }

  private onOutcome(o: Outcome): void {
    this.wrap.classList.remove('busy');
    this.render(o);
    if (this.matches(':focus-within')) this.open();
    if (o.ok) this.emit('vn-search-results', { query: o.query, total: o.data.total, hits: o.data.hits, interpretedAs: o.data.interpreted_as ?? null });
    else this.emit('vn-search-error', { query: o.query, status: o.status, code: o.code, message: o.message });
  }

  private clear(): void {
    this.hits = [];
    this.options = [];
    this.shown = '';
    this.active = -1;
    this.list.replaceChildren();
    this.status.replaceChildren();
    this.live.textContent = '';
    this.more.removeAttribute('href');
  }

  private render(o: Outcome): void {
    this.clear();
    this.shown = o.query;
    const t = this.t;
    this.status.className = 'status';
    if (!o.ok) {
      const msg = o.status === 429 ? t.rateLimited : t.error;
      this.status.className = 'status note error';
      this.status.append(h('strong', {}, msg));
      this.live.textContent = msg;
      return;
    }
    const { data } = o;
    if (data.hits.length === 0) {
      const msg = t.empty(o.query.trim());
      this.status.className = 'status note';
      this.status.append(h('strong', {}, msg), t.emptyHint);
      this.live.textContent = msg;
      return;
    }
    this.hits = data.hits;
    const count = t.count(data.total, data.total_relation === 'gte');
    this.status.append(h('span', { part: 'count' }, count));
    let announce = count;
    if (data.interpreted_as) {
      this.status.append(h('span', { part: 'interpretation' }, `${t.showingFor} `, h('b', {}, data.interpreted_as)));
      announce += `. ${t.showingFor} ${data.interpreted_as}`;
    }
    if (data.relaxed) this.status.append(h('span', {}, t.relaxed));
    this.live.textContent = announce;
    data.hits.forEach((hit, i) => {
      const title = h('span', { class: 't', part: 'option-title' }, ...(hit.title_html ? marked(hit.title_html) : [hit.title ?? hit.id]));
      // Options are not Tab stops: focus stays in the input (aria-activedescendant).
      const option = h('a', { href: this.hrefOf(hit), tabindex: '-1', role: 'option', id: `o${i}`, part: 'option', 'aria-selected': 'false', 'data-i': String(i) }, title);
      if (hit.snippet) option.append(h('span', { class: 's', part: 'option-snippet' }, ...marked(hit.snippet)));
      const meta = hitMeta(hit, t);
      if (meta) option.append(h('span', { class: 'm', part: 'option-meta' }, meta));
      this.options.push(option);
      this.list.append(h('li', { role: 'none' }, option));
    });
    const results = this.getAttribute('results-url');
    if (results && data.total > data.hits.length) {
      this.more.href = this.fill(results, o.query.trim());
      this.more.textContent = t.seeAll(data.total, data.total_relation === 'gte');
    }
  }

  /** The link of a hit: its url, else `href-template` with {id}, else `<endpoint>/articles/<id>`. */
  private hrefOf(hit: Hit): string {
    return hitHref(hit, this.endpoint, this.getAttribute('href-template'));
  }

  private fill(template: string, q: string): string {
    return safeUrl(template.replace(/\{q\}/g, encodeURIComponent(q)), document.baseURI) ?? '#';
  }

  private get isOpen(): boolean {
    return this.wrap.classList.contains('open');
  }

  private open(): void {
    if (!this.shown) return;
    this.wrap.classList.add('open');
    this.input.setAttribute('aria-expanded', String(this.hits.length > 0));
  }

  /** Closes the result panel (the text stays). */
  close(): void {
    this.setActive(-1);
    this.wrap.classList.remove('open');
    this.input.setAttribute('aria-expanded', 'false');
  }

  private setActive(i: number): void {
    const options = this.options;
    options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = i >= 0 && i < options.length ? i : -1;
    const el = options[this.active];
    if (el) {
      el.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView?.({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.isComposing) return; // IME (Telex input methods) composing: the keys are not for us
    const n = this.hits.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!n) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (!this.isOpen) {
          this.open();
          this.setActive(down ? 0 : n - 1);
        } else {
          const next = this.active + (down ? 1 : -1);
          this.setActive(next < 0 ? (this.active === -1 ? n - 1 : -1) : next >= n ? 0 : next);
        }
        return;
      }
      case 'Enter': {
        e.preventDefault();
        if (this.isOpen && this.active >= 0) {
          this.options[this.active]?.click();
          return;
        }
        this.submit();
        return;
      }
      case 'Escape':
        if (this.isOpen) {
          e.preventDefault();
          this.close();
        } else if (this.input.value) {
          e.preventDefault();
          this.input.value = '';
          this.onInput();
        }
        return;
      case 'Tab':
        this.close();
        return;
      default:
        return;
    }
  }

  /** Enter without an active option: `vn-search-submit`, then `results-url` or an immediate search. */
  private submit(): void {
    const q = this.input.value.trim();
    if (!q) return;
    if (!this.emit('vn-search-submit', { query: q }, true)) return;
    const results = this.getAttribute('results-url');
    if (results) {
      window.location.assign(this.fill(results, q));
      return;
    }
    this.wrap.classList.add('busy');
    this.client.search(this.input.value, true);
  }

  private onClick(e: MouseEvent): void {
    const option = (e.target as Element).closest?.<HTMLAnchorElement>('a[role=option]');
    if (!option) return;
    const i = Number(option.dataset.i);
    const hit = this.hits[i];
    if (!hit) return;
    if (this.getAttribute('insights') !== 'off') reportClick(this.endpoint, this.shown, i + 1);
    if (!this.emit('vn-search-select', { hit, href: option.href }, true)) e.preventDefault();
  }

  /** Dispatches a composed event; false when a listener cancelled it. */
  private emit(type: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
