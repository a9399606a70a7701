/**
 * The query language: words, `"quoted phrases"` (adjacent, in order; a quoted single word must match
 * with the diacritics typed) and `-word` / `-"phrase"` exclusions. Anything else is text. Unbalanced
 * quotes are treated as plain text, so no input is a syntax error.
 * @module
 */

/** One piece of a parsed query. */
export interface QuerySegment {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Splits a query into plain, quoted and negated segments. */
export function parseQuerySyntax(q: string): QuerySegment[] {
  const out: QuerySegment[] = [];
  let plain = '';
  const flushPlain = () => {
    if (!plain.trim()) { plain = ''; return; }
    // Split negated words out of the plain text.
    const re = /(^|\s)-([^\s"-][^\s"]*)/g;
    let last = 0;
    for (let m = re.exec(plain); m; m = re.exec(plain)) {
      const before = plain.slice(last, m.index + m[1].length);
      if (before.trim()) out.push({ text: before, quoted: false, negated: false });
      out.push({ text: m[2], quoted: false, negated: true });
      last = m.index + m[0].length;
    }
    const rest = plain.slice(last);
    if (rest.trim()) out.push({ text: rest, quoted: false, negated: false });
    plain = '';
  };
  let i = 0;
  const quote = /["“”„]/;
  while (i < q.length) {
    const ch = q[i];
    if (quote.test(ch)) {
      let j = i + 1;
      while (j < q.length && !quote.test(q[j])) j++;
      if (j >= q.length) { plain += q.slice(i + 1); break; } // unbalanced: rest is plain text
      const negated = /(^|\s)-$/.test(plain);
      if (negated) plain = plain.slice(0, -1);
      flushPlain();
      const text = q.slice(i + 1, j);
      if (text.trim()) out.push({ text, quoted: true, negated });
      i = j + 1;
      continue;
    }
    plain += ch;
    i++;
  }
  flushPlain();
  return out;
}
