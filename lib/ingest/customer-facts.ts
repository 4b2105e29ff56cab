import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import { StaleCustomerError } from "./retry";
import type { StoredEvent } from "./write-events";

type Facts = {
  c: number;
  first: string;
  last: string;
  lastActive: string | null;
  n: number;
  o: number;
  r: number;
  lastOrder: string | null;
};

/**
 * Adds newly stored events to their customers' facts (first and last seen, last active, event and order
 * counts, revenue, last order) in one UPDATE, which is also the batch's lock on those customers: it is the
 * first statement to write them and walks them in id order, so two batches sharing customers queue instead of
 * deadlocking, whatever order later statements use. (A separate SELECT … FOR UPDATE wrote every row twice.)
 * Customers whose history is recomputed later in the transaction (merges, repeated orders) get their facts
 * overwritten by that recomputation; they are locked here all the same.
 *
 * A customer merged away or dropped by a concurrent batch since this one resolved identities makes the whole
 * batch replay (StaleCustomerError): its events were filed under a profile that no longer counts.
 */
export async function addCustomerFactsLocking(db: Db, workspaceId: string, events: readonly StoredEvent[]) {
  if (events.length === 0) return;
  const byCustomer = new Map<number, Facts>();
  for (const e of events) {
    const t = e.timestamp.toISOString();
    let f = byCustomer.get(e.customerId);
    if (!f) {
      f = { c: e.customerId, first: t, last: t, lastActive: null, n: 0, o: 0, r: 0, lastOrder: null };
      byCustomer.set(e.customerId, f);
    }
    if (t < f.first) f.first = t;
    if (t > f.last) f.last = t;
    if (ACTIVE_TYPES.has(e.type) && (f.lastActive === null || t > f.lastActive)) f.lastActive = t;
    f.n += 1;
    if (e.orderKey !== null) {
      f.o += 1;
      f.r += e.amount ?? 0;
      if (f.lastOrder === null || t > f.lastOrder) f.lastOrder = t;
    }
  }
  const values = [...byCustomer.values()].sort((x, y) => x.c - y.c);
  // The sorted subquery drives a nested loop over the primary key (a set-returning function is estimated at
  // 100 rows), so rows are locked in id order.
  const [updated] = await rows<{ live: number }>(
    db,
    sql`
      with updated as (
        update customers c set
          first_seen_at = least(c.first_seen_at, x.first),
          last_seen_at = greatest(c.last_seen_at, x.last),
          last_active_at = greatest(c.last_active_at, x."lastActive"),
          event_count = c.event_count + x.n,
          order_count = c.order_count + x.o,
          lifetime_revenue = c.lifetime_revenue + x.r,
          last_order_at = greatest(c.last_order_at, x."lastOrder")
        from (
          select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
            as v(c bigint, first timestamptz, last timestamptz, "lastActive" timestamptz, n int, o int, r numeric,
                 "lastOrder" timestamptz)
          order by v.c
        ) x
        where c.workspace_id = ${workspaceId} and c.id = x.c
        returning c.merged_into
      )
      select count(*)::int as live from updated where merged_into is null`,
  );
  if (Number(updated?.live ?? 0) !== values.length) throw new StaleCustomerError("a profile events were stored on");
}
