import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { periodStart } from "../periods";
import { applyCellDeltas } from "./apply";
import { addContributions, type PeriodActivity, ROLLUP_PERIODS, type RollupPeriod } from "./contributions";
import { rebuildEventPeriods } from "./event-periods";
import { bigintList, periodActivitySelect } from "./period-activity-sql";
import { rebuildPeriodRollups } from "./rebuild";

type PeriodRow = { customer_id: number | string; period: RollupPeriod; start: string; active: boolean };

/** Period rows that newly stored events add or turn active, from newPeriodRows. */
export type NewPeriodRow = { c: number; period: RollupPeriod; s: string; a: boolean };

/**
 * Brings the period activity of some customers up to date and moves the cohort and lifecycle counts by the
 * difference between what each customer contributed before and after:
 * - `added`: rows newly stored events open or turn active (newPeriodRows) — upserted as they are;
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
  const before = await rows<PeriodRow>(
    db,
    sql`select customer_id, period, start::text as start, active from customer_period_activity
        where workspace_id = ${workspaceId} and customer_id = any(${bigintList(ids)}::bigint[])`,
  );
  const old = byCustomerAndPeriod(before);
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
  const upserts = added
    .filter((r) => !fresh.has(r.c))
    .sort((x, y) => x.c - y.c || cmp(x.period, y.period) || cmp(x.s, y.s));
  for (const id of ids) {
    if (fresh.has(id)) continue;
    for (const period of ROLLUP_PERIODS) {
      const key = `${id}|${period}`;
      if (old.has(key))
        now.set(
          key,
          (old.get(key) ?? []).map((p) => ({ ...p })),
        );
    }
  }
  for (const r of upserts) {
    const key = `${r.c}|${r.period}`;
    const list = now.get(key) ?? [];
    const found = list.find((p) => p.start === r.s);
    if (found) found.active ||= r.a;
    else list.push({ start: r.s, active: r.a });
    now.set(key, list);
  }
  if (upserts.length > 0) {
    await db.execute(sql`
      insert into customer_period_activity as t (workspace_id, customer_id, period, start, active)
      select ${workspaceId}::uuid, x.c, x.period, x.s::date, x.a
      from jsonb_to_recordset(${JSON.stringify(upserts)}::jsonb) as x(c bigint, period text, s text, a boolean)
      on conflict (workspace_id, customer_id, period, start) do update set active = t.active or excluded.active
    `);
  }
  for (const period of ROLLUP_PERIODS) {
    const delta = new Map<string, number>();
    for (const id of ids) {
      const key = `${id}|${period}`;
      addContributions(delta, old.get(key) ?? [], period, -1);
      addContributions(delta, now.get(key) ?? [], period, 1);
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

/**
 * The period rows newly stored events open, or turn active. Everyone else (most events land in a week the
 * customer was already active in) costs one lookup and no refresh.
 */
export async function newPeriodRows(
  db: Db,
  workspaceId: string,
  events: readonly { customerId: number; day: string; type: string }[],
): Promise<NewPeriodRow[]> {
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
  const changed = await rows<{ c: number | string; period: RollupPeriod; s: string; a: boolean }>(
    db,
    sql`
      select x.c, x.period, x.s, x.a
      from jsonb_to_recordset(${JSON.stringify([...seen.values()])}::jsonb) as x(c bigint, period text, s text, a boolean)
      left join lateral (
        select t.active from customer_period_activity t
        where t.workspace_id = ${workspaceId} and t.customer_id = x.c and t.period = x.period and t.start = x.s::date
        limit 1
      ) t on true
      where t.active is null or (x.a and not t.active)`,
  );
  return changed.map((r) => ({ c: Number(r.c), period: r.period, s: r.s, a: r.a }));
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
