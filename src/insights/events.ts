/**
 * The events search insights record, as the front Worker sends them to the insights Durable Object
 * (compact field names: they travel in batches). Raw query text never leaves the Worker: events
 * carry the analyzed query ({@link queryKey}), or nothing when the query looks like personal data.
 * @module
 */
import { looksPersonal } from './personal-data.js';
import { queryKey } from './query-key.js';

/** Longest `interpreted_as` stored, in UTF-16 units. */
export const MAX_INTERPRETATION_LENGTH = 120;

/** Filter bits of {@link SearchEvent.f}. */
export const FILTER_CATEGORY = 1;
/** A `from` and/or `to` date filter. */
export const FILTER_DATE = 2;

/** One search. */
export interface SearchEvent {
  t: 's';
  /** When it happened (ms since the epoch). */
  at: number;
  /** The analyzed query; `''` for a browse by filters only; `null` when it looked like personal data. */
  q: string | null;
  /** `interpreted_as` of the response (the accented reading), when there was one. */
  ia?: string;
  /** Total hits; `null` when unknown (answered 304 Not Modified before any search ran). */
  n: number | null;
  /** The response was relaxed (no article had enough of the words). */
  r: boolean;
  /** Restored: typed without any diacritic and read with them (`interpreted_as`). */
  rs: boolean;
  /** Filters used: {@link FILTER_CATEGORY} | {@link FILTER_DATE}. */
  f: number;
  /** took_ms of the response. */
  ms: number;
}

/** A click on a result, reported by the widget. */
export interface ClickEvent {
  t: 'c';
  at: number;
  /** The analyzed query whose results were shown. */
  q: string;
  /** 1-based position of the clicked result. */
  rank: number;
}

/** Any recorded event. */
export type InsightsEvent = SearchEvent | ClickEvent;

/** What the Worker sends to the insights Durable Object in one call. */
export interface EventBatch {
  events: InsightsEvent[];
  /** Events this isolate could not deliver since its last successful batch. */
  lost: number;
}

/** What a search ended with, as known to the route that ran (or answered) it. */
export interface SearchOutcome {
  /** The raw query (trimmed or not); it is analyzed and dropped when the event is built. */
  q: string;
  total: number | null;
  interpretedAs?: string;
  relaxed: boolean;
  category: boolean;
  dates: boolean;
  tookMs: number;
  at: number;
}

/** The event of a search: analyzed query, or none when it looks like personal data. */
export function searchEvent(o: SearchOutcome): SearchEvent {
  const personal = looksPersonal(o.q);
  const { key, accented } = personal ? { key: null, accented: false } : queryKey(o.q);
  const ia = !personal && o.interpretedAs ? o.interpretedAs.slice(0, MAX_INTERPRETATION_LENGTH) : undefined;
  return {
    t: 's',
    at: o.at,
    q: key,
    ...(ia ? { ia } : {}),
    n: o.total,
    r: o.relaxed,
    rs: !!o.interpretedAs && !personal && !accented && key !== '',
    f: (o.category ? FILTER_CATEGORY : 0) | (o.dates ? FILTER_DATE : 0),
    ms: Math.max(0, Math.round(o.tookMs)),
  };
}

/** The event of a click, or `null` when there is nothing to record (personal data, no words). */
export function clickEvent(c: { q: string; rank: number; at: number }): ClickEvent | null {
  if (looksPersonal(c.q)) return null;
  const { key } = queryKey(c.q);
  return key ? { t: 'c', at: c.at, q: key, rank: c.rank } : null;
}
