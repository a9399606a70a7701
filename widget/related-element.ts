/**
 * `<vn-related article-id="…">`: the "Bài viết liên quan" list under an article, from
 * `GET /articles/:id/related`. A labelled region (`<section>` named by its heading) with an ordered
 * list of plain links, a polite status line for loading, empty and error states, and `aria-busy`
 * while loading. It reloads when `article-id` (or another option) changes, and the host carries
 * `data-state="loading|ready|empty|error"` so a page can hide an empty block with CSS.
 * @module
 */
import { resolveEndpoint } from './api.js';
import { adoptStyles, h, hitHref, hitMeta, marked, SCRIPT_ORIGIN } from './dom.js';
import { RelatedClient, relatedUrl, type RelatedHit, type RelatedOutcome } from './related-api.js';
import { RELATED_CSS } from './related-styles.js';
import { stringsFor, type Strings } from './strings.js';

/** The custom element. */
export class VnRelatedElement extends HTMLElement {
  static readonly observedAttributes = ['article-id', 'endpoint', 'limit', 'lang', 'heading', 'heading-level', 'recent', 'category', 'snippets'];

  private readonly section: HTMLElement;
  private heading: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;
  private readonly client: RelatedClient;
  private hits: RelatedHit[] = [];
  private t: Strings = stringsFor(null);
  private pending = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, RELATED_CSS);
    this.heading = h('h2', { id: 'hd', class: 'hd', part: 'heading' });
    this.status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.list = h('ol', { part: 'list' });
    this.section = h('section', { part: 'container', 'aria-labelledby': 'hd' }, this.heading, this.status, this.list);
    root.append(this.section);
    this.client = new RelatedClient((o) => this.render(o));
    this.list.addEventListener('click', (e) => this.onClick(e));
  }

  connectedCallback(): void {
    this.schedule();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  disconnectedCallback(): void {
    this.client.cancel();
  }

  /** The API base URL: the `endpoint` attribute, else where widget.js came from. */
  get endpoint(): string {
    return resolveEndpoint(this.getAttribute('endpoint') || SCRIPT_ORIGIN, document.baseURI);
  }

  /** Related articles shown (1–20, default 5). */
  get limit(): number {
    const n = Number(this.getAttribute('limit'));
    return Number.isInteger(n) && n >= 1 ? Math.min(n, 20) : 5;
  }

  /** Coalesces attribute changes made together into one request. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.load();
    });
  }

  private applyTexts(): void {
    this.t = stringsFor(this.getAttribute('lang'));
    const n = Number(this.getAttribute('heading-level'));
    const tag = `h${Number.isInteger(n) && n >= 2 && n <= 6 ? n : 2}`;
    if (this.heading.tagName.toLowerCase() !== tag) {
      const next = h(tag, { id: 'hd', class: 'hd', part: 'heading' });
      this.heading.replaceWith(next);
      this.heading = next;
    }
    this.heading.textContent = this.getAttribute('heading') ?? this.t.relatedHeading;
  }

  /** Loads the list for the current `article-id` (clears it when there is none). */
  private load(): void {
    this.applyTexts();
    const id = (this.getAttribute('article-id') ?? '').trim();
    this.hits = [];
    this.list.replaceChildren();
    this.status.className = 'status';
    if (!id) {
      this.client.cancel();
      this.status.textContent = '';
      this.setState('empty', false);
      return;
    }
    this.status.textContent = this.t.relatedLoading;
    this.setState('loading', true);
    const url = relatedUrl(this.endpoint, id, { limit: this.limit, recent: this.hasAttribute('recent'), category: this.getAttribute('category') ?? '' });
    void this.client.load(url, id);
  }

  private setState(state: 'loading' | 'ready' | 'empty' | 'error', busy: boolean): void {
    this.dataset.state = state;
    this.section.setAttribute('aria-busy', String(busy));
  }

  private render(o: RelatedOutcome): void {
    const t = this.t;
    if (!o.ok) {
      this.status.className = 'status error';
      this.status.textContent = t.relatedError;
      this.setState('error', false);
      this.emit('vn-related-error', { articleId: o.articleId, status: o.status, code: o.code, message: o.message });
      return;
    }
    this.hits = o.data.hits;
    if (this.hits.length === 0) {
      this.status.textContent = t.relatedEmpty;
      this.setState('empty', false);
    } else {
      this.status.textContent = '';
      const template = this.getAttribute('href-template');
      const snippets = this.hasAttribute('snippets');
      this.hits.forEach((hit, i) => {
        const link = h('a', { href: hitHref(hit, this.endpoint, template), part: 'link', 'data-i': String(i) }, h('span', { class: 't', part: 'title' }, hit.title ?? hit.id));
        if (snippets && hit.snippet) link.append(h('span', { class: 's', part: 'snippet' }, ...marked(hit.snippet)));
        const meta = hitMeta(hit, t);
        if (meta) link.append(h('span', { class: 'm', part: 'meta' }, meta));
        this.list.append(h('li', { part: 'item' }, link));
      });
      this.setState('ready', false);
    }
    this.emit('vn-related-results', { articleId: o.articleId, hits: o.data.hits, duplicates: o.data.duplicates });
  }

  private onClick(e: MouseEvent): void {
    const a = (e.target as Element).closest?.('a');
    const hit = a ? this.hits[Number(a.dataset.i)] : undefined;
    if (a && hit && !this.emit('vn-related-select', { hit, href: a.href }, true)) e.preventDefault();
  }

  /** Dispatches a composed event; false when a listener cancelled it. */
  private emit(type: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
