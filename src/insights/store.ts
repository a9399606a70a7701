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
/** Most values in one `IN (…)` list (Durable Objects bind at most 100 parameters a statement). */
const MAX_IN_LIST = 90;
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

/** One query's searches within a batch. */
interface QuerySum {
  day: string;
  query: string;
  searches: number;
  revalidated: number;
  zero_results: number;
  relaxed: number;
  restored: number;
  hits: number;
  ia: string | null;
}

/** A batch summed by day, latency bucket and query before it is written. */
class BatchSums {
  readonly days = new Map<string, Partial<Record<DayCounter, number>>>();
  /** `day|bucket` → searches. */
  readonly latency = new Map<string, number>();
  /** `day\0query` → sums. */
  readonly queries = new Map<string, QuerySum>();

  day(day: string): Partial<Record<DayCounter, number>> {
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = {}));
    return d;
  }
}

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

  /**
   * Adds a batch of events to the aggregates, atomically. The batch is summed in memory first, so
   * the writes grow with its distinct days, queries and latency buckets, not with its events.
   */
  record(batch: EventBatch): RecordResult {
    const result: RecordResult = { recorded: 0, ignored: 0 };
    const apply = () => {
      const sums = new BatchSums();
      const clicks: ClickEvent[] = [];
      for (const ev of Array.isArray(batch?.events) ? batch.events : []) {
        if (ev?.t === 's') { this.addSearch(sums, ev); result.recorded++; }
        else if (ev?.t === 'c') clicks.push(ev);
        else result.ignored++;
      }
      const lost = Math.floor(num(batch?.lost));
      if (lost > 0) sums.day(this.today()).lost = (sums.day(this.today()).lost ?? 0) + lost;
      this.writeQueries(sums);
      for (const [key, count] of sums.latency) {
        const [day, bucket] = key.split('|');
        this.run(`INSERT INTO latency (day, bucket, count) VALUES (?, ?, ?) ON CONFLICT (day, bucket) DO UPDATE SET count = count + excluded.count`, day, Number(bucket), count);
      }
      for (const [day, counts] of sums.days) this.bumpDay(day, counts);
      // Clicks last: they may count against a search of this same batch.
      for (const ev of clicks) {
        if (this.recordClick(ev)) result.recorded++;
        else result.ignored++;
      }
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

  /** Adds one search to the batch's sums. */
  private addSearch(sums: BatchSums, ev: SearchEvent): void {
    const day = dayOf(this.eventTime(ev.at), this.opts.utcOffsetMinutes);
    const known = typeof ev.n === 'number' && Number.isFinite(ev.n);
    const hits = known ? Math.max(0, Math.floor(ev.n as number)) : 0;
    const zero = known && hits === 0 ? 1 : 0;
    const relaxed = known ? bool(ev.r) : 0;
    const restored = known ? bool(ev.rs) : 0;
    const f = Math.floor(num(ev.f));
    const query = typeof ev.q === 'string' ? ev.q.slice(0, MAX_KEY_LENGTH) : null;
    const d = sums.day(day);
    const add = (k: DayCounter, n: number) => { if (n) d[k] = (d[k] ?? 0) + n; };
    add('searches', 1);
    add('revalidated', known ? 0 : 1);
    add('zero_results', zero);
    add('relaxed', relaxed);
    add('restored', restored);
    add('browse', query === '' ? 1 : 0);
    add('redacted', query === null ? 1 : 0);
    add('with_category', f & FILTER_CATEGORY ? 1 : 0);
    add('with_date', f & FILTER_DATE ? 1 : 0);
    const bucket = `${day}|${latencyBucket(num(ev.ms))}`;
    sums.latency.set(bucket, (sums.latency.get(bucket) ?? 0) + 1);
    if (!query) return;
    const ia = typeof ev.ia === 'string' && ev.ia ? ev.ia.slice(0, MAX_INTERPRETATION_LENGTH) : null;
    const key = `${day}\u0000${query}`;
    const q = sums.queries.get(key) ?? { day, query, searches: 0, revalidated: 0, zero_results: 0, relaxed: 0, restored: 0, hits: 0, ia: null };
    q.searches++;
    q.revalidated += known ? 0 : 1;
    q.zero_results += zero;
    q.relaxed += relaxed;
    q.restored += restored;
    q.hits += hits;
    if (ia) q.ia = ia;
    sums.queries.set(key, q);
  }

  /**
   * Writes the batch's query rows within each day's cap of distinct queries (searches of new queries
   * beyond it are counted as overflow), then marks the half-typed forms of the queries written.
   */
  private writeQueries(sums: BatchSums): void {
    const byDay = new Map<string, QuerySum[]>();
    for (const q of sums.queries.values()) byDay.set(q.day, [...(byDay.get(q.day) ?? []), q]);
    for (const [day, list] of byDay) {
      const before = num(this.all(`SELECT distinct_queries FROM days WHERE day = ?`, day)[0]?.distinct_queries);
      let distinct = before;
      const roomForAll = distinct + list.length <= this.opts.maxQueriesPerDay;
      const written: QuerySum[] = [];
      for (const q of list) {
        if (!roomForAll && distinct >= this.opts.maxQueriesPerDay && !this.all(`SELECT 1 AS x FROM queries WHERE day = ? AND query = ?`, day, q.query).length) {
          const d = sums.day(day);
          d.overflow = (d.overflow ?? 0) + q.searches;
          continue;
        }
        const [row] = this.all(
          `INSERT INTO queries (day, query, searches, revalidated, zero_results, relaxed, restored, hits, interpreted_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (day, query) DO UPDATE SET searches = searches + excluded.searches, revalidated = revalidated + excluded.revalidated,
             zero_results = zero_results + excluded.zero_results, relaxed = relaxed + excluded.relaxed, restored = restored + excluded.restored,
             hits = hits + excluded.hits, interpreted_as = COALESCE(excluded.interpreted_as, interpreted_as)
           RETURNING searches`,
          day, q.query, q.searches, q.revalidated, q.zero_results, q.relaxed, q.restored, q.hits, q.ia,
        );
        if (num(row?.searches) === q.searches) distinct++; // a new row: it holds only this batch's searches
        written.push(q);
      }
      const d = sums.day(day);
      if (distinct > before) d.distinct_queries = (d.distinct_queries ?? 0) + distinct - before;
      // The half-typed forms searched on the way to these queries (as-you-type), grouped by increment.
      const extended = new Map<string, number>();
      for (const q of written) for (const p of midWordPrefixes(q.query)) extended.set(p, (extended.get(p) ?? 0) + q.searches);
      const byIncrement = new Map<number, string[]>();
      for (const [p, n] of extended) byIncrement.set(n, [...(byIncrement.get(n) ?? []), p]);
      for (const [n, prefixes] of byIncrement) {
        for (let i = 0; i < prefixes.length; i += MAX_IN_LIST) {
          const chunk = prefixes.slice(i, i + MAX_IN_LIST);
          this.run(`UPDATE queries SET extended = extended + ? WHERE day = ? AND query IN (${chunk.map(() => '?').join(',')})`, n, day, ...chunk);
        }
      }
    }
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
