/**
 * The "straightforward" queries: cohort retention and lifecycle computed from raw events alone, written from
 * the definitions in METRICS.md and not from lib/metrics (no rollup, no first_seen_at, no shared SQL). One text
 * serves PostgreSQL and DuckDB, so the two references run the same query; values are inlined as checked
 * literals because DuckDB and PostgreSQL bind parameters differently.
 */
import { SYSTEM_EVENT_TYPE } from "@/lib/ingest/system-events";
import { ANY_EVENT } from "@/lib/metrics/metric-query";

/** Which events: PostgreSQL scopes to the bench workspace; the DuckDB copy holds that workspace only. */
export type EventSource = { table: string; scope: string };

export function postgresEvents(workspaceId: string): EventSource {
  if (!/^[0-9a-f-]{36}$/.test(workspaceId)) throw new Error(`not a uuid: ${workspaceId}`);
  return { table: "events", scope: `workspace_id = '${workspaceId}' and customer_id is not null` };
}

export const duckdbEvents: EventSource = { table: "events", scope: "customer_id is not null" };

export type WeekWindow = {
  timeZone: string;
  /** Monday of the first and of the last (current) week shown, local dates. */
  firstWeek: string;
  lastWeek: string;
};

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not a date: ${value}`);
  return `date '${value}'`;
}

/** The Monday (local) of the week an event happened in. */
function localWeek(window: WeekWindow, instant = "timestamp"): string {
  return `cast(date_trunc('week', ${instant} at time zone ${literal(window.timeZone)}) as date)`;
}

const ACTIVE_TYPES = "type in ('track', 'page', 'screen')";

/**
 * METRICS.md: the default start event is any event; a return event or a named event must be track/page/screen.
 * "Any event" is any event of the customer's: Tenure's own (segment entries and exits) are not.
 */
function eventFilter(event: string, anyKind: boolean): string {
  if (event !== ANY_EVENT) return `and name = ${literal(event)} and ${ACTIVE_TYPES}`;
  return anyKind ? `and type <> ${literal(SYSTEM_EVENT_TYPE)}` : `and ${ACTIVE_TYPES}`;
}

export type RawRetention = { mode: "first_time" | "recurring"; startEvent: string; returnEvent: string };

/**
 * Rows (kind 'size' | 'cell', cohort, p, n): cohort sizes and, per cohort and later week p up to the current
 * week, how many members performed the return event in p ("on", not cumulative).
 */
export function rawRetentionSql(source: EventSource, window: WeekWindow, query: RawRetention): string {
  const from = `from ${source.table} where ${source.scope}`;
  const inRange = (column: string) => `${column} between ${date(window.firstWeek)} and ${date(window.lastWeek)}`;
  const members =
    query.mode === "first_time"
      ? // The week of each customer's first-ever start event, over all history (kept below if in range).
        `select customer_id, ${localWeek(window, "min(timestamp)")} as cohort
         ${from} ${eventFilter(query.startEvent, true)}
         group by customer_id`
      : `select distinct customer_id, ${localWeek(window)} as cohort
         ${from} ${eventFilter(query.startEvent, true)}`;
  return `
    with members as (${members}),
    returns as (
      select distinct customer_id, ${localWeek(window)} as p
      ${from} ${eventFilter(query.returnEvent, false)}
    ),
    members_in_range as (select customer_id, cohort from members where ${inRange("cohort")})
    select 'size' as kind, cast(cohort as varchar) as cohort, cast(null as varchar) as p, count(*) as n
    from members_in_range group by cohort
    union all
    select 'cell' as kind, cast(m.cohort as varchar) as cohort, cast(r.p as varchar) as p, count(*) as n
    from members_in_range m
    join returns r on r.customer_id = m.customer_id and r.p > m.cohort and r.p <= ${date(window.lastWeek)}
    group by m.cohort, r.p`;
}

/**
 * Rows (p, status, n) for every week of the window. Each customer's active weeks in order: a week with no
 * earlier one is new, one right after another is returning, else resurrecting; a week not followed by the
 * next one makes the customer dormant in that next week.
 */
export function rawLifecycleSql(source: EventSource, window: WeekWindow): string {
  const inRange = (column: string) => `${column} between ${date(window.firstWeek)} and ${date(window.lastWeek)}`;
  const nextWeek = "cast(p + interval '7 days' as date)";
  return `
    with active_weeks as (
      select distinct customer_id, ${localWeek(window)} as p
      from ${source.table} where ${source.scope} and ${ACTIVE_TYPES}
    ),
    ordered as (
      select customer_id, p,
             lag(p) over (partition by customer_id order by p) as previous_p,
             lead(p) over (partition by customer_id order by p) as next_p
      from active_weeks
    ),
    statuses as (
      select p, case when previous_p is null then 'new'
                     when previous_p = cast(p - interval '7 days' as date) then 'returning'
                     else 'resurrecting' end as status
      from ordered where ${inRange("p")}
      union all
      select ${nextWeek} as p, 'dormant' as status
      from ordered
      where (next_p is null or next_p <> ${nextWeek}) and ${inRange(nextWeek)}
    )
    select cast(p as varchar) as p, status, count(*) as n from statuses group by p, status`;
}
