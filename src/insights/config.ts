/**
 * Settings of search insights, read from Worker variables (wrangler.toml `[vars]`), each with a
 * default used when it is unset or not a valid value.
 * @module
 */
import { parseUtcOffset } from './days.js';

/** The variables search insights read. */
export interface InsightsVars {
  /** "on" (default) records searches and clicks; "off" records nothing and `/events` answers 404. */
  INSIGHTS?: string;
  /** Days of aggregates kept (default 90); older days are deleted by a daily alarm. */
  INSIGHTS_RETENTION_DAYS?: string;
  /** Distinct queries stored per day (default 5000); searches beyond it are only counted. */
  INSIGHTS_MAX_QUERIES_PER_DAY?: string;
  /** UTC offset of the insights day (default +07:00, Vietnam). */
  INSIGHTS_UTC_OFFSET?: string;
}

/** Parsed settings. */
export interface InsightsConfig {
  enabled: boolean;
  retentionDays: number;
  maxQueriesPerDay: number;
  utcOffsetMinutes: number;
}

/** Defaults of {@link InsightsConfig}. */
export const INSIGHTS_DEFAULTS: InsightsConfig = { enabled: true, retentionDays: 90, maxQueriesPerDay: 5000, utcOffsetMinutes: 7 * 60 };

const intIn = (v: string | undefined, min: number, max: number, fallback: number) => {
  const n = Number((v ?? '').trim());
  return v !== undefined && v.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Reads the settings from the Worker's variables. */
export function insightsConfig(env: InsightsVars): InsightsConfig {
  return {
    enabled: (env.INSIGHTS ?? 'on').trim().toLowerCase() !== 'off',
    retentionDays: intIn(env.INSIGHTS_RETENTION_DAYS, 1, 3650, INSIGHTS_DEFAULTS.retentionDays),
    maxQueriesPerDay: intIn(env.INSIGHTS_MAX_QUERIES_PER_DAY, 1, 100_000, INSIGHTS_DEFAULTS.maxQueriesPerDay),
    utcOffsetMinutes: parseUtcOffset(env.INSIGHTS_UTC_OFFSET) ?? INSIGHTS_DEFAULTS.utcOffsetMinutes,
  };
}
