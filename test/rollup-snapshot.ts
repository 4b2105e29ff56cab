import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { rebuildActivityRollups, refreshCustomerFacts } from "@/lib/ingest/rollup";
import { rebuildEventPeriods } from "@/lib/metrics/rollups/event-periods";

/**
 * Everything ingest keeps incrementally for a workspace — daily rollup, period rows, named-event periods, cohort
 * cells, lifecycle counts, profile facts — in a stable order, for property tests that compare it with a rebuild.
 */
export async function rollupSnapshot(db: Db, ws: string) {
  return {
    activity: await rows(
      db,
      sql`select customer_id, day::text, event_count, active_event_count, order_count, revenue::text
          from customer_daily_activity where workspace_id = ${ws} order by customer_id, day`,
    ),
    periods: await rows(
      db,
      sql`select customer_id, period, start::text, active from customer_period_activity
          where workspace_id = ${ws} order by customer_id, period, start`,
    ),
    eventPeriods: await rows(
      db,
      sql`select customer_id, name, period, first_start::text, starts::text from customer_event_periods
          where workspace_id = ${ws} order by customer_id, name, period`,
    ),
    cohortCells: await rows(
      db,
      sql`select period, mode, measure, cohort::text, p::text, customers from retention_cells
          where workspace_id = ${ws} and customers <> 0 order by 1, 2, 3, 4, 5`,
    ),
    lifecycleCounts: await rows(
      db,
      sql`select period, p::text, status, customers from lifecycle_counts
          where workspace_id = ${ws} and customers <> 0 order by 1, 2, 3`,
    ),
    facts: await rows(
      db,
      sql`select id, first_seen_at, last_seen_at, last_active_at, nps_score, event_count, order_count,
                 lifetime_revenue::text, last_order_at, mrr::text, plan
          from customers where workspace_id = ${ws} order by id`,
    ),
  };
}

/** Rebuilds all of it from raw events (what rollupSnapshot must equal before and after). */
export async function rebuildAllRollups(db: Db, ws: string) {
  await rebuildActivityRollups(db, ws);
  await rebuildEventPeriods(db, ws);
  await refreshCustomerFacts(db, ws);
}
