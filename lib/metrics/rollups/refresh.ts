import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { periodStart } from "../periods";
import { applyCellDeltas } from "./apply";
import {
  accumulate,
  contributions,
  difference,
  type PeriodActivity,
  ROLLUP_PERIODS,
  type RollupPeriod,
} from "./contributions";
import { bigintList, periodActivitySelect } from "./period-activity-sql";
import { rebuildPeriodRollups } from "./rebuild";

type PeriodRow = { customer_id: number | string; period: RollupPeriod; start: string; active: boolean };

/**
 * Re-derives the period activity of some customers from customer_daily_activity (call it after their daily
 * rows changed) and moves the cohort and lifecycle counts by the difference between what each customer
 * contributed before and after. Merged-away customers contribute nothing. Without ids, rebuilds the workspace.
 *
 * Call it once per transaction with every customer concerned: its cell updates lock in one sorted order,
 * and two calls in one transaction could interleave with another writer's into a deadlock.
 */
export async function refreshPeriodRollups(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds === undefined) return rebuildPeriodRollups(db, workspaceId);
  const ids = [...new Set(customerIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const idList = bigintList(ids);
  const before = await rows<PeriodRow>(
    db,
    sql`select customer_id, period, start::text as start, active from customer_period_activity
        where workspace_id = ${workspaceId} and customer_id = any(${idList}::bigint[])`,
  );
  await db.execute(
    sql`delete from customer_period_activity where workspace_id = ${workspaceId} and customer_id = any(${idList}::bigint[])`,
  );
  const after = await rows<PeriodRow>(
    db,
    sql`insert into customer_period_activity (workspace_id, customer_id, period, start, active)
        ${periodActivitySelect(workspaceId, sql`and a.customer_id = any(${idList}::bigint[])`)}
        returning customer_id, period, start::text as start, active`,
  );
  const old = byCustomerAndPeriod(before);
  const now = byCustomerAndPeriod(after);
  for (const period of ROLLUP_PERIODS) {
    const delta = new Map<string, number>();
    for (const id of ids) {
      const key = `${id}|${period}`;
      accumulate(
        delta,
        difference(contributions(old.get(key) ?? [], period), contributions(now.get(key) ?? [], period)),
      );
    }
    await applyCellDeltas(db, workspaceId, period, delta);
  }
}

/**
 * The customers whose period activity newly stored events change: those for whom the events open a period or
 * make an inactive one active. Everyone else (most events land in a week the customer was already active
 * in) costs one lookup and no refresh.
 */
export async function customersWithNewPeriods(
  db: Db,
  workspaceId: string,
  events: readonly { customerId: number; day: string; type: string }[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const seen = new Map<string, { c: number; period: RollupPeriod; s: string; a: boolean }>();
  for (const e of events) {
    const active = ACTIVE_TYPES.has(e.type);
    for (const period of ROLLUP_PERIODS) {
      const s = periodStart(e.day, period);
      const key = `${e.customerId}|${period}|${s}`;
      const row = seen.get(key);
      if (row) row.a ||= active;
      else seen.set(key, { c: e.customerId, period, s, a: active });
    }
  }
  const changed = await rows<{ c: number | string }>(
    db,
    sql`
      select distinct x.c
      from jsonb_to_recordset(${JSON.stringify([...seen.values()])}::jsonb) as x(c bigint, period text, s text, a boolean)
      left join customer_period_activity t
        on t.workspace_id = ${workspaceId} and t.customer_id = x.c and t.period = x.period and t.start = x.s::date
      where t.customer_id is null or (x.a and not t.active)`,
  );
  return changed.map((r) => Number(r.c));
}

const ACTIVE_TYPES = new Set(["track", "page", "screen"]);

function byCustomerAndPeriod(list: readonly PeriodRow[]) {
  const out = new Map<string, PeriodActivity[]>();
  for (const r of list) {
    const key = `${Number(r.customer_id)}|${r.period}`;
    const periods = out.get(key) ?? [];
    periods.push({ start: r.start, active: r.active });
    out.set(key, periods);
  }
  return out;
}
