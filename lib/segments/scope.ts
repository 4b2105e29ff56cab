import { type SQL, sql } from "drizzle-orm";
import type { MetricSettings } from "@/lib/metrics/settings";
import type { Clock } from "./time-window";

/**
 * What every condition compiler reads: the workspace, its metric settings and the clock; and `only`, which
 * every subquery applies to its customer column (`and <column> = any(ids)`, or nothing): ingest re-evaluates
 * a segment for the few customers a batch touched, and each subquery must read their rows, not everyone's.
 */
export type Scope = {
  workspaceId: string;
  settings: MetricSettings;
  clock: Clock;
  only: (customerColumn: SQL) => SQL;
};

/** `only` for a scope: no restriction, or the given customer ids as one bound array parameter. */
export function onlyCustomersIn(ids: readonly number[] | undefined): (customerColumn: SQL) => SQL {
  if (ids === undefined) return () => sql``;
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`customer id must be an integer, got ${id}`);
  const list = `{${ids.join(",")}}`;
  return (column) => sql`and ${column} = any(${list}::bigint[])`;
}
