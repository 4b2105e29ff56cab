import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { applyCellDeltas } from "./apply";
import { addContributions, type PeriodActivity, ROLLUP_PERIODS, type RollupPeriod } from "./contributions";
import { backfillEventPeriods, rebuildEventPeriods } from "./event-periods";
import { periodActivitySelect } from "./period-activity-sql";

/** Customers read per round trip while summing contributions; bounds memory at any workspace size. */
const CUSTOMERS_PER_CHUNK = 5_000;

/**
 * Recomputes a workspace's period activity, cohort cells and lifecycle counts from customer_daily_activity,
 * and its named-event periods from events: after a time-zone change (the daily rollup is rebuilt first) and
 * for workspaces that predate the tables.
 */
export async function rebuildPeriodRollups(db: Db, workspaceId: string) {
  await rebuildEventPeriods(db, workspaceId);
  for (const table of ["customer_period_activity", "retention_cells", "lifecycle_counts"] as const) {
    await db.execute(sql`delete from ${sql.identifier(table)} where workspace_id = ${workspaceId}`);
  }
  await db.execute(
    sql`insert into customer_period_activity (workspace_id, customer_id, period, start, active)
        ${periodActivitySelect(workspaceId)}`,
  );
  const totals = new Map<RollupPeriod, Map<string, number>>(ROLLUP_PERIODS.map((p) => [p, new Map()]));
  let after = -1;
  for (;;) {
    const chunk = await rows<{ customer_id: number | string; period: RollupPeriod; start: string; active: boolean }>(
      db,
      sql`
        with ids as (
          select distinct customer_id from customer_period_activity
          where workspace_id = ${workspaceId} and customer_id > ${after}
          order by customer_id limit ${CUSTOMERS_PER_CHUNK}
        )
        select a.customer_id, a.period, a.start::text as start, a.active
        from customer_period_activity a join ids on ids.customer_id = a.customer_id
        where a.workspace_id = ${workspaceId}
        order by a.customer_id`,
    );
    if (chunk.length === 0) break;
    let current: number | null = null;
    const periods = new Map<RollupPeriod, PeriodActivity[]>();
    const flush = () => {
      for (const [period, list] of periods) addContributions(totals.get(period)!, list, period, 1);
      periods.clear();
    };
    for (const r of chunk) {
      const id = Number(r.customer_id);
      if (id !== current) {
        flush();
        current = id;
      }
      const list = periods.get(r.period) ?? [];
      list.push({ start: r.start, active: r.active });
      periods.set(r.period, list);
    }
    flush();
    after = current ?? after;
  }
  for (const [period, total] of totals) await applyCellDeltas(db, workspaceId, period, total);
}

/**
 * Builds the period rollups of workspaces that have daily activity but none yet (a database migrated from a
 * version without them), then the named-event periods of those that lack only these. Runs at server start;
 * a no-op once every workspace has them. Returns how many workspaces it built anything for.
 */
export async function backfillPeriodRollups(db: Db, log: (message: string) => void = () => {}) {
  const missing = await rows<{ id: string }>(
    db,
    sql`
      select w.id from workspaces w
      where exists (select 1 from customer_daily_activity a where a.workspace_id = w.id)
        and not exists (select 1 from customer_period_activity p where p.workspace_id = w.id)`,
  );
  for (const { id } of missing) {
    log(`building cohort and lifecycle rollups for workspace ${id}`);
    await db.transaction((tx) => rebuildPeriodRollups(tx, id));
  }
  return missing.length + (await backfillEventPeriods(db, log));
}
