import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { Scope } from "../activity-sql";
import { ANY_EVENT } from "../metric-query";
import { addPeriods, periodStart } from "../periods";
import type { RetentionQuery } from "../retention-query";
import { isRollupPeriod } from "./contributions";

export type CohortCountRow = {
  kind: "size" | "cell";
  cohort: string;
  bvalue: string | null;
  p: string | null;
  n: number;
};

/**
 * The rows computeRetention would aggregate from activity, read from retention_cells instead, or null when the
 * view is not one the cells hold: a named start or return event, a breakdown, a segment, daily periods, or "on or
 * after" while some customer has activity dated after today (their latest period would be in the future).
 */
export async function cohortCountsFromCells(
  db: Db,
  scope: Scope,
  query: RetentionQuery,
  todayPeriod: string,
): Promise<CohortCountRow[] | null> {
  const { period } = query;
  const { startEvent, returnEvent, breakdown, segment, startSegment } = query;
  if (startEvent !== ANY_EVENT || returnEvent !== ANY_EVENT || breakdown || segment || startSegment) return null;
  if (!isRollupPeriod(period)) return null;
  if (query.cumulative && (await hasActivityAfter(db, scope.workspaceId, period, todayPeriod))) return null;
  const rangeStart = periodStart(query.from, period);
  const rangeEnd = addPeriods(periodStart(query.to, period), period, 1);
  const measure = query.cumulative ? "last" : "on";
  return rows<CohortCountRow>(
    db,
    sql`
      select case when measure = 'size' then 'size' else 'cell' end as kind, cohort::text, null::text as bvalue,
             case when measure = 'size' then null else p::text end as p, customers as n
      from retention_cells
      where workspace_id = ${scope.workspaceId} and period = ${period} and mode = ${query.mode}
        and measure in ('size', ${measure}) and cohort >= ${rangeStart}::date and cohort < ${rangeEnd}::date
        and (measure = 'size' or p <= ${todayPeriod}::date) and customers <> 0`,
  );
}

/** Lifecycle status counts per period from lifecycle_counts, or null when the view is not one they hold. */
export async function lifecycleCountsFromCells(
  db: Db,
  scope: Scope,
  query: { period: RetentionQuery["period"]; event: string; segment?: string | null },
  first: string,
  last: string,
) {
  if (query.event !== ANY_EVENT || !isRollupPeriod(query.period) || query.segment) return null;
  return rows<{ p: string; status: "new" | "returning" | "resurrecting" | "dormant"; n: number }>(
    db,
    sql`
      select p::text, status, customers as n from lifecycle_counts
      where workspace_id = ${scope.workspaceId} and period = ${query.period}
        and p >= ${first}::date and p <= ${last}::date and customers <> 0`,
  );
}

async function hasActivityAfter(db: Db, workspaceId: string, period: string, todayPeriod: string) {
  const found = await rows(
    db,
    sql`select 1 from customer_period_activity
        where workspace_id = ${workspaceId} and period = ${period} and start > ${todayPeriod}::date and active
        limit 1`,
  );
  return found.length > 0;
}
