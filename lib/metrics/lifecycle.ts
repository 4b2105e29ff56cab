import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";
import { hasEventPeriods, occurrences, periodInterval, type Scope } from "./activity-sql";
import { ANY_EVENT, checkRange, dateParam, eventParam, periodParam } from "./metric-query";
import { addPeriods, isComplete, localDate, type Period, periodStart, periodStarts } from "./periods";
import { lifecycleCountsFromCells } from "./rollups/read";
import { requireSegment, segmentCondition, segmentParam } from "./segment-filter";

export type LifecycleQuery = {
  period: Period;
  from: string;
  to: string;
  event: string;
  /** Only the current members of this saved segment; null or absent for every customer. */
  segment?: string | null;
};
export const LIFECYCLE_STATUSES = ["new", "returning", "resurrecting", "dormant"] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export type LifecyclePeriod = {
  start: string;
  complete: boolean;
  new: number;
  returning: number;
  resurrecting: number;
  /** Customers active in the previous period but not in this one, as a non-negative count. */
  dormant: number;
};

type Params = { get(name: string): string | null };

/** Defaults: weekly, any active event, the last 12 periods up to today. */
export function parseLifecycleQuery(params: Params, now: Date, timeZone: string): LifecycleQuery {
  const period = periodParam(params);
  const to = dateParam(params, "to", localDate(now, timeZone));
  const from = dateParam(params, "from", addPeriods(periodStart(to, period), period, -11));
  checkRange(from, to);
  return { period, from, to, event: eventParam(params, "event"), segment: segmentParam(params) };
}

export function lifecycleSearchParams(query: LifecycleQuery): URLSearchParams {
  const params = new URLSearchParams({ period: query.period, from: query.from, to: query.to, event: query.event });
  if (query.segment) params.set("segment", query.segment);
  return params;
}

/** The periods of a query that have started, and the SQL bounds around them. */
function bounds(query: LifecycleQuery, today: string) {
  const last = [periodStart(query.to, query.period), periodStart(today, query.period)].sort()[0] as string;
  const first = periodStart(query.from, query.period);
  return { first, last, before: addPeriods(first, query.period, -1), end: addPeriods(last, query.period, 1) };
}

/** Activity is read from this date on: "new" needs the customer's whole history, not just the range. */
const HISTORY_START = "1900-01-01";

/**
 * (customer_id, p, status) for every customer and period of the query (METRICS.md "Lifecycle"): active
 * customers are new (p is their first-ever active period), returning (also active in p−1) or resurrecting
 * (not active in p−1 but before it); a customer active in p−1 and not in p is dormant in p.
 *
 * One pass: each customer's active periods in order, with the previous and next active period beside each
 * (window functions), instead of joining the activity to itself; the self-joins' row estimates went wrong by
 * orders of magnitude at 10M events and the query never finished (docs/benchmarks.md).
 */
export function lifecycleStatuses(scope: Scope, query: LifecycleQuery, today: string): SQL {
  const { first, last, end } = bounds(query, today);
  const step = periodInterval(query.period);
  if (query.event !== ANY_EVENT && hasEventPeriods(query.period, HISTORY_START, end)) {
    return namedEventStatuses(scope, query, { first, last, end });
  }
  return sql`
    with act as (
      select o.customer_id, o.p from (${occurrences(scope, query.event, query.period, HISTORY_START, end, false)}) o
      where true ${segmentCondition(scope.workspaceId, query.segment, sql`o.customer_id`)}
    ),
    seq as (
      select customer_id, p,
             lag(p) over (partition by customer_id order by p) as prev_p,
             lead(p) over (partition by customer_id order by p) as next_p
      from act
    )
    select customer_id, p,
           case when prev_p is null then 'new'
                when prev_p = (p - ${step})::date then 'returning'
                else 'resurrecting' end as status
    from seq
    where p >= ${first}::date
    union all
    select customer_id, (p + ${step})::date as p, 'dormant' as status
    from seq
    where (next_p is null or next_p <> (p + ${step})::date)
      and (p + ${step})::date between ${first}::date and ${last}::date`;
}

/**
 * lifecycleStatuses for a named event by week or month, from customer_event_periods: each customer's periods
 * are already a sorted array, so the previous and next active period are its neighbours in the array, with
 * no sort of every (customer, period) pair for window functions (~370,000 for Order Completed at 10M events).
 * The next period may lie past `end` where the window version saw none; either way a dormant period after p
 * is p + 1 and must be ≤ last < end, so the answers are the same.
 */
function namedEventStatuses(scope: Scope, query: LifecycleQuery, range: { first: string; last: string; end: string }) {
  const step = periodInterval(query.period);
  const rowsOf = sql`
    from customer_event_periods r cross join lateral unnest(r.starts) with ordinality as s(p, i)
    where r.workspace_id = ${scope.workspaceId} and r.name = ${query.event} and r.period = ${query.period}
      ${segmentCondition(scope.workspaceId, query.segment, sql`r.customer_id`)}`;
  return sql`
    select r.customer_id, s.p,
           case when s.i = 1 then 'new'
                when r.starts[s.i - 1] = (s.p - ${step})::date then 'returning'
                else 'resurrecting' end as status
    ${rowsOf} and s.p >= ${range.first}::date and s.p < ${range.end}::date
    union all
    select r.customer_id, (s.p + ${step})::date as p, 'dormant' as status
    ${rowsOf} and (r.starts[s.i + 1] is null or r.starts[s.i + 1] <> (s.p + ${step})::date)
      and (s.p + ${step})::date between ${range.first}::date and ${range.last}::date`;
}

export async function computeLifecycle(
  db: Db,
  scope: Scope,
  query: LifecycleQuery,
  now: Date = new Date(),
): Promise<{ period: Period; periods: LifecyclePeriod[] }> {
  const today = localDate(now, scope.timeZone);
  const { first, last } = bounds(query, today);
  await requireSegment(db, scope.workspaceId, query.segment);
  const counts =
    (await lifecycleCountsFromCells(db, scope, query, first, last)) ??
    (await rows<{ p: string; status: LifecycleStatus; n: number }>(
      db,
      sql`select p::text, status, count(*)::int as n from (${lifecycleStatuses(scope, query, today)}) s group by p, status`,
    ));
  const periods = new Map<string, LifecyclePeriod>();
  for (const start of first <= last ? periodStarts(first, last, query.period) : []) {
    const complete = isComplete(start, query.period, today);
    periods.set(start, { start, complete, new: 0, returning: 0, resurrecting: 0, dormant: 0 });
  }
  for (const c of counts) {
    const period = periods.get(c.p);
    if (period) period[c.status] += c.n;
  }
  return { period: query.period, periods: [...periods.values()] };
}

export function parseLifecycleStatus(value: string | null): LifecycleStatus {
  if (value && (LIFECYCLE_STATUSES as readonly string[]).includes(value)) return value as LifecycleStatus;
  throw new Invalid("`status` must be new, returning, resurrecting or dormant.", { status: "Unknown status" });
}

export { ANY_EVENT };
