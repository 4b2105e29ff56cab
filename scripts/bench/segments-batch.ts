import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { RawItem } from "@/lib/ingest/ingest";
import type { Random } from "@/lib/seed/random";

/** An event as the bench database holds it, to be sent again as a new message. */
type SampledEvent = { type: string; name: string | null; properties: Record<string, unknown> };
type BenchCustomer = { id: number; userId: string };

/**
 * The live event mix of the bench workspace: a block sample of its events of the last 30 days (names,
 * types and properties as the demo generated them), so a bench batch reads the segments' event names as
 * often as real traffic does. Block sampling reads about 2 % of the table's pages instead of all of them.
 */
export async function sampleEventMix(db: Db, workspaceId: string, now: Date): Promise<SampledEvent[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const found = await rows<SampledEvent>(
    db,
    sql`select e.type, e.name, e.properties from events e tablesample system (2) repeatable (7)
      where e.workspace_id = ${workspaceId} and e.timestamp >= ${since}::timestamptz
        and e.type in ('track', 'page', 'screen', 'identify')
      limit 5000`,
  );
  if (found.length === 0) throw new Error("the bench workspace has no events in the last 30 days to sample");
  return found;
}

/** `count` distinct existing customers with a user id, at random. */
export async function randomCustomers(db: Db, workspaceId: string, count: number): Promise<BenchCustomer[]> {
  const found = await rows<{ id: number; external_id: string }>(
    db,
    sql`select c.id, c.external_id from customers c
      where c.workspace_id = ${workspaceId} and c.merged_into is null and c.external_id is not null
      order by random() limit ${count}`,
  );
  return found.map((r) => ({ id: Number(r.id), userId: r.external_id }));
}

/**
 * `size` messages like the live stream: events drawn from the sampled mix, each for one of `customers` at
 * random, stamped within the last 6 hours. Orders get a fresh order id (a repeated one would make ingest
 * rebuild that customer's history, which is the merge path, not the common one).
 */
export function makeRealisticBatch(
  random: Random,
  mix: readonly SampledEvent[],
  customers: readonly BenchCustomer[],
  options: { size: number; runId: string; now: Date },
): RawItem[] {
  return Array.from({ length: options.size }, (_, i) => {
    const event = mix[random.int(0, mix.length - 1)] as SampledEvent;
    const customer = customers[random.int(0, customers.length - 1)] as BenchCustomer;
    const base = {
      type: event.type,
      messageId: `${options.runId}-${i}`,
      userId: customer.userId,
      timestamp: new Date(options.now.getTime() - random.int(0, 6 * 3_600_000)).toISOString(),
    };
    if (event.type === "identify") return { raw: { ...base, traits: event.properties } };
    const properties =
      "order_id" in event.properties ? { ...event.properties, order_id: `${options.runId}-o${i}` } : event.properties;
    const named = event.type === "track" ? { event: event.name } : { name: event.name };
    return { raw: { ...base, ...named, properties } };
  });
}
