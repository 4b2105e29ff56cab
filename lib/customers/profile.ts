import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export type CustomerIdentity = { kind: string; value: string; since: Date };

export type CustomerProfile = {
  id: number;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  /** The `name` trait, when it is a string. */
  name: string | null;
  timeZone: string | null;
  traits: Record<string, unknown>;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  eventCount: number;
  orderCount: number;
  lifetimeRevenue: number;
  lastOrderAt: Date | null;
  mrr: number | null;
  plan: string | null;
  createdAt: Date;
  /** Set only when this profile was merged into one that no longer exists (see findCustomerProfile). */
  mergedInto: number | null;
  identities: CustomerIdentity[];
};

export type ProfileLookup =
  | { status: "found"; profile: CustomerProfile }
  /** The id was merged into another profile: show that one instead. */
  | { status: "merged"; intoId: number }
  | { status: "missing" };

/** Merges can chain (a into b, later b into c); following at most this many links also stops a cycle. */
const MAX_MERGE_HOPS = 20;

/**
 * A customer's profile in one workspace: the stored facts (kept current by ingest, see refreshCustomerFacts),
 * traits and identities. An id from another workspace is "missing", exactly like an unknown one. A merged id
 * resolves to the end of its merge chain; if that chain is broken (the target was deleted), the merged profile
 * itself is shown rather than nothing.
 */
export async function findCustomerProfile(db: Db, workspaceId: string, id: number): Promise<ProfileLookup> {
  const chain = await rows<{ id: number | string; merged_into: number | string | null }>(
    db,
    sql`
      with recursive chain(id, merged_into, hops) as (
        select c.id, c.merged_into, 0 from customers c where c.workspace_id = ${workspaceId} and c.id = ${id}
        union all
        select c.id, c.merged_into, chain.hops + 1
        from chain join customers c on c.workspace_id = ${workspaceId} and c.id = chain.merged_into
        where chain.hops < ${MAX_MERGE_HOPS}
      )
      select id, merged_into from chain order by hops desc limit 1
    `,
  );
  const end = chain[0];
  if (!end) return { status: "missing" };
  if (end.merged_into === null && Number(end.id) !== id) return { status: "merged", intoId: Number(end.id) };
  const profile = await loadProfile(db, workspaceId, id);
  return profile ? { status: "found", profile } : { status: "missing" };
}

type ProfileRow = {
  id: number | string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string | null;
  traits: Record<string, unknown>;
  first_seen_at: string | Date | null;
  last_seen_at: string | Date | null;
  event_count: number;
  order_count: number;
  lifetime_revenue: string;
  last_order_at: string | Date | null;
  mrr: string | null;
  plan: string | null;
  created_at: string | Date;
  merged_into: number | string | null;
};

async function loadProfile(db: Db, workspaceId: string, id: number): Promise<CustomerProfile | null> {
  const [[row], identities] = await Promise.all([
    rows<ProfileRow>(
      db,
      sql`
        select c.id, c.external_id, c.email, c.phone, c.time_zone, c.traits, c.first_seen_at, c.last_seen_at,
               c.event_count, c.order_count, c.lifetime_revenue::text as lifetime_revenue, c.last_order_at,
               c.mrr::text as mrr, c.plan, c.created_at, c.merged_into
        from customers c where c.workspace_id = ${workspaceId} and c.id = ${id}
      `,
    ),
    rows<{ kind: string; value: string; created_at: string | Date }>(
      db,
      sql`
        select i.kind, i.value, i.created_at from customer_identities i
        where i.workspace_id = ${workspaceId} and i.customer_id = ${id}
        order by i.created_at, i.kind, i.value
      `,
    ),
  ]);
  if (!row) return null;
  const name = row.traits.name;
  return {
    id: Number(row.id),
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    name: typeof name === "string" ? name : null,
    timeZone: row.time_zone,
    traits: row.traits,
    firstSeenAt: toDate(row.first_seen_at),
    lastSeenAt: toDate(row.last_seen_at),
    eventCount: Number(row.event_count),
    orderCount: Number(row.order_count),
    lifetimeRevenue: Number(row.lifetime_revenue),
    lastOrderAt: toDate(row.last_order_at),
    mrr: row.mrr === null ? null : Number(row.mrr),
    plan: row.plan,
    createdAt: new Date(row.created_at),
    mergedInto: row.merged_into === null ? null : Number(row.merged_into),
    identities: identities.map((i) => ({ kind: i.kind, value: i.value, since: new Date(i.created_at) })),
  };
}

function toDate(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}
