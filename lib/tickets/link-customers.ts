import { sql } from "drizzle-orm";
import { applyTraitWrites, type TraitWrite } from "@/lib/customers/apply-traits";
import { blockedValueSet, isBlocked } from "@/lib/customers/blocked";
import { planIdentities } from "@/lib/customers/identity-plan";
import { identitySettings } from "@/lib/customers/identity-settings";
import { applyIdentityPlan, loadIdentityState, toPgArray } from "@/lib/customers/identity-store";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { WorkspaceSettings } from "@/lib/db/schema";
import type { NormalizedMessage } from "@/lib/ingest/message";

/** Who a ticket is from, as the payload says it. */
export type Requester = { userId: string | null; email: string | null; createdAt: Date };

/**
 * The customer each ticket belongs to (docs/tickets.md "Which customer a ticket lands on"), inside the caller's
 * transaction:
 * - a user id resolves exactly as the tracking API resolves it (the same identity plan, blocked values and
 *   merges), and an unknown one creates the customer the way ingest does;
 * - otherwise the email matches the customers whose `email` trait is that address, ignoring case; of several,
 *   the one with a user id wins, then the most recently seen, then the oldest profile;
 * - an unknown email creates an anonymous profile carrying that email trait and an `email` identity; the
 *   identity's unique key makes two batches that race on one new address land on one profile.
 * A customer created here for a ticket that also names an email gets the email trait, dated at the ticket's
 * creation (a later identify still wins). Returns null for a ticket whose ids are all blocked values.
 */
export async function linkTicketCustomers(
  tx: Db,
  workspaceId: string,
  settings: WorkspaceSettings | null,
  requesters: readonly Requester[],
  now: Date,
): Promise<(number | null)[]> {
  const blocked = blockedValueSet(identitySettings(settings).blockedIdentityValues);
  const usable = (value: string | null) => (value !== null && !isBlocked(value, blocked) ? value : null);
  const result: (number | null)[] = requesters.map(() => null);
  const byUser: number[] = [];
  const byEmail: number[] = [];
  requesters.forEach((r, i) => {
    if (usable(r.userId) !== null) byUser.push(i);
    else if (usable(r.email) !== null) byEmail.push(i);
  });
  const newlyCreated = new Set<number>();
  if (byUser.length > 0) {
    const messages = byUser.map((i) => identifyOnly(requesters[i]!.userId!, requesters[i]!.createdAt));
    const state = await loadIdentityState(tx, workspaceId, messages);
    const plan = planIdentities(messages, state, blocked, {
      maxUsersPerAnonymousId: identitySettings(settings).maxUsersPerAnonymousId,
    });
    const { resolve } = await applyIdentityPlan(tx, workspaceId, plan, now);
    const createdPlaceholders = new Set(plan.created.keys());
    plan.assignments.forEach((assigned, k) => {
      if (assigned === null) return;
      const customerId = resolve(assigned);
      result[byUser[k]!] = customerId;
      if (createdPlaceholders.has(assigned)) newlyCreated.add(customerId);
    });
  }
  if (byEmail.length > 0) {
    const emails = [...new Set(byEmail.map((i) => requesters[i]!.email!.toLowerCase()))];
    const found = await customersByEmail(tx, workspaceId, emails);
    const missing = emails.filter((e) => !found.has(e));
    const { owners, mine } = await createEmailCustomers(tx, workspaceId, missing, now);
    for (const [email, id] of owners) found.set(email, id);
    for (const id of mine) newlyCreated.add(id);
    for (const i of byEmail) result[i] = found.get(requesters[i]!.email!.toLowerCase()) ?? null;
  }
  // One write per new customer: the address as its first ticket spells it.
  const traitWrites = new Map<number, TraitWrite>();
  requesters.forEach((r, i) => {
    const customerId = result[i];
    const email = usable(r.email);
    if (customerId == null || email === null || !newlyCreated.has(customerId) || traitWrites.has(customerId)) return;
    traitWrites.set(customerId, { customerId, traits: { email }, at: r.createdAt, timeZone: null });
  });
  await applyTraitWrites(tx, workspaceId, [...traitWrites.values()]);
  return result;
}

/** The identity plan reads messages; a ticket's requester is one carrying nothing but the user id. */
function identifyOnly(userId: string, at: Date): NormalizedMessage {
  return {
    type: "identify",
    messageId: "",
    userId,
    anonymousId: null,
    previousId: null,
    groupId: null,
    name: null,
    properties: {},
    traits: {},
    context: null,
    timestamp: at,
  };
}

/** lower(email) → the customer a ticket from that address lands on (the rule above), for known addresses. */
async function customersByEmail(db: Db, workspaceId: string, emails: readonly string[]) {
  const found = await rows<{ email: string; id: number | string }>(
    db,
    sql`
      select distinct on (lower(c.email)) lower(c.email) as email, c.id
      from customers c
      where c.workspace_id = ${workspaceId} and lower(c.email) = any(${toPgArray(emails)}::text[])
        and c.merged_into is null
      order by lower(c.email), (c.external_id is null), c.last_seen_at desc nulls last, c.id
    `,
  );
  const byEmail = new Map<string, number>();
  for (const row of found) byEmail.set(row.email, Number(row.id));
  // Profiles made for a ticket by email before their email trait was written (same transaction) carry the
  // identity only; and an address another batch is creating right now is settled by the identity's key.
  const left = emails.filter((e) => !byEmail.has(e));
  if (left.length > 0) {
    const mapped = await rows<{ value: string; id: number | string }>(
      db,
      sql`
        select i.value, coalesce(c.merged_into, c.id) as id
        from customer_identities i
        join customers c on c.workspace_id = i.workspace_id and c.id = i.customer_id
        where i.workspace_id = ${workspaceId} and i.kind = 'email' and i.value = any(${toPgArray(left)}::text[])
      `,
    );
    for (const row of mapped) byEmail.set(row.value, Number(row.id));
  }
  return byEmail;
}

/**
 * New anonymous profiles for unknown addresses, each claimed through its `email` identity. Returns the
 * profile of every address (`owners`) and which of them this call created (`mine`).
 */
async function createEmailCustomers(db: Db, workspaceId: string, emails: readonly string[], now: Date) {
  const owners = new Map<string, number>();
  const created = new Set<number>();
  if (emails.length === 0) return { owners, mine: created };
  const stamp = now.toISOString();
  const sorted = [...emails].sort();
  const inserted = await rows<{ id: number | string }>(
    db,
    sql`
      insert into customers (workspace_id, created_at, updated_at)
      select ${workspaceId}::uuid, ${stamp}::timestamptz, ${stamp}::timestamptz
      from generate_series(1, ${sorted.length}::int)
      returning id
    `,
  );
  const mine = sorted.map((email, i) => ({ value: email, customer_id: Number(inserted[i]!.id) }));
  await db.execute(sql`
    insert into customer_identities (workspace_id, kind, value, customer_id, created_at)
    select ${workspaceId}::uuid, 'email', x.value, x.customer_id, ${stamp}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(mine)}::jsonb) as x(value text, customer_id bigint)
    order by x.value
    on conflict (workspace_id, kind, value) do nothing
  `);
  const claimed = await rows<{ value: string; customer_id: number | string }>(
    db,
    sql`select value, customer_id from customer_identities
        where workspace_id = ${workspaceId} and kind = 'email' and value = any(${toPgArray(sorted)}::text[])`,
  );
  const ownerOf = new Map(claimed.map((o) => [o.value, Number(o.customer_id)]));
  const lost: number[] = [];
  for (const m of mine) {
    const owner = ownerOf.get(m.value) ?? m.customer_id;
    owners.set(m.value, owner);
    if (owner === m.customer_id) created.add(owner);
    else lost.push(m.customer_id);
  }
  // Another batch created the address's profile first: this batch's spare profiles go.
  if (lost.length > 0) {
    await db.execute(
      sql`delete from customers where workspace_id = ${workspaceId} and id = any(${`{${lost.join(",")}}`}::bigint[])`,
    );
  }
  return { owners, mine: created };
}
