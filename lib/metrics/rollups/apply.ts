import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { parseCellKey, type RollupPeriod } from "./contributions";

/**
 * Adds count changes to retention_cells and lifecycle_counts. Keys go in sorted order so that two writers
 * touching the same cells (this week's are shared by everyone active this week) lock them in the same
 * order and wait for each other instead of deadlocking.
 */
export async function applyCellDeltas(
  db: Db,
  workspaceId: string,
  period: RollupPeriod,
  delta: ReadonlyMap<string, number>,
) {
  const retention: { mode: string; measure: string; cohort: string; p: string; n: number }[] = [];
  const lifecycle: { status: string; p: string; n: number }[] = [];
  for (const key of [...delta.keys()].sort()) {
    const n = delta.get(key) ?? 0;
    if (n === 0) continue;
    const cell = parseCellKey(key);
    if (cell.table === "retention")
      retention.push({ mode: cell.mode, measure: cell.measure, cohort: cell.cohort, p: cell.p, n });
    else lifecycle.push({ status: cell.status, p: cell.p, n });
  }
  for (let i = 0; i < retention.length; i += CHUNK) {
    await db.execute(sql`
      insert into retention_cells as t (workspace_id, period, mode, measure, cohort, p, customers)
      select ${workspaceId}::uuid, ${period}, x.mode, x.measure, x.cohort::date, x.p::date, x.n
      from jsonb_to_recordset(${JSON.stringify(retention.slice(i, i + CHUNK))}::jsonb)
        as x(mode text, measure text, cohort text, p text, n int)
      on conflict (workspace_id, period, mode, measure, cohort, p)
      do update set customers = t.customers + excluded.customers
    `);
  }
  for (let i = 0; i < lifecycle.length; i += CHUNK) {
    await db.execute(sql`
      insert into lifecycle_counts as t (workspace_id, period, p, status, customers)
      select ${workspaceId}::uuid, ${period}, x.p::date, x.status, x.n
      from jsonb_to_recordset(${JSON.stringify(lifecycle.slice(i, i + CHUNK))}::jsonb) as x(status text, p text, n int)
      on conflict (workspace_id, period, p, status)
      do update set customers = t.customers + excluded.customers
    `);
  }
}

const CHUNK = 5_000;
