/**
 * Building raw request URLs from fuzzed parameters, and checking a response against the API contract
 * (no 5xx; errors are `{error:{code,message}}` without internals; 200 bodies match their schema).
 * Runs in workerd (no Node APIs).
 * @module
 */
import fc from 'fast-check';
import type { z } from '@hono/zod-openapi';
import { anyQuery, codeUnit, controlChar, hostileQuery } from './arbitraries.js';

/** Percent-encodes any string as UTF-8 (lone surrogates become U+FFFD instead of throwing). */
export function encodeComponent(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Malformed percent-encoding and other raw bytes that are placed in the URL unencoded. */
export const RAW_URL_GARBAGE = ['%FF', '%', '%E0%A4%A', '%%', '%zz', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%00', '%0', '&', '&&', '=', '==', '+', '#', '?', ';', '%25', '%2', '%u0041', '[', ']', '\\', '"', '<', '>', '`', '{', '}', '|', '^'];

/** A parameter value: encoded hostile text, or raw garbage spliced into the URL. */
export type FuzzValue = { raw: string } | { text: string };

/** Wrong-type and edge values for numbers, dates, enums, lists and switches. */
export const WRONG_VALUES = [
  '-1', '0', '1', '50', '51', '1000', '1001', 'abc', '1e9', '1e400', '[]', '{}', '', ' ', '1.5', '0x10', '+3', ' 7 ', '007', 'NaN', 'Infinity', '-0',
  'null', 'undefined', 'true', 'false', 'yes', 'off', '9'.repeat(400), '2024-01-01', '2024-13-45', '2024-02-30', '0000-00-00', '99999-01-01',
  '2024-01-01T25:00', '2024-01-01T08:00Z', '2024-01-01T08:00:00+07:00', '01/02/2024', 'relevance', 'date', '-date', 'DATE', 'date:desc', 'date:asc', 'DATE:ASC', 'date:', ':desc', 'category', 'year',
  'category,year', ',,,', 'id,title', 'id,nope', 'snippet,score,title_html', '__proto__', 'constructor', 'toString',
];

/** Every query parameter of /search (and a few that do not exist). */
export const SEARCH_PARAMS = ['q', 'limit', 'offset', 'page', 'from', 'to', 'category', 'sort', 'fields', 'highlight', 'facets', 'prefix', 'unknown', 'Q', 'q[]', '__proto__'];

/** Parameters of /suggest. */
export const SUGGEST_PARAMS = ['q', 'limit', 'unknown'];

const value: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WRONG_VALUES).map((text) => ({ text })) },
  { weight: 3, arbitrary: hostileQuery(6).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 10 }).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, maxLength: 5 }).map((text) => ({ text })) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...RAW_URL_GARBAGE), fc.stringMatching(/^[a-z0-9]{0,4}$/)), { minLength: 1, maxLength: 5 }).map((p) => ({ raw: p.join('') })) },
);

/** Valid values of the /search parameters, so that hostile queries reach the engine. */
const validParam: fc.Arbitrary<[string, FuzzValue]> = fc.oneof(
  fc.integer({ min: 1, max: 50 }).map((n): [string, FuzzValue] => ['limit', { text: String(n) }]),
  fc.integer({ min: 0, max: 900 }).map((n): [string, FuzzValue] => ['offset', { text: String(n) }]),
  fc.integer({ min: 1, max: 20 }).map((n): [string, FuzzValue] => ['page', { text: String(n) }]),
  fc.constantFrom('relevance', 'date:desc', 'date:asc').map((v): [string, FuzzValue] => ['sort', { text: v }]),
  fc.constantFrom('category', 'year', 'category,year').map((v): [string, FuzzValue] => ['facets', { text: v }]),
  fc.constantFrom('id', 'id,title', 'snippet,title_html,score', 'url,date,author').map((v): [string, FuzzValue] => ['fields', { text: v }]),
  fc.constantFrom('highlight', 'prefix').chain((k) => fc.constantFrom('true', 'false', '1', '0').map((v): [string, FuzzValue] => [k, { text: v }])),
  fc.constantFrom('2011-01-01', '2016-09-22', '2023-12-31T23:59').chain((d) => fc.constantFrom('from', 'to').map((k): [string, FuzzValue] => [k, { text: d }])),
  fc.constantFrom('the-thao', 'kinh-doanh', 'nope', '').map((v): [string, FuzzValue] => ['category', { text: v }]),
);

/** `/search` query strings with a hostile q and valid other parameters (mostly 200s: exercises the engine). */
export const engineQueryString = fc.tuple(anyQuery, fc.uniqueArray(validParam, { maxLength: 3, selector: ([k]) => (k === 'offset' || k === 'page' ? 'paging' : k) }))
  .map(([q, rest]) => [`q=${encodeComponent(q)}`, ...rest.map(([k, v]) => `${k}=${'raw' in v ? v.raw : encodeComponent(v.text)}`)].join('&'));

/** A query string: a q that is usually present, plus any parameters (possibly repeated). */
export const queryString = (params: readonly string[]) =>
  fc.tuple(
    fc.option(anyQuery.map((text): FuzzValue => ({ text })), { freq: 6 }),
    fc.array(fc.tuple(fc.constantFrom(...params), value), { maxLength: 6 }),
    fc.boolean(),
  ).map(([q, rest, qFirst]) => {
    const pairs: Array<[string, FuzzValue]> = q ? [['q', q]] : [];
    if (qFirst) pairs.push(...rest); else pairs.unshift(...rest);
    return pairs.map(([k, v]) => `${encodeComponent(k)}=${'raw' in v ? v.raw : encodeComponent(v.text)}`).join('&');
  });

/** Text patterns that betray internals: stack frames, source files, absolute paths. */
const INTERNALS = [/\n\s+at\s/, /\bat\s+\S+\s+\(/, /\.(ts|js|mjs|cjs):\d+:\d+/, /\/work\//, /node_modules/, /\bsrc\/\w+\/\w+\.(ts|js)\b/, /file:\/\//, /\bTypeError\b|\bReferenceError\b|\bRangeError\b|\bURIError\b/];

/** Why a response breaks the contract, or null when it is fine. */
export function contractViolation(status: number, contentType: string | null, text: string, okSchema: z.ZodType | null): string | null {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  if (!/application\/json/.test(contentType ?? '')) return `content-type ${contentType} for status ${status}`;
  for (const re of INTERNALS) if (re.test(text)) return `body reveals internals (${re}): ${text.slice(0, 300)}`;
  let body: unknown;
  try { body = JSON.parse(text); } catch { return `body is not JSON: ${text.slice(0, 200)}`; }
  if (status >= 400) {
    const e = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (!e || typeof e.code !== 'string' || !/^[a-z_]+$/.test(e.code)) return `error body without a code: ${text.slice(0, 300)}`;
    if (typeof e.message !== 'string' || e.message.trim().length < 10) return `error body without a message: ${text.slice(0, 300)}`;
    if (Object.keys(body as object).length !== 1 || Object.keys(e).length !== 2) return `error body has extra fields: ${text.slice(0, 300)}`;
    return null;
  }
  if (status === 200 && okSchema) {
    const r = okSchema.safeParse(body);
    if (!r.success) return `200 body does not match the schema: ${r.error.message.slice(0, 300)}`;
  }
  return null;
}
