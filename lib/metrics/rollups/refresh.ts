import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import { periodStart } from "../periods";
import { applyCellDeltas } from "./apply";
import {
  addContributionGrowth,
  addContributions,
  type PeriodActivity,
  ROLLUP_PERIODS,
  type RollupPeriod,
} from "./contributions";
import { rebuildEventPeriods } from "./event-periods";
import { bigintList, periodActivitySelect } from "./period-activity-sql";
import { rebuildPeriodRollups } from "./rebuild";

type PeriodRow = { customer_id: number | string; period: RollupPeriod; start: string; active: boolean };

/** Period rows newly stored events added (`inserted`) or turned active (not `inserted`), from addPeriodRows. */
export type NewPeriodRow = { c: number; period: RollupPeriod; s: string; inserted: boolean };

/**
 * Brings the period activity of some customers up to date and moves the cohort and lifecycle counts by the
 * difference between what each customer contributed before and after:
 * - `added`: rows newly stored events opened or turned active (addPeriodRows, already written): what the
 *   customers contributed before is their current rows with those changes undone;
 * - `rederive`: customers whose history changed otherwise (a merge, a rebuilt daily rollup) — their rows are
 *   derived again from customer_daily_activity, and their named-event periods from events; merged-away
 *   customers end with none. (New events of everyone else reach the named-event periods through
 *   addEventPeriods, called by ingest beside newPeriodRows.)
 * Without `rederive` ids and `added`, nothing happens; `rederive: undefined` and no rows rebuilds the workspace.
 *
 * Call it once per transaction with every customer concerned: its cell updates lock in one sorted order,
 * and two calls in one transaction could interleave with another writer's into a deadlock.
 */
export async function refreshPeriodRollups(
  db: Db,
  workspaceId: string,
  rederive?: readonly number[],
  added: readonly NewPeriodRow[] = [],
) {
  if (rederive === undefined && added.length === 0) return rebuildPeriodRollups(db, workspaceId);
  const fresh = new Set(rederive ?? []);
  const ids = [...new Set([...fresh, ...added.map((r) => r.c)])].sort((a, b) => a - b);
  if (ids.length === 0) return;
  const current = await rows<PeriodRow>(
    db,
    sql`select customer_id, period, start::text as start, active from customer_period_activity
        where workspace_id = ${workspaceId} and customer_id = any(${bigintList(ids)}::bigint[])`,
  );
  const old = byCustomerAndPeriod(withoutAdded(current, added));
  const after = byCustomerAndPeriod(current);
  await rebuildEventPeriods(
    db,
    workspaceId,
    [...fresh].sort((a, b) => a - b),
  );
  const now = await rederiveRows(
    db,
    workspaceId,
    [...fresh].sort((a, b) => a - b),
  );
  for (const id of ids) {
    if (fresh.has(id)) continue;
    for (const period of ROLLUP_PERIODS) {
      const key = `${id}|${period}`;
      const rowsNow = after.get(key);
      if (rowsNow) now.set(key, rowsNow);
    }
  }
  for (const period of ROLLUP_PERIODS) {
    const delta = new Map<string, number>();
    for (const id of ids) {
      const key = `${id}|${period}`;
      if (fresh.has(id)) {
        addContributions(delta, old.get(key) ?? [], period, -1);
        addContributions(delta, now.get(key) ?? [], period, 1);
      } else {
        // Newly stored events only add periods or turn them active.
        addContributionGrowth(delta, old.get(key) ?? [], now.get(key) ?? [], period);
      }
    }
    await applyCellDeltas(db, workspaceId, period, delta);
  }
}

/** Replaces the period rows of `ids` with those derived from their daily rows; returns the new rows. */
async function rederiveRows(db: Db, workspaceId: string, ids: readonly number[]) {
  if (ids.length === 0) return new Map<string, PeriodActivity[]>();
  const idList = bigintList(ids);
  await db.execute(
    sql`delete from customer_period_activity where workspace_id = ${workspaceId} and customer_id = any(${idList}::bigint[])`,
  );
  const after = await rows<PeriodRow>(
    db,
    sql`insert into customer_period_activity (workspace_id, customer_id, period, start, active)
        ${periodActivitySelect(workspaceId, sql`and a.customer_id = any(${idList}::bigint[])`)}
        returning customer_id, period, start::text as start, active`,
  );
  return byCustomerAndPeriod(after);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows as they were before `added` was written: inserted ones dropped, ones turned active inactive again. */
function withoutAdded(current: readonly PeriodRow[], added: readonly NewPeriodRow[]): PeriodRow[] {
  if (added.length === 0) return [...current];
  const changed = new Map(added.map((r) => [`${r.c}|${r.period}|${r.s}`, r.inserted]));
  const out: PeriodRow[] = [];
  for (const row of current) {
    const inserted = changed.get(`${Number(row.customer_id)}|${row.period}|${row.start}`);
    if (inserted === undefined) out.push(row);
    else if (!inserted) out.push({ ...row, active: false });
  }
  return out;
}

/**
 * Writes the period rows newly stored events open, or turn active, and returns those: one statement, in which
 * rows already holding the batch's activity are neither written nor returned (most events land in a week the
 * customer was already active in). Call refreshPeriodRollups with the result, later in the same transaction.
 */
export async function addPeriodRows(
  db: Db,
  workspaceId: string,
  events: readonly { customerId: number; day: string; type: string }[],
): Promise<NewPeriodRow[]> {
  if (events.length === 0) return [];
  const seen = new Map<string, { c: number; period: RollupPeriod; s: string; a: boolean }>();
  // A chunk's events fall on a few dozen days: their period starts are worked out once per day.
  const startsOfDay = new Map<string, string[]>();
  for (const e of events) {
    const active = ACTIVE_TYPES.has(e.type);
    let starts = startsOfDay.get(e.day);
    if (!starts) {
      starts = ROLLUP_PERIODS.map((period) => periodStart(e.day, period));
      startsOfDay.set(e.day, starts);
    }
    for (const [i, period] of ROLLUP_PERIODS.entries()) {
      const s = starts[i] as string;
      const key = `${e.customerId}|${period}|${s}`;
      const row = seen.get(key);
      if (row) row.a ||= active;
      else seen.set(key, { c: e.customerId, period, s, a: active });
    }
  }
  // A fixed order of upserts keeps concurrent batches from deadlocking on the same rows.
  const values = [...seen.values()].sort((x, y) => x.c - y.c || cmp(x.period, y.period) || cmp(x.s, y.s));
  // xmax = 0 only on a row version this statement inserted; an updated one carries this transaction's id.
  const changed = await rows<{ c: number | string; period: RollupPeriod; s: string; inserted: boolean }>(
    db,
    sql`
      insert into customer_period_activity as t (workspace_id, customer_id, period, start, active)
      select ${workspaceId}::uuid, x.c, x.period, x.s::date, x.a
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(c bigint, period text, s text, a boolean)
      on conflict (workspace_id, customer_id, period, start) do update set active = true
        where excluded.active and not t.active
      returning t.customer_id as c, t.period, t.start::text as s, t.xmax = 0 as inserted`,
  );
  return changed.map((r) => ({ c: Number(r.c), period: r.period, s: r.s, inserted: r.inserted }));
}

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
