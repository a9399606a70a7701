/**
 * Loader for the Zalo AI 2019 Wikipedia QA test set (`../shared/corpora/zalo-wikiqa/test.json`,
 * read-only): questions with the Wikipedia paragraphs they were asked about.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One distinct paragraph, indexed as a document. */
export interface ZaloParagraph {
  /** `p` + 16 hex digits of the SHA-256 of the NFC text (stable across runs and orderings). */
  id: string;
  /** The Wikipedia article title of the question(s) the paragraph belongs to. */
  title: string;
  /** The paragraph text (NFC). */
  text: string;
}

/** One question with the ids of its listed paragraphs. */
export interface ZaloQuestion {
  id: string;
  question: string;
  /** Wikipedia article title. */
  title: string;
  /** Ids of the paragraphs listed for it (all count as relevant). */
  relevant: string[];
}

/** The loaded data set. */
export interface ZaloData {
  paragraphs: ZaloParagraph[];
  questions: ZaloQuestion[];
  /** SHA-256 prefix of the file's bytes (for cache keys). */
  hash: string;
}

interface RawQuestion {
  __id__: string;
  question: string;
  title: string;
  paragraphs: Array<{ id: string; text: string }>;
}

/**
 * Reads the test set: distinct paragraph texts (first-seen order) and the questions.
 * @param file path of `test.json`
 */
export function loadZalo(file: string): ZaloData {
  const bytes = readFileSync(file);
  const raw = JSON.parse(bytes.toString('utf8')) as RawQuestion[];
  const byText = new Map<string, ZaloParagraph>();
  const questions: ZaloQuestion[] = raw.map((q) => {
    const relevant: string[] = [];
    for (const p of q.paragraphs) {
      const text = p.text.normalize('NFC');
      let para = byText.get(text);
      if (!para) {
        para = { id: `p${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, title: q.title.normalize('NFC'), text };
        byText.set(text, para);
      }
      if (!relevant.includes(para.id)) relevant.push(para.id);
    }
    return { id: q.__id__, question: q.question.normalize('NFC'), title: q.title.normalize('NFC'), relevant };
  });
  return { paragraphs: [...byText.values()], questions, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
