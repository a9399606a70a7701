import { describe, expect, it } from 'vitest';
import { INSIGHTS_DEFAULTS, insightsConfig } from './config.js';

describe('insightsConfig', () => {
  it('has defaults', () => {
    expect(insightsConfig({})).toEqual(INSIGHTS_DEFAULTS);
    expect(INSIGHTS_DEFAULTS).toEqual({ enabled: true, retentionDays: 90, maxQueriesPerDay: 5000, utcOffsetMinutes: 420 });
  });

  it('reads the variables', () => {
    expect(insightsConfig({ INSIGHTS: 'off', INSIGHTS_RETENTION_DAYS: '30', INSIGHTS_MAX_QUERIES_PER_DAY: '200', INSIGHTS_UTC_OFFSET: 'Z' }))
      .toEqual({ enabled: false, retentionDays: 30, maxQueriesPerDay: 200, utcOffsetMinutes: 0 });
    expect(insightsConfig({ INSIGHTS: ' OFF ' }).enabled).toBe(false);
    expect(insightsConfig({ INSIGHTS: 'on' }).enabled).toBe(true);
  });

  it('falls back to the default for invalid values', () => {
    const c = insightsConfig({ INSIGHTS_RETENTION_DAYS: '0', INSIGHTS_MAX_QUERIES_PER_DAY: '1e9', INSIGHTS_UTC_OFFSET: 'Asia/Ho_Chi_Minh' });
    expect(c.retentionDays).toBe(90);
    expect(c.maxQueriesPerDay).toBe(5000);
    expect(c.utcOffsetMinutes).toBe(420);
    expect(insightsConfig({ INSIGHTS_RETENTION_DAYS: '7.5' }).retentionDays).toBe(90);
  });
});
