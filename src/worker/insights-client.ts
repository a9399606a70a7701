/**
 * The front Worker's side of search insights: {@link recordInsight} buffers what a request wants
 * recorded (an {@link EventBuffer} per isolate) and sends it to the insights Durable Object in
 * batches from `waitUntil`, after the response. Raw query text stays in this isolate's memory only
 * until the flush turns it into an analyzed event (`searchEvent` / `clickEvent`).
 * @module
 */
import { insightsConfig } from '../insights/config.js';
import { EventBuffer } from '../insights/event-buffer.js';
import { clickEvent, searchEvent, type InsightsEvent, type SearchOutcome } from '../insights/events.js';
import type { InsightsReport, ReportQuery } from '../insights/store.js';
import type { Env } from './env.js';

/** Name of the single insights object (InsightsObject, insights-object.ts). */
export const INSIGHTS_OBJECT_NAME = 'insights';

/** Something to record. */
export type PendingInsight = { search: SearchOutcome } | { click: { q: string; rank: number; at: number } };

/** The part of an execution context used here. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

const buffer = new EventBuffer<PendingInsight>();

/** Whether this deployment records insights (INSIGHTS not "off", and the Durable Object is bound). */
export function insightsEnabled(env: Env): boolean {
  return !!env.INSIGHTS_STORE && insightsConfig(env).enabled;
}

/** Buffers an item for the insights (see the module comment); a no-op when insights are off. */
export function recordInsight(env: Env, ctx: WaitUntil, item: PendingInsight): void {
  if (!insightsEnabled(env)) return;
  const flush = buffer.push(item, (items, lost) => sendBatch(env, items, lost));
  if (flush) ctx.waitUntil(flush);
}

/** The insights object's stub (a fresh one per call: stubs belong to the request that made them). */
function insightsStub(env: Env) {
  return env.INSIGHTS_STORE.get(env.INSIGHTS_STORE.idFromName(INSIGHTS_OBJECT_NAME));
}

function toEvent(item: PendingInsight): InsightsEvent | null {
  return 'search' in item ? searchEvent(item.search) : clickEvent(item.click);
}

async function sendBatch(env: Env, items: PendingInsight[], lost: number): Promise<void> {
  const events = items.map(toEvent).filter((e): e is InsightsEvent => e !== null);
  if (!events.length && !lost) return;
  try {
    await insightsStub(env).record({ events, lost });
  } catch (e) {
    console.error(JSON.stringify({ level: 'error', component: 'insights', event: 'send_failed', events: events.length, error: e instanceof Error ? e.message : String(e) }));
    throw e;
  }
}

/** Asks the insights object for a report. */
export function fetchInsightsReport(env: Env, query: ReportQuery): Promise<InsightsReport> {
  return insightsStub(env).report(query);
}
