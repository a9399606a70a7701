/**
 * Reusable query-parameter schemas with messages a person can act on.
 * @module
 */
import { z } from '@hono/zod-openapi';
import { isoToMinutes } from '../index-format/dates.js';
import { SORT_VALUES } from '../engine/query-plan.js';
import { parseHalfLife } from '../scoring/half-life.js';

/** Longest accepted query, in characters. */
export const MAX_QUERY_LENGTH = 512;
/** The 400 message for a `q` longer than {@link MAX_QUERY_LENGTH} (shared by /search and /suggest). */
export const queryTooLongMessage = (length: number) => `q is ${length} characters long; the limit is ${MAX_QUERY_LENGTH}. Shorten the query.`;

/** Deepest result position reachable by paging (offset + limit). */
export const MAX_RESULT_WINDOW = 1000;

const got = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 40 ? v.slice(0, 40) + '…' : v);

/** A whole number in [min, max] given as a query string. */
export const intParam = (name: string, min: number, max: number) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = /^\s*[+]?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got ${got(v)}).` });
      return z.NEVER;
    }
    return n;
  });

/** Largest `track_total_hits` count (larger counts are spelled `true`). */
export const MAX_TRACK_TOTAL_HITS = 1_000_000_000;

/**
 * Elasticsearch's `track_total_hits`: `true` (count every match: Infinity) or a whole number N
 * (count exactly up to N matches; past it the total may be a lower bound).
 */
export const trackTotalHitsParam = (name: string) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if (s === 'true') return Number.POSITIVE_INFINITY;
    const n = /^[+]?\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_TRACK_TOTAL_HITS) {
      ctx.addIssue({ code: 'custom', message: `${name} must be true (always count every match) or a whole number from 1 to ${MAX_TRACK_TOTAL_HITS} (count exactly up to that many) (got ${got(v)}).` });
      return z.NEVER;
    }
    return n;
  });

/** A half-life such as `30d` (hours, days, weeks or years), in minutes. */
export const halfLifeParam = (name: string) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const minutes = parseHalfLife(v);
    if (minutes === null) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a half-life such as 12h, 30d, 2w or 1y (a number and one of h, d, w, y; from 1h to 100y) (got ${got(v)}).` });
      return z.NEVER;
    }
    return minutes;
  });

/** A yes/no switch: true/false, 1/0, on/off, yes/no. */
export const boolParam = (name: string) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(s)) return true;
    if (['0', 'false', 'off', 'no'].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got ${got(v)}).` });
    return z.NEVER;
  });

/** An ISO date (`2024-01-31`) or date-time, converted to stored minutes. */
export const dateParam = (name: string, endOfDay: boolean) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim();
    const m = isoToMinutes(s);
    if (m === null) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an ISO date such as 2024-01-31 or 2024-01-31T08:00 (got ${got(v)}).` });
      return z.NEVER;
    }
    return endOfDay && s.length === 10 ? m + 24 * 60 - 1 : m;
  });

/** A single value that must not repeat (repeated parameters arrive as arrays). */
export const single = (name: string) =>
  z.union([z.string(), z.array(z.string())]).optional().transform((v, ctx) => {
    if (Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: `${name} was given ${v.length} times; give it once.` });
      return z.NEVER;
    }
    return v;
  });

/** A list given as repeated parameters and/or comma-separated values. */
export const listParam = <T extends string>(name: string, allowed?: readonly T[]) =>
  z.union([z.string(), z.array(z.string())]).optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const items = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    if (allowed) {
      const bad = items.find((i) => !allowed.includes(i as T));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} accepts ${allowed.join(', ')} (got ${got(bad)}).` });
        return z.NEVER;
      }
    }
    return [...new Set(items)] as T[];
  });

/**
 * Values of `sort` (`engine/query-plan.ts`): the spelling search engines use (Meilisearch, Typesense:
 * `field:direction`). `relevance` is the default order.
 */
export { SORT_VALUES };

/** A value of {@link SORT_VALUES}. */
export type SortValue = (typeof SORT_VALUES)[number];

/**
 * `sort`, case-insensitive. The bare `date` and `-date` are refused with a 400 naming `date:desc` /
 * `date:asc`: this API once read `date` as newest first and `-date` as oldest first, the opposite of
 * JSON:API and Django REST (a leading minus means descending, a bare field ascending), so accepting
 * either would silently mean the opposite of what someone following the other convention asked for.
 */
export const sortParam = () =>
  single('sort').transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if ((SORT_VALUES as readonly string[]).includes(s)) return s as SortValue;
    const ambiguous = /^[-+]?\s*date$/.test(s);
    ctx.addIssue({
      code: 'custom',
      message: ambiguous
        ? `sort=${v.trim()} is ambiguous (a bare field and a leading minus mean opposite orders in different APIs); give sort=date:desc for newest first or sort=date:asc for oldest first.`
        : `sort must be relevance, date:desc (newest first) or date:asc (oldest first) (got ${got(v)}).`,
    });
    return z.NEVER;
  });
