import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import type { StoredEvent } from "@/lib/ingest/write-events";
import { bigintList } from "@/lib/metrics/rollups/period-activity-sql";
import type { FactChanges } from "./index";

/*
 * customer_event_facts (lib/db/schema/kpi-facts.ts): per customer and event name, over events of type track,
 * page or screen that have a name, the first and latest time and how many. "Active" events are exactly these
 * types (METRICS.md conventions), and the named-event cohorts and engagement KPIs read them.
 */

/**
 * Keeps the facts current for one ingest transaction. New events of customers whose history did not otherwise
 * change are added to their rows (earliest first, latest last, counts summed: events are de-duplicated by
 * message id before they are stored, so every stored event is new). Customers a merge changed are recomputed
 * from their events; customers merged away lose their rows (their events now carry the survivor's id).
 */
export async function updateEventFacts(db: Db, workspaceId: string, changes: FactChanges) {
  if (changes.mergedAway.length > 0) await deleteFacts(db, workspaceId, changes.mergedAway);
  if (changes.rebuild.length > 0) await rebuildEventFacts(db, workspaceId, changes.rebuild);
  const recomputed = new Set([...changes.rebuild, ...changes.mergedAway]);
  await addEventFacts(
    db,
    workspaceId,
    changes.stored.filter((e) => !recomputed.has(e.customerId)),
  );
}

/**
 * Recomputes the facts from events: the whole workspace in one set-based statement, or only `customerIds`
 * (their rows are replaced, so a customer with no named events left has none).
 */
export async function rebuildEventFacts(db: Db, workspaceId: string, customerIds?: readonly number[]) {
  if (customerIds !== undefined && customerIds.length === 0) return;
  const onlyCustomers = customerFilter(customerIds);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from customer_event_facts where workspace_id = ${workspaceId} ${onlyCustomers}`);
    await tx.execute(sql`
      insert into customer_event_facts (workspace_id, customer_id, name, first_at, last_at, events)
      select workspace_id, customer_id, name, min(timestamp), max(timestamp), count(*)::int
      from events
      where workspace_id = ${workspaceId} ${onlyCustomers}
        and type in ('track', 'page', 'screen') and name is not null
      group by workspace_id, customer_id, name
    `);
  });
}

type FactDelta = { c: number; n: string; first: string; last: string; events: number };

async function addEventFacts(db: Db, workspaceId: string, stored: readonly StoredEvent[]) {
  const byKey = new Map<string, FactDelta>();
  for (const e of stored) {
    if (e.name === null || !ACTIVE_TYPES.has(e.type)) continue;
    const at = e.timestamp.toISOString();
    const key = JSON.stringify([e.customerId, e.name]);
    const fact = byKey.get(key);
    if (!fact) {
      byKey.set(key, { c: e.customerId, n: e.name, first: at, last: at, events: 1 });
      continue;
    }
    if (at < fact.first) fact.first = at;
    if (at > fact.last) fact.last = at;
    fact.events += 1;
  }
  if (byKey.size === 0) return;
  // A fixed (customer, name) order of upserts keeps concurrent ingest batches from deadlocking on the same rows.
  // Names are compared by code unit here and the rows are inserted in this order (ordinality), not re-sorted by
  // the database's collation.
  const values = [...byKey.values()].sort((x, y) => x.c - y.c || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0));
  await db.execute(sql`
    insert into customer_event_facts as t (workspace_id, customer_id, name, first_at, last_at, events)
    select ${workspaceId}::uuid, x.c, x.n, x.first, x.last, x.events
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as x(c bigint, n text, first timestamptz, last timestamptz, events int)
    on conflict (workspace_id, customer_id, name) do update set
      first_at = least(t.first_at, excluded.first_at),
      last_at = greatest(t.last_at, excluded.last_at),
      events = t.events + excluded.events
  `);
}

async function deleteFacts(db: Db, workspaceId: string, customerIds: readonly number[]) {
  await db.execute(
    sql`delete from customer_event_facts where workspace_id = ${workspaceId} ${customerFilter(customerIds)}`,
  );
}

function customerFilter(customerIds: readonly number[] | undefined): SQL {
  if (customerIds === undefined) return sql``;
  return sql`and customer_id = any(${bigintList([...customerIds].sort((a, b) => a - b))}::bigint[])`;
}
