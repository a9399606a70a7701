import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayOf, startOfDay } from '../../src/insights/days.js';
import { searchEvent } from '../../src/insights/events.js';
import { InsightsStore } from '../../src/insights/store.js';
import { INSIGHTS_OBJECT_NAME } from '../../src/worker/insights-client.js';
import { report, searchOk, reportWhen, freshInsights } from './support.js';

const DAY = 86_400_000;
const OFFSET = 7 * 60;
const stub = () => env.INSIGHTS_STORE.get(env.INSIGHTS_STORE.idFromName(INSIGHTS_OBJECT_NAME));

beforeEach(freshInsights);

/** Records one search of `q` into the object's storage as if it happened `daysAgo` days ago. */
function recordDaysAgo(q: string, daysAgo: number) {
  return runInDurableObject(stub(), (_obj, state) => {
    const at = Date.now() - daysAgo * DAY;
    const store = new InsightsStore(state.storage.sql, { maxQueriesPerDay: 100, utcOffsetMinutes: OFFSET, now: () => at });
    store.record({ events: [searchEvent({ q, total: 3, relaxed: false, category: false, dates: false, tookMs: 5, at })], lost: 0 });
  });
}

describe('retention (INSIGHTS_RETENTION_DAYS = 30 in this project)', () => {
  it('schedules a daily alarm after local midnight once the object is used', async () => {
    await searchOk('ha noi');
    await reportWhen((r) => r.totals.searches === 1);
    const alarm = await runInDurableObject(stub(), (_obj, state) => state.storage.getAlarm());
    const nextMidnight = startOfDay(addDays(dayOf(Date.now(), OFFSET), 1), OFFSET);
    expect(alarm).toBeGreaterThan(Date.now());
    expect(alarm! - nextMidnight).toBe(5 * 60_000);
  });

  it('the alarm deletes the days older than the retention window and schedules the next run', async () => {
    for (const ago of [0, 1, 29, 30, 45, 200]) await recordDaysAgo(`ngay ${ago}`, ago);
    const today = dayOf(Date.now(), OFFSET);
    const range = { from: addDays(today, -300), to: today };
    expect((await report(range)).totals.searches).toBe(6);
    expect(await runDurableObjectAlarm(stub())).toBe(true);
    const after = await report(range);
    expect(after.totals.searches).toBe(3);
    expect(after.top_queries.map((q) => q.query).sort()).toEqual(['ngay 0', 'ngay 1', 'ngay 29']);
    const oldest = await runInDurableObject(stub(), (_obj, state) => ['days', 'queries', 'latency']
      .map((t) => state.storage.sql.exec(`SELECT MIN(day) AS d FROM ${t}`).one().d));
    for (const d of oldest) expect(d! >= addDays(today, -29)).toBe(true);
    expect(await runInDurableObject(stub(), (_obj, state) => state.storage.getAlarm())).toBeGreaterThan(Date.now());
  });
});
