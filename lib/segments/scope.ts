import { type SQL, sql } from "drizzle-orm";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import type { MetricSettings } from "@/lib/metrics/settings";
import type { BatchEvent } from "./context";
import { ANY_EVENT } from "./rule-schema";
import type { Clock, DayRange } from "./time-window";

/**
 * What every condition compiler reads: the workspace, its metric settings and the clock; and `only`, which
 * every subquery applies to its customer column (`and <column> = any(ids)`, or nothing): ingest re-evaluates
 * a segment for the few customers a batch touched, and each subquery must read their rows, not everyone's.
 * `perCustomer` is set in that case: event conditions then probe each customer's own rows (the per-customer
 * indexes) instead of collecting the matching set (see event-source.ts customersWith).
 */
export type Scope = {
  workspaceId: string;
  settings: MetricSettings;
  clock: Clock;
  only: (customerColumn: SQL) => SQL;
  perCustomer: boolean;
  /** Customers with an event just stored (SegmentCompileContext.batchActivity) of this name within `days`. */
  knownPerformers: (event: string, days: DayRange) => number[];
};

/** `only` for a scope: no restriction, or the given customer ids as one bound array parameter. */
export function onlyCustomersIn(ids: readonly number[] | undefined): (customerColumn: SQL) => SQL {
  if (ids === undefined) return () => sql``;
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`customer id must be an integer, got ${id}`);
  const list = `{${ids.join(",")}}`;
  return (column) => sql`and ${column} = any(${list}::bigint[])`;
}

/** knownPerformers for a scope: from the batch's track/page/screen events, matched by name as events are. */
export function knownPerformersIn(batch: readonly BatchEvent[] | undefined): Scope["knownPerformers"] {
  if (!batch || batch.length === 0) return () => [];
  return (event, days) => {
    const ids = new Set<number>();
    for (const e of batch) {
      if (!ACTIVE_TYPES.has(e.type) || (event !== ANY_EVENT && e.name !== event)) continue;
      if ((days.from === null || e.day >= days.from) && (days.to === null || e.day <= days.to)) ids.add(e.customerId);
    }
    return [...ids].sort((a, b) => a - b);
  };
}
