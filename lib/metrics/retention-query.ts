import { ANY_EVENT, booleanParam, checkRange, dateParam, enumParam, eventParam, periodParam } from "./metric-query";
import { addPeriods, localDate, type Period, periodStart } from "./periods";
import { segmentParam } from "./segment-filter";

export const RETENTION_MODES = ["first_time", "recurring"] as const;
export type RetentionMode = (typeof RETENTION_MODES)[number];

/** What a cohort table shows; parsed from the URL (page) or the query string (read API) by the same code. */
export type RetentionQuery = {
  period: Period;
  /** Cohort range, local dates; widened to whole periods. */
  from: string;
  to: string;
  startEvent: string;
  returnEvent: string;
  mode: RetentionMode;
  /** "on or after" (unbounded) instead of "on". */
  cumulative: boolean;
  /** A customer trait to split cohorts by; null for none. */
  breakdown: string | null;
  /** Only the current members of this saved segment; null or absent for every customer. */
  segment?: string | null;
  /**
   * Start with entering this saved segment (its `Segment Entered` events) instead of `startEvent`: first-time
   * cohorts by the first entry, recurring ones by every period with an entry. Null or absent: `startEvent`.
   */
  startSegment?: string | null;
};

type Params = { get(name: string): string | null };

/** Defaults: weekly, first-time, any event, the last 12 periods up to today. */
export function parseRetentionQuery(params: Params, now: Date, timeZone: string): RetentionQuery {
  const period = periodParam(params);
  const today = localDate(now, timeZone);
  const to = dateParam(params, "to", today);
  const from = dateParam(params, "from", addPeriods(periodStart(to, period), period, -11));
  checkRange(from, to);
  const breakdown = params.get("breakdown")?.trim() || null;
  return {
    period,
    from,
    to,
    startEvent: eventParam(params, "start_event"),
    returnEvent: eventParam(params, "return_event"),
    mode: enumParam(params, "mode", RETENTION_MODES, "first_time"),
    cumulative: booleanParam(params, "cumulative", false),
    breakdown: breakdown && breakdown.length <= 200 ? breakdown : null,
    segment: segmentParam(params),
    startSegment: segmentParam(params, "start_segment"),
  };
}

/** The query as URL parameters (the inverse of parseRetentionQuery), so links reproduce a view. */
export function retentionSearchParams(query: RetentionQuery): URLSearchParams {
  const params = new URLSearchParams({
    period: query.period,
    from: query.from,
    to: query.to,
    start_event: query.startEvent,
    return_event: query.returnEvent,
    mode: query.mode,
    cumulative: String(query.cumulative),
  });
  if (query.breakdown) params.set("breakdown", query.breakdown);
  if (query.segment) params.set("segment", query.segment);
  if (query.startSegment) params.set("start_segment", query.startSegment);
  return params;
}

export { ANY_EVENT };
