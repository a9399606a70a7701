/**
 * The search-insights Durable Object: one object (named `INSIGHTS_OBJECT_NAME`, insights-client.ts) holding the
 * daily aggregates in its SQLite storage ({@link InsightsStore}). The front Worker sends it batches
 * of events ({@link record}) and asks it for reports ({@link report}); a daily alarm deletes the days
 * older than `INSIGHTS_RETENTION_DAYS`.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';
import { insightsConfig } from '../insights/config.js';
import type { EventBatch } from '../insights/events.js';
import { InsightsStore, type InsightsReport, type RecordResult, type ReportQuery } from '../insights/store.js';
import type { Env } from './env.js';

/** Minutes after local midnight the retention alarm runs. */
const ALARM_MINUTES_AFTER_MIDNIGHT = 5;

/** Durable Object class of search insights. */
export class InsightsObject extends DurableObject<Env> {
  private readonly store: InsightsStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const config = insightsConfig(env);
    this.store = new InsightsStore(ctx.storage.sql, {
      maxQueriesPerDay: config.maxQueriesPerDay,
      utcOffsetMinutes: config.utcOffsetMinutes,
      now: () => Date.now(),
      transaction: (fn) => ctx.storage.transactionSync(fn),
    });
    void ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      if ((await ctx.storage.getAlarm()) === null) await this.scheduleRetention();
    });
  }

  /** Adds a batch of events to the aggregates. */
  async record(batch: EventBatch): Promise<RecordResult> {
    return this.store.record(batch);
  }

  /** The report for a range of days (validated by the caller). */
  async report(query: ReportQuery): Promise<InsightsReport> {
    return this.store.report(query);
  }

  /** Deletes the days older than the retention window, then schedules the next run. */
  override async alarm(): Promise<void> {
    const { retentionDays } = insightsConfig(this.env);
    const deleted = this.store.purge(retentionDays);
    console.log(JSON.stringify({ level: 'info', component: 'insights', event: 'retention', retention_days: retentionDays, days_deleted: deleted }));
    await this.scheduleRetention();
  }

  private scheduleRetention(): Promise<void> {
    return this.ctx.storage.setAlarm(this.store.nextDayStart() + ALARM_MINUTES_AFTER_MIDNIGHT * 60_000);
  }
}
