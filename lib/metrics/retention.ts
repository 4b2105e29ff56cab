import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { firstOccurrences, hasEventPeriods, occurrences, type Scope, segmentEntries } from "./activity-sql";
import { breakdownGrouping, breakdownOrder } from "./breakdown";
import { ANY_EVENT } from "./metric-query";
import { addPeriods, isComplete, localDate, type Period, periodStart, periodStarts, periodsBetween } from "./periods";
import type { RetentionQuery } from "./retention-query";
import { type CohortCountRow, cohortCountsFromCells } from "./rollups/read";
import { requireSegment, segmentCondition } from "./segment-filter";

export type RetentionCohort = {
  /** First day of the cohort's period (local date). */
  start: string;
  /** Breakdown group ("Other", "(none)" or a trait value); null without a breakdown. */
  breakdown: string | null;
  size: number;
  /** values[k]: customers counted at offset k; only offsets whose period has started. values[0] = size. */
  values: number[];
};

export type RetentionResult = {
  period: Period;
  cohorts: RetentionCohort[];
  /** Per offset: Σ cells / Σ sizes over cohorts whose period c+k is complete; null when that Σ size is 0. */
  mean: (number | null)[];
  /** With a breakdown: each group's size over the range and its own mean curve. */
  breakdowns: { value: string; size: number; mean: (number | null)[] }[];
};

/** The cohort members of a query: (customer_id, cohort, bvalue), as a SQL subquery. */
export function cohortMembers(scope: Scope, query: RetentionQuery): SQL {
  const rangeStart = periodStart(query.from, query.period);
  const rangeEnd = addPeriods(periodStart(query.to, query.period), query.period, 1);
  const starts = query.startSegment
    ? segmentEntries(scope, query.startSegment, query.period, rangeStart, rangeEnd, query.mode === "first_time")
    : query.mode === "first_time"
      ? firstOccurrences(scope, query.startEvent, query.period, rangeStart, rangeEnd, true)
      : occurrences(scope, query.startEvent, query.period, rangeStart, rangeEnd, true);
  const fromEventPeriods = query.startEvent !== ANY_EVENT && !query.startSegment;
  if (!query.breakdown && fromEventPeriods && hasEventPeriods(query.period, rangeStart, rangeEnd)) {
    // customer_event_periods holds live customers only: the join with customers (a scan of all of them, a
    // third of the named cohort query at 100,000 customers) would drop nobody.
    return sql`
      select m.customer_id, m.p as cohort, null::text as bvalue from (${starts}) m
      where true ${segmentCondition(scope.workspaceId, query.segment, sql`m.customer_id`)}`;
  }
  const bvalue = query.breakdown ? sql`nullif(c.traits ->> ${query.breakdown}, '')` : sql`null::text`;
  return sql`
    select m.customer_id, m.p as cohort, ${bvalue} as bvalue
    from (${starts}) m
    join customers c on c.workspace_id = ${scope.workspaceId} and c.id = m.customer_id and c.merged_into is null
    where true ${segmentCondition(scope.workspaceId, query.segment, sql`m.customer_id`)}`;
}

/** Return occurrences from the first cohort's start up to today. */
export function returnOccurrences(scope: Scope, query: RetentionQuery, today: string): SQL {
  const rangeStart = periodStart(query.from, query.period);
  const end = addPeriods(periodStart(today, query.period), query.period, 1);
  return occurrences(scope, query.returnEvent, query.period, rangeStart, end, false);
}

type Row = CohortCountRow;

/**
 * Cohort retention exactly as METRICS.md defines it (first_time / recurring, "on" / "on or after", breakdown
 * top 10 + Other + (none), weighted mean over complete periods). The default weekly and monthly views read
 * the counts the write path keeps in retention_cells; any other view runs one SQL query that returns cohort sizes and, per
 * cohort, how many members performed the return event in each later period (or, cumulative, the last such
 * period per member); offsets and the mean are derived here.
 */
export async function computeRetention(
  db: Db,
  scope: Scope,
  query: RetentionQuery,
  now: Date = new Date(),
): Promise<RetentionResult> {
  const today = localDate(now, scope.timeZone);
  const todayPeriod = periodStart(today, query.period);
  const hits = sql`
    select m.customer_id, m.cohort, m.bvalue, r.p
    from members m join returns r on r.customer_id = m.customer_id and r.p > m.cohort and r.p <= ${todayPeriod}::date`;
  const cells = query.cumulative
    ? sql`select 'cell' as kind, cohort::text, bvalue, last_p::text as p, count(*)::int as n
          from (select customer_id, cohort, bvalue, max(p) as last_p from hits group by 1, 2, 3) x
          group by cohort, bvalue, last_p`
    : sql`select 'cell' as kind, cohort::text, bvalue, p::text, count(*)::int as n from hits group by cohort, bvalue, p`;
  await requireSegment(db, scope.workspaceId, query.segment);
  await requireSegment(db, scope.workspaceId, query.startSegment, "start_segment");
  const fromCells = await cohortCountsFromCells(db, scope, query, todayPeriod);
  if (fromCells) return assemble(query, fromCells, today);
  const rangeStart = periodStart(query.from, query.period);
  if (query.returnEvent !== ANY_EVENT && hasEventPeriods(query.period, rangeStart, todayPeriod)) {
    // One plan whatever the statistics: a hash join, not parallel. On a table never analyzed (PGlite has no
    // autovacuum) both sides were estimated at one row and PostgreSQL planned a nested loop comparing every
    // member with every return row, past 120 s at 100,000 customers. The parallel plan sent each of ~464,000
    // (member, period) pairs through Gather before counting them (the groups are estimated per pair): 150-185 ms
    // against 100 ms serial, measured alternately. SET LOCAL lasts to the end of the enclosing transaction;
    // nothing runs after this query in it.
    const counted = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_nestloop = off`);
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      return rows<Row>(tx as unknown as Db, namedReturnCounts(scope, query, todayPeriod));
    });
    return assemble(query, counted, today);
  }
  const result = await rows<Row>(
    db,
    sql`
      with members as (${cohortMembers(scope, query)}),
      returns as (${returnOccurrences(scope, query, today)}),
      hits as (${hits})
      select 'size' as kind, cohort::text, bvalue, null::text as p, count(*)::int as n
      from members group by cohort, bvalue
      union all
      ${cells}`,
  );
  return assemble(query, result, today);
}

/**
 * Sizes and cells in one pass when the return event is named and its periods are in customer_event_periods:
 * each member meets its own row of return periods (a hash join by customer) and yields itself once (p null:
 * the size) plus its return periods. Periods up to the cohort's or after today's are counted too and dropped
 * by assemble (k < 1 or past the last offset): a filter on the unnested periods was misestimated and planned a
 * sort of every pair. "On or after" yields only each member's last return period in (cohort, today].
 * At 10M events this replaced a hash join of every member with ~370,000 de-duplicated (customer, week) pairs of
 * Order Completed events and a second pass over the members for the sizes (docs/benchmarks.md).
 */
function namedReturnCounts(scope: Scope, query: RetentionQuery, todayPeriod: string): SQL {
  const join = sql`
    from (${cohortMembers(scope, query)}) m
    left join customer_event_periods r
      on r.workspace_id = ${scope.workspaceId} and r.name = ${query.returnEvent} and r.period = ${query.period}
        and r.customer_id = m.customer_id`;
  const pairs = query.cumulative
    ? sql`select m.cohort, m.bvalue, x.p ${join}
          cross join lateral (
            select null::date as p
            union all
            select max(s.p) from unnest(r.starts) as s(p) where s.p > m.cohort and s.p <= ${todayPeriod}::date
            having count(*) > 0
          ) x`
    : sql`select m.cohort, m.bvalue, unnest(array_prepend(null::date, r.starts)) as p ${join}`;
  return sql`
    select case when p is null then 'size' else 'cell' end as kind, cohort::text, bvalue, p::text, n
    from (select cohort, bvalue, p, count(*)::int as n from (${pairs}) pairs group by cohort, bvalue, p) counted`;
}

function assemble(query: RetentionQuery, result: Row[], today: string): RetentionResult {
  const { period } = query;
  const sizeByValue = new Map<string | null, number>();
  for (const r of result) if (r.kind === "size") sizeByValue.set(r.bvalue, (sizeByValue.get(r.bvalue) ?? 0) + r.n);
  const groupOf = query.breakdown ? breakdownGrouping(sizeByValue) : () => null;

  // Every cohort period of the range appears (empty ones too) when there is no breakdown.
  const cohorts = new Map<string, RetentionCohort & { counts: number[] }>();
  const todayPeriod = periodStart(today, period);
  const cohortFor = (start: string, group: string | null) => {
    const key = `${start}|${group ?? ""}`;
    let cohort = cohorts.get(key);
    if (!cohort) {
      const offsets = Math.max(0, periodsBetween(start, todayPeriod, period) + 1);
      cohort = { start, breakdown: group, size: 0, values: [], counts: new Array(offsets).fill(0) };
      cohorts.set(key, cohort);
    }
    return cohort;
  };
  if (!query.breakdown) {
    for (const start of periodStarts(query.from, query.to, period)) if (start <= todayPeriod) cohortFor(start, null);
  }
  for (const r of result) {
    const cohort = cohortFor(r.cohort, groupOf(r.bvalue));
    if (r.kind === "size") {
      cohort.size += r.n;
      continue;
    }
    const k = periodsBetween(r.cohort, r.p as string, period);
    if (k >= 1 && k < cohort.counts.length) cohort.counts[k] = (cohort.counts[k] ?? 0) + r.n;
  }

  const groupSizes = new Map<string, number>();
  const list: RetentionCohort[] = [];
  for (const c of cohorts.values()) {
    const values = c.counts.map((n, k) => (k === 0 ? c.size : n));
    if (query.cumulative) {
      // counts[k] holds members whose last return was at offset k; "on or after" counts them at every k' ≤ k.
      for (let k = values.length - 2; k >= 1; k--) values[k] = (values[k] ?? 0) + (values[k + 1] ?? 0);
    }
    list.push({ start: c.start, breakdown: c.breakdown, size: c.size, values });
    if (c.breakdown !== null) groupSizes.set(c.breakdown, (groupSizes.get(c.breakdown) ?? 0) + c.size);
  }
  const order = breakdownOrder(groupSizes);
  list.sort((a, b) =>
    a.start === b.start
      ? order.indexOf(a.breakdown ?? "") - order.indexOf(b.breakdown ?? "")
      : a.start < b.start
        ? -1
        : 1,
  );
  return {
    period,
    cohorts: list,
    mean: weightedMean(list, period, today),
    breakdowns: order.map((value) => ({
      value,
      size: groupSizes.get(value) ?? 0,
      mean: weightedMean(
        list.filter((c) => c.breakdown === value),
        period,
        today,
      ),
    })),
  };
}

/** METRICS.md mean row: for each offset k, Σ cells / Σ sizes over cohorts whose period c+k is complete. */
export function weightedMean(cohorts: RetentionCohort[], period: Period, today: string): (number | null)[] {
  const mean: (number | null)[] = [];
  const longest = Math.max(0, ...cohorts.map((c) => c.values.length));
  for (let k = 0; k < longest; k++) {
    let cells = 0;
    let sizes = 0;
    let complete = 0;
    for (const c of cohorts) {
      if (k >= c.values.length || !isComplete(addPeriods(c.start, period, k), period, today)) continue;
      complete++;
      cells += c.values[k] ?? 0;
      sizes += c.size;
    }
    if (complete === 0) break;
    mean.push(sizes === 0 ? null : cells / sizes);
  }
  return mean;
}
