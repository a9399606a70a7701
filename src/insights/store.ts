/**
 * Storage of search insights: daily aggregates in SQLite (a Durable Object's `ctx.storage.sql` in
 * the Worker; better-sqlite3 in unit tests). Nothing per reader or per request is kept:
 * - `days`: one row per day with counters (searches, zero-result searches, relaxed, restored, …);
 * - `queries`: one row per day and analyzed query (see {@link queryKey}) with its counters and the
 *   latest `interpreted_as`; at most `maxQueriesPerDay` rows a day (further new queries are only
 *   counted in `days.overflow`);
 * - `latency`: one row per day and latency bucket ({@link latencyBucket}).
 * Clicks only update a query row that a search of the same day (or the day before) created, and
 * never beyond that row's number of searches, so click events cannot add rows or inflate counts.
 * @module
 */
import { addDays, dayOf, dayRange, startOfDay } from './days.js';
import type { ClickEvent, EventBatch, SearchEvent } from './events.js';
import { FILTER_CATEGORY, FILTER_DATE, MAX_INTERPRETATION_LENGTH } from './events.js';
import { latencyBucket, mergeInto, percentile, type Histogram } from './latency-histogram.js';
import { MAX_KEY_LENGTH, midWordPrefixes } from './query-key.js';

/** The part of a SQLite handle the store uses (structurally, Durable Objects' `SqlStorage`). */
export interface SqlLike {
  exec(query: string, ...bindings: Array<string | number | null>): { toArray(): Array<Record<string, unknown>> };
}

/** Settings of a store. */
export interface StoreOptions {
  maxQueriesPerDay: number;
  utcOffsetMinutes: number;
  /** The clock (ms since the epoch). */
  now: () => number;
  /** Runs `fn` in one transaction (Durable Objects: `ctx.storage.transactionSync`). */
  transaction?: <T>(fn: () => T) => T;
}

/** Highest click rank recorded (the deepest position reachable by paging). */
export const MAX_CLICK_RANK = 1000;
/** Events older than this (relative to the store's clock) are recorded as happening now. */
const MAX_EVENT_AGE_MS = 2 * 86_400_000;
/** Events announced further in the future than this are recorded as happening now. */
const MAX_EVENT_SKEW_MS = 5 * 60_000;
/** Unclicked queries are listed from this many searches on. */
export const MIN_SEARCHES_UNCLICKED = 2;

/** What {@link InsightsStore.record} did with a batch. */
export interface RecordResult {
  /** Searches counted (including those whose query was not stored) and clicks applied. */
  recorded: number;
  /** Clicks that matched no recorded search, or malformed events. */
  ignored: number;
}

/** What a report is asked for. */
export interface ReportQuery {
  from: string;
  to: string;
  /** Rows of each query list. */
  limit: number;
  /** Include half-typed as-you-type queries in the query lists. */
  fragments: boolean;
}

/** p50 / p95 `took_ms`; `null` when there was no search. */
export interface LatencySummary { p50: number | null; p95: number | null }

/** One day of a report. */
export interface DayReport {
  day: string;
  searches: number;
  zero_results: number;
  zero_result_share: number | null;
  relaxed_share: number | null;
  restored_share: number | null;
  clicks: number;
  took_ms: LatencySummary;
}

/** One query of a report list. */
export interface QueryReport {
  query: string;
  searches: number;
  zero_results: number;
  /** Mean total hits over the searches whose result is known. */
  mean_hits: number | null;
  clicks: number;
  mean_click_rank: number | null;
  interpreted_as: string | null;
}

/** The report `GET /insights` returns. */
export interface InsightsReport {
  from: string;
  to: string;
  utc_offset: string;
  generated_at: string;
  totals: {
    searches: number;
    zero_results: number;
    zero_result_share: number | null;
    relaxed: number;
    relaxed_share: number | null;
    restored: number;
    restored_share: number | null;
    browse: number;
    revalidated: number;
    redacted: number;
    overflow: number;
    with_category: number;
    with_date: number;
    clicks: number;
    clicks_ignored: number;
    lost: number;
    took_ms: LatencySummary;
  };
  days: DayReport[];
  top_queries: QueryReport[];
  zero_result_queries: QueryReport[];
  unclicked_queries: QueryReport[];
  fragments_hidden: number;
}

const DAY_COUNTERS = ['searches', 'revalidated', 'zero_results', 'relaxed', 'restored', 'browse', 'redacted', 'overflow',
  'with_category', 'with_date', 'clicks', 'clicks_ignored', 'lost', 'distinct_queries'] as const;
type DayCounter = (typeof DAY_COUNTERS)[number];

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS days (day TEXT PRIMARY KEY, ${DAY_COUNTERS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')}) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS queries (day TEXT NOT NULL, query TEXT NOT NULL,
    searches INTEGER NOT NULL DEFAULT 0, revalidated INTEGER NOT NULL DEFAULT 0, zero_results INTEGER NOT NULL DEFAULT 0,
    relaxed INTEGER NOT NULL DEFAULT 0, restored INTEGER NOT NULL DEFAULT 0, hits INTEGER NOT NULL DEFAULT 0,
    clicks INTEGER NOT NULL DEFAULT 0, click_rank_sum INTEGER NOT NULL DEFAULT 0, extended INTEGER NOT NULL DEFAULT 0,
    interpreted_as TEXT, PRIMARY KEY (day, query)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS latency (day TEXT NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, bucket)) WITHOUT ROWID`,
];
/** Version of the tables above, kept in `meta`. */
export const SCHEMA_VERSION = 1;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;
const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);
const bool = (v: unknown) => (v === true ? 1 : 0);

/** `+07:00` for 420. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Daily aggregates of searches and clicks (see the module comment). */
export class InsightsStore {
  constructor(private readonly sql: SqlLike, private readonly opts: StoreOptions) {}

  /** Creates the tables (idempotent). */
  migrate(): void {
    for (const statement of SCHEMA) this.run(statement);
    this.run(`INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING`, String(SCHEMA_VERSION));
  }

  /** Today in the store's time zone. */
  today(): string {
    return dayOf(this.opts.now(), this.opts.utcOffsetMinutes);
  }

  /** The instant the next day starts (for the retention alarm). */
  nextDayStart(): number {
    return startOfDay(addDays(this.today(), 1), this.opts.utcOffsetMinutes);
  }

  /** Adds a batch of events to the aggregates, atomically. */
  record(batch: EventBatch): RecordResult {
    const result: RecordResult = { recorded: 0, ignored: 0 };
    const apply = () => {
      for (const ev of Array.isArray(batch?.events) ? batch.events : []) {
        if (ev?.t === 's') { this.recordSearch(ev); result.recorded++; }
        else if (ev?.t === 'c' && this.recordClick(ev)) result.recorded++;
        else result.ignored++;
      }
      const lost = Math.floor(num(batch?.lost));
      if (lost > 0) this.bumpDay(this.today(), { lost });
    };
    if (this.opts.transaction) this.opts.transaction(apply);
    else apply();
    return result;
  }

  /** Deletes every day before the last `retentionDays` days (today included); returns the days deleted. */
  purge(retentionDays: number): number {
    const cutoff = addDays(this.today(), -(Math.max(1, Math.floor(retentionDays)) - 1));
    const before = this.all(`SELECT day FROM days WHERE day < ? UNION SELECT day FROM queries WHERE day < ? UNION SELECT day FROM latency WHERE day < ?`, cutoff, cutoff, cutoff).length;
    for (const table of ['queries', 'latency', 'days']) this.run(`DELETE FROM ${table} WHERE day < ?`, cutoff);
    return before;
  }

  /** The report for a range of days. */
  report(q: ReportQuery): InsightsReport {
    const limit = Math.max(1, Math.min(100, Math.floor(q.limit)));
    const dayRows = new Map(this.all(`SELECT * FROM days WHERE day BETWEEN ? AND ?`, q.from, q.to).map((r) => [String(r.day), r]));
    const histograms = new Map<string, Histogram>();
    for (const r of this.all(`SELECT day, bucket, count FROM latency WHERE day BETWEEN ? AND ?`, q.from, q.to)) {
      const day = String(r.day);
      if (!histograms.has(day)) histograms.set(day, new Map());
      mergeInto(histograms.get(day)!, [[num(r.bucket), num(r.count)]]);
    }
    const totals = Object.fromEntries(DAY_COUNTERS.map((c) => [c, 0])) as Record<DayCounter, number>;
    const all: Histogram = new Map();
    const days: DayReport[] = dayRange(q.from, q.to).map((day) => {
      const r = dayRows.get(day);
      const c = Object.fromEntries(DAY_COUNTERS.map((k) => [k, num(r?.[k])])) as Record<DayCounter, number>;
      for (const k of DAY_COUNTERS) totals[k] += c[k];
      const h = histograms.get(day) ?? new Map();
      mergeInto(all, h);
      const known = c.searches - c.revalidated;
      return {
        day,
        searches: c.searches,
        zero_results: c.zero_results,
        zero_result_share: share(c.zero_results, known),
        relaxed_share: share(c.relaxed, known - c.browse),
        restored_share: share(c.restored, known - c.browse),
        clicks: c.clicks,
        took_ms: { p50: percentile(h, 50), p95: percentile(h, 95) },
      };
    });
    const known = totals.searches - totals.revalidated;
    const fragment = `(SUM(clicks) = 0 AND SUM(extended) >= SUM(searches))`;
    const keep = q.fragments ? '1' : `NOT ${fragment}`;
    const list = (having: string, order: string) => this.all(
      `SELECT query, SUM(searches) AS searches, SUM(revalidated) AS revalidated, SUM(zero_results) AS zero_results, SUM(hits) AS hits,
        SUM(clicks) AS clicks, SUM(click_rank_sum) AS click_rank_sum, MAX(interpreted_as) AS interpreted_as
       FROM queries WHERE day BETWEEN ? AND ? GROUP BY query HAVING ${keep} AND ${having} ORDER BY ${order}, query LIMIT ?`,
      q.from, q.to, limit,
    ).map(queryReport);
    return {
      from: q.from,
      to: q.to,
      utc_offset: formatOffset(this.opts.utcOffsetMinutes),
      generated_at: new Date(this.opts.now()).toISOString(),
      totals: {
        searches: totals.searches,
        zero_results: totals.zero_results,
        zero_result_share: share(totals.zero_results, known),
        relaxed: totals.relaxed,
        relaxed_share: share(totals.relaxed, known - totals.browse),
        restored: totals.restored,
        restored_share: share(totals.restored, known - totals.browse),
        browse: totals.browse,
        revalidated: totals.revalidated,
        redacted: totals.redacted,
        overflow: totals.overflow,
        with_category: totals.with_category,
        with_date: totals.with_date,
        clicks: totals.clicks,
        clicks_ignored: totals.clicks_ignored,
        lost: totals.lost,
        took_ms: { p50: percentile(all, 50), p95: percentile(all, 95) },
      },
      days,
      top_queries: list('1', 'SUM(searches) DESC'),
      zero_result_queries: list('SUM(zero_results) > 0', 'SUM(zero_results) DESC, SUM(searches) DESC'),
      unclicked_queries: list(`SUM(clicks) = 0 AND SUM(hits) > 0 AND SUM(searches) >= ${MIN_SEARCHES_UNCLICKED}`, 'SUM(searches) DESC'),
      fragments_hidden: q.fragments ? 0 : num(this.all(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM queries WHERE day BETWEEN ? AND ? GROUP BY query HAVING ${fragment})`, q.from, q.to,
      )[0]?.n),
    };
  }

  private recordSearch(ev: SearchEvent): void {
    const day = dayOf(this.eventTime(ev.at), this.opts.utcOffsetMinutes);
    const known = typeof ev.n === 'number' && Number.isFinite(ev.n);
    const hits = known ? Math.max(0, Math.floor(ev.n as number)) : 0;
    const zero = known && hits === 0 ? 1 : 0;
    const relaxed = known ? bool(ev.r) : 0;
    const restored = known ? bool(ev.rs) : 0;
    const f = Math.floor(num(ev.f));
    const query = typeof ev.q === 'string' ? ev.q.slice(0, MAX_KEY_LENGTH) : null;
    const counts: Partial<Record<DayCounter, number>> = {
      searches: 1, revalidated: known ? 0 : 1, zero_results: zero, relaxed, restored,
      browse: query === '' ? 1 : 0, redacted: query === null ? 1 : 0,
      with_category: f & FILTER_CATEGORY ? 1 : 0, with_date: f & FILTER_DATE ? 1 : 0,
    };
    this.run(`INSERT INTO latency (day, bucket, count) VALUES (?, ?, 1) ON CONFLICT (day, bucket) DO UPDATE SET count = count + 1`, day, latencyBucket(num(ev.ms)));
    if (query) {
      const exists = this.all(`SELECT 1 AS x FROM queries WHERE day = ? AND query = ?`, day, query).length > 0;
      if (!exists) {
        const distinct = num(this.all(`SELECT distinct_queries FROM days WHERE day = ?`, day)[0]?.distinct_queries);
        if (distinct >= this.opts.maxQueriesPerDay) {
          this.bumpDay(day, { ...counts, overflow: 1 });
          return;
        }
        counts.distinct_queries = 1;
      }
      const ia = typeof ev.ia === 'string' && ev.ia ? ev.ia.slice(0, MAX_INTERPRETATION_LENGTH) : null;
      this.run(
        `INSERT INTO queries (day, query, searches, revalidated, zero_results, relaxed, restored, hits, interpreted_as) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (day, query) DO UPDATE SET searches = searches + 1, revalidated = revalidated + excluded.revalidated,
           zero_results = zero_results + excluded.zero_results, relaxed = relaxed + excluded.relaxed, restored = restored + excluded.restored,
           hits = hits + excluded.hits, interpreted_as = COALESCE(excluded.interpreted_as, interpreted_as)`,
        day, query, counts.revalidated!, zero, relaxed, restored, hits, ia,
      );
      // The half-typed forms of this query that were searched on the way to it (as-you-type).
      const prefixes = midWordPrefixes(query);
      if (prefixes.length) {
        this.run(`UPDATE queries SET extended = extended + 1 WHERE day = ? AND query IN (${prefixes.map(() => '?').join(',')})`, day, ...prefixes);
      }
    }
    this.bumpDay(day, counts);
  }

  private recordClick(ev: ClickEvent): boolean {
    if (typeof ev.q !== 'string' || !ev.q) return false;
    const rank = Math.min(MAX_CLICK_RANK, Math.max(1, Math.floor(num(ev.rank))));
    const today = dayOf(this.eventTime(ev.at), this.opts.utcOffsetMinutes);
    for (const day of [today, addDays(today, -1)]) {
      const updated = this.all(
        `UPDATE queries SET clicks = clicks + 1, click_rank_sum = click_rank_sum + ? WHERE day = ? AND query = ? AND clicks < searches RETURNING day`,
        rank, day, ev.q.slice(0, MAX_KEY_LENGTH),
      );
      if (updated.length) {
        this.bumpDay(day, { clicks: 1 });
        return true;
      }
    }
    this.bumpDay(today, { clicks_ignored: 1 });
    return false;
  }

  /** An event's time, or now when it is implausible (far past, future, not a number). */
  private eventTime(at: unknown): number {
    const now = this.opts.now();
    const t = num(at);
    return Number.isFinite(t) && t >= now - MAX_EVENT_AGE_MS && t <= now + MAX_EVENT_SKEW_MS ? t : now;
  }

  private bumpDay(day: string, counts: Partial<Record<DayCounter, number>>): void {
    const cols = DAY_COUNTERS.filter((c) => counts[c]);
    if (!cols.length) return;
    this.run(
      `INSERT INTO days (day, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})
       ON CONFLICT (day) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
      day, ...cols.map((c) => counts[c]!),
    );
  }

  private run(query: string, ...bindings: Array<string | number | null>): void {
    this.sql.exec(query, ...bindings).toArray();
  }

  private all(query: string, ...bindings: Array<string | number | null>): Array<Record<string, unknown>> {
    return this.sql.exec(query, ...bindings).toArray();
  }
}

function queryReport(r: Record<string, unknown>): QueryReport {
  const searches = num(r.searches);
  const clicks = num(r.clicks);
  return {
    query: String(r.query),
    searches,
    zero_results: num(r.zero_results),
    mean_hits: mean(num(r.hits), searches - num(r.revalidated)),
    clicks,
    mean_click_rank: mean(num(r.click_rank_sum), clicks),
    interpreted_as: typeof r.interpreted_as === 'string' ? r.interpreted_as : null,
  };
}
