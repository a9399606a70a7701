/**
 * Pass 1 of the build: analyzes every article once and records, per document, which index keys it
 * contains and how often in each field, plus the collection statistics that scoring (document
 * frequencies, average lengths) and the lexicon (reading and pair counts) need.
 * @module
 */
import { forEachToken, type Token } from '../src/analyzer/tokenize.js';
import { bigramKey, exactKey, foldedKey } from '../src/index-format/term-keys.js';

/** The keys one document contains, with per-field frequencies (parallel arrays). */
export interface DocTerms {
  termIds: Uint32Array;
  tfTitle: Uint16Array;
  tfBody: Uint16Array;
  lenTitle: number;
  lenBody: number;
}

const TITLE = 0;
const BODY = 1;

/** Interns index keys and accumulates collection statistics while documents are added. */
export class TermCollector {
  /** Key → term id. */
  readonly ids = new Map<string, number>();
  /** Term id → key. */
  readonly keys: string[] = [];
  /** Term id → number of documents containing it. */
  readonly df: number[] = [];
  /** Exact syllable → occurrences (all syllables, accented or not). */
  readonly exactCounts = new Map<string, number>();
  /** Exact adjacent pair `a b` → occurrences. */
  readonly pairCounts = new Map<string, number>();
  totalTitleLength = 0;
  totalBodyLength = 0;
  documentCount = 0;

  private readonly docTf = new Map<number, number>(); // term id → (tfTitle << 16) | tfBody

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.df.push(0);
    }
    return id;
  }

  private bump(key: string, field: number): void {
    const id = this.intern(key);
    const v = this.docTf.get(id) ?? 0;
    const title = v >>> 16;
    const body = v & 0xffff;
    this.docTf.set(id, field === TITLE ? ((Math.min(title + 1, 0xffff) << 16) | body) >>> 0 : ((title << 16) | Math.min(body + 1, 0xffff)) >>> 0);
  }

  private addField(parts: readonly (string | undefined)[], field: number): number {
    let length = 0;
    for (const text of parts) {
      if (!text) continue;
      let prev: Token | null = null;
      forEachToken(text, (t) => {
        length++;
        this.bump(foldedKey(t.folded), field);
        if (t.exact !== t.folded) this.bump(exactKey(t.exact), field);
        this.exactCounts.set(t.exact, (this.exactCounts.get(t.exact) ?? 0) + 1);
        if (prev && t.joined) {
          this.bump(bigramKey(prev.folded, t.folded), field);
          const pair = prev.exact + ' ' + t.exact;
          this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
        }
        prev = t;
      });
    }
    return length;
  }

  /**
   * Analyzes one document.
   * @param title texts of the title field (kicker, headline), tokenized separately so no pair spans them
   * @param body texts of the body field (lead, body)
   */
  add(title: readonly (string | undefined)[], body: readonly (string | undefined)[]): DocTerms {
    this.docTf.clear();
    const lenTitle = this.addField(title, TITLE);
    const lenBody = this.addField(body, BODY);
    const n = this.docTf.size;
    const termIds = new Uint32Array(n);
    const tfTitle = new Uint16Array(n);
    const tfBody = new Uint16Array(n);
    let i = 0;
    for (const [id, v] of this.docTf) {
      termIds[i] = id;
      tfTitle[i] = v >>> 16;
      tfBody[i] = v & 0xffff;
      this.df[id]++;
      i++;
    }
    this.documentCount++;
    this.totalTitleLength += lenTitle;
    this.totalBodyLength += lenBody;
    return { termIds, tfTitle, tfBody, lenTitle, lenBody };
  }
}
