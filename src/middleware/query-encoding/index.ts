/**
 * Refuses a query string whose percent-encoding does not decode to UTF-8 (`q=%ED%A0%80`, a lone
 * surrogate; `q=%C3` cut mid-character; text encoded as Windows-1258 or Latin-1). Hono keeps such a
 * sequence as written, so the search would run on the literal `%ED%A0%80` and answer 200 with
 * whatever that matched: a 400 that names the parameter and the sequence tells the integrator what
 * to fix. A `%` not followed by two hex digits (`giảm 100%`) is not an encoding and stays literal text.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { sendError } from '../../http/errors.js';

/** A run of percent-escapes that does not decode, and the parameter it was found in. */
export interface UndecodableEscape {
  /** The parameter's name as decoded (its raw text when the name itself does not decode), at most 40 characters. */
  parameter: string;
  /** The first run of escapes that does not decode, at most 36 characters. */
  sequence: string;
}

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** The first run of percent-escapes in a query string (with or without its `?`) that is not UTF-8, or null. */
export function undecodableEscape(search: string): UndecodableEscape | null {
  if (!search.includes('%')) return null;
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part.includes('%')) continue;
    for (const run of part.match(ESCAPE_RUN) ?? []) {
      try {
        decodeURIComponent(run);
      } catch {
        const eq = part.indexOf('=');
        const rawName = eq < 0 ? part : part.slice(0, eq);
        let parameter: string;
        try {
          parameter = decodeURIComponent(rawName.replace(/\+/g, ' '));
        } catch {
          parameter = rawName;
        }
        return { parameter: parameter.slice(0, 40), sequence: run.slice(0, 36) };
      }
    }
  }
  return null;
}

/** Middleware answering 400 `invalid_encoding` to a query string that is not UTF-8 percent-encoding. */
export function queryEncoding(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    const bad = q < 0 ? null : undecodableEscape(url.slice(q + 1));
    if (bad) {
      return sendError(c, 400, 'invalid_encoding',
        `${bad.parameter} is not valid UTF-8: ${bad.sequence} does not decode. Percent-encode parameters from UTF-8 text (encodeURIComponent or URLSearchParams do).`);
    }
    await next();
  };
}
