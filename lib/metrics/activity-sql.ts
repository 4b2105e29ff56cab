import { type SQL, sql } from "drizzle-orm";
import { ANY_EVENT } from "./metric-query";
import { type Period, periodStart } from "./periods";
import { isRollupPeriod } from "./rollups/contributions";

/**
 * SQL fragments shared by the cohort and lifecycle queries. Local dates are bound as parameters; instants are
 * derived in SQL with the workspace time zone so that "Monday 00:30 in Berlin" lands in Monday's week.
 */
export type Scope = { workspaceId: string; timeZone: string };

/** Local midnight at the start of `date`, as an instant. */
export function localMidnight(scope: Scope, date: string): SQL {
  return sql`(${date}::date::timestamp at time zone ${scope.timeZone})`;
}

/**
 * Distinct (customer_id, p) pairs: customers who performed `event` in period p, for periods with local dates
 * in [from, toExclusive). `$any` reads the daily rollup: with `anyKind` every event counts (the default start
 * event is "the first event of any kind"), otherwise only track/page/screen ("active"). A named event (page
 * and screen names count like track names) reads the periods ingest keeps in customer_event_periods for weeks
 * and months, and events through the (workspace_id, name, timestamp) index for days.
 *
 * For days, a named event's pairs are de-duplicated for everyone who performed it, not only for cohort
 * members: a restriction to a `members` CTE makes the scan non-parallel, and for a year of weekly cohorts
 * (where nearly every customer is a member) that was slower at 10M events than the parallel index-only scan
 * and partial hash aggregate PostgreSQL plans without it.
 */
export function occurrences(
  scope: Scope,
  event: string,
  period: Period,
  from: string,
  toExclusive: string,
  anyKind: boolean,
): SQL {
  if (event === ANY_EVENT) {
    const counted = anyKind ? sql`event_count > 0` : sql`active_event_count > 0`;
    return sql`
      select distinct customer_id, date_trunc(${period}, day::timestamp)::date as p
      from customer_daily_activity
      where workspace_id = ${scope.workspaceId} and ${counted}
        and day >= ${from}::date and day < ${toExclusive}::date`;
  }
  if (hasEventPeriods(period, from, toExclusive)) {
    return sql`
      select r.customer_id, s.p
      from customer_event_periods r cross join lateral unnest(r.starts) as s(p)
      where r.workspace_id = ${scope.workspaceId} and r.name = ${event} and r.period = ${period}
        and s.p >= ${from}::date and s.p < ${toExclusive}::date`;
  }
  return sql`
    select distinct customer_id, date_trunc(${period}, timestamp at time zone ${scope.timeZone})::date as p
    from events
    where workspace_id = ${scope.workspaceId} and name = ${event} and type in ('track', 'page', 'screen')
      and timestamp >= ${localMidnight(scope, from)} and timestamp < ${localMidnight(scope, toExclusive)}`;
}

/**
 * (customer_id, p) with p the period of the customer's first-ever `event`, for customers whose first one
 * falls in [from, toExclusive). History before `from` counts: such customers are in no cohort.
 */
export function firstOccurrences(
  scope: Scope,
  event: string,
  period: Period,
  from: string,
  toExclusive: string,
  anyKind: boolean,
): SQL {
  if (event === ANY_EVENT && anyKind) {
    // first_seen_at is the customer's earliest event of any kind, kept by the write path.
    return sql`
      select id as customer_id, date_trunc(${period}, first_seen_at at time zone ${scope.timeZone})::date as p
      from customers
      where workspace_id = ${scope.workspaceId} and merged_into is null
        and first_seen_at >= ${localMidnight(scope, from)} and first_seen_at < ${localMidnight(scope, toExclusive)}`;
  }
  if (event === ANY_EVENT) {
    return sql`
      select customer_id, date_trunc(${period}, min(day)::timestamp)::date as p
      from customer_daily_activity
      where workspace_id = ${scope.workspaceId} and active_event_count > 0
      group by customer_id
      having min(day) >= ${from}::date and min(day) < ${toExclusive}::date`;
  }
  // The first period of a named (track/page/screen) event is first_start of its customer_event_periods row.
  if (hasEventPeriods(period, from, toExclusive)) {
    return sql`
      select customer_id, first_start as p
      from customer_event_periods
      where workspace_id = ${scope.workspaceId} and name = ${event} and period = ${period}
        and first_start >= ${from}::date and first_start < ${toExclusive}::date`;
  }
  // For days, its first-ever time is customer_event_facts.first_at, kept by ingest: one range of its
  // (workspace_id, name, first_at) index instead of grouping every such event.
  return sql`
    select customer_id, date_trunc(${period}, first_at at time zone ${scope.timeZone})::date as p
    from customer_event_facts
    where workspace_id = ${scope.workspaceId} and name = ${event}
      and first_at >= ${localMidnight(scope, from)} and first_at < ${localMidnight(scope, toExclusive)}`;
}

/**
 * Whether customer_event_periods answers a named event for these bounds: it holds weeks and months, and a
 * period start p stands for the whole period, so the bounds must be period starts too (they are for cohort
 * ranges and lifecycle, which align them; from = 1900-01-01 is a Monday and a first of the month).
 */
export function hasEventPeriods(period: Period, from: string, toExclusive: string) {
  return (
    isRollupPeriod(period) && periodStart(from, period) === from && periodStart(toExclusive, period) === toExclusive
  );
}

/**
 * (customer_id, p) for customers who entered the saved segment in [from, toExclusive): with `firstTime` the
 * period of each customer's first-ever entry (customers whose first entry is before `from` are in no cohort),
 * otherwise every period with an entry. Entries are the segment's `Segment Entered` events, read from its
 * membership log (segment_membership_events, indexed by segment and time); an entry logged for a profile since
 * merged into another counts for the survivor, as its events do.
 */
export function segmentEntries(
  scope: Scope,
  segmentId: string,
  period: Period,
  from: string,
  toExclusive: string,
  firstTime: boolean,
): SQL {
  const entries = sql`
    select coalesce(c.merged_into, l.customer_id) as customer_id, l.at
    from segment_membership_events l
    join customers c on c.workspace_id = l.workspace_id and c.id = l.customer_id
    where l.workspace_id = ${scope.workspaceId} and l.segment_id = ${segmentId}::uuid and l.kind = 'entered'`;
  const local = (at: SQL) => sql`date_trunc(${period}, ${at} at time zone ${scope.timeZone})::date`;
  if (firstTime) {
    return sql`
      select customer_id, ${local(sql`min(at)`)} as p from (${entries}) e
      group by customer_id
      having min(at) >= ${localMidnight(scope, from)} and min(at) < ${localMidnight(scope, toExclusive)}`;
  }
  return sql`
    select distinct customer_id, ${local(sql`at`)} as p from (${entries}) e
    where at >= ${localMidnight(scope, from)} and at < ${localMidnight(scope, toExclusive)}`;
}

/** One period as an SQL interval, for stepping between period starts. */
export function periodInterval(period: Period): SQL {
  return sql`${`1 ${period}`}::interval`;
}
