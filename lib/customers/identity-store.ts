import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { NormalizedMessage } from "@/lib/ingest/message";
import type { IdentityPlan, IdentityState } from "./identity-plan";
import { mergeTimedTraits } from "./traits";

/** Loads what the database knows about every identifier a batch mentions, in two queries. */
export async function loadIdentityState(
  db: Db,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
): Promise<IdentityState> {
  const values = new Set<string>();
  for (const m of messages) {
    if (m.userId) values.add(m.userId);
    if (m.anonymousId) values.add(m.anonymousId);
    if (m.previousId) values.add(m.previousId);
  }
  const state: IdentityState = { users: new Map(), anonymous: new Map(), customers: new Map() };
  if (values.size === 0) return state;
  const found = await rows<{ kind: string; value: string; customer_id: number; external_id: string | null }>(
    db,
    sql`
      select i.kind, i.value, coalesce(c.merged_into, c.id) as customer_id,
             coalesce(survivor.external_id, c.external_id) as external_id
      from customer_identities i
      join customers c on c.workspace_id = i.workspace_id and c.id = i.customer_id
      left join customers survivor on survivor.workspace_id = c.workspace_id and survivor.id = c.merged_into
      where i.workspace_id = ${workspaceId}
        and i.kind in ('user_id', 'anonymous_id')
        and i.value = any(${toPgArray([...values])}::text[])
    `,
  );
  for (const row of found) {
    const customerId = Number(row.customer_id);
    (row.kind === "user_id" ? state.users : state.anonymous).set(row.value, customerId);
    state.customers.set(customerId, { id: customerId, externalId: row.external_id });
  }
  return state;
}

/**
 * Writes a plan: inserts new customers, claims anonymous profiles, inserts identifier mappings, and folds
 * merged profiles into their survivors (events, identities and tickets move; the loser keeps a pointer).
 * Returns the real customer id for every placeholder and the survivors whose history changed.
 */
export async function applyIdentityPlan(db: Db, workspaceId: string, plan: IdentityPlan, now: Date) {
  const real = new Map<number, number>();
  const toCreate = [...plan.created].filter(([placeholder]) => !plan.merges.has(placeholder));
  if (toCreate.length > 0) {
    const inserted = await rows<{ id: number; ord: number }>(
      db,
      sql`
        insert into customers (workspace_id, external_id, created_at, updated_at)
        select ${workspaceId}::uuid, x.external_id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(toCreate.map(([, c], ord) => ({ external_id: c.externalId, ord })))}::jsonb)
          as x(external_id text, ord int)
        order by x.ord
        returning id
      `,
    );
    // RETURNING follows the insert order of the ordered SELECT in PostgreSQL.
    inserted.forEach((row, i) => real.set(toCreate[i]![0], Number(row.id)));
  }
  const resolve = (id: number): number => {
    const survivor = plan.merges.get(id) ?? id;
    return survivor < 0 ? real.get(survivor)! : survivor;
  };

  for (const [customerId, externalId] of plan.claimed) {
    if (plan.merges.has(customerId)) continue;
    await db.execute(sql`
      update customers set external_id = ${externalId}, updated_at = ${now.toISOString()}::timestamptz
      where workspace_id = ${workspaceId} and id = ${customerId} and external_id is null
    `);
  }

  if (plan.newIdentities.length > 0) {
    const mappings = plan.newIdentities.map((i) => ({
      kind: i.kind,
      value: i.value,
      customer_id: resolve(i.customerId),
    }));
    await db.execute(sql`
      insert into customer_identities (workspace_id, kind, value, customer_id, created_at)
      select ${workspaceId}::uuid, x.kind, x.value, x.customer_id, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(mappings)}::jsonb) as x(kind text, value text, customer_id bigint)
      on conflict (workspace_id, kind, value) do nothing
    `);
  }

  const mergedSurvivors = new Set<number>();
  for (const [loser, winner] of plan.merges) {
    if (loser < 0) continue;
    const survivor = resolve(winner);
    mergedSurvivors.add(survivor);
    await mergeCustomer(db, workspaceId, loser, survivor);
  }
  return { resolve, mergedSurvivors };
}

/** Folds `loser` into `survivor`: its history, identifiers and tickets move; traits merge by write time. */
async function mergeCustomer(db: Db, workspaceId: string, loser: number, survivor: number) {
  await db.execute(
    sql`update events set customer_id = ${survivor} where workspace_id = ${workspaceId} and customer_id = ${loser}`,
  );
  await db.execute(sql`
    update customer_identities set customer_id = ${survivor}
    where workspace_id = ${workspaceId} and customer_id = ${loser}
  `);
  await db.execute(
    sql`update tickets set customer_id = ${survivor} where workspace_id = ${workspaceId} and customer_id = ${loser}`,
  );
  await db.execute(
    sql`delete from customer_daily_activity where workspace_id = ${workspaceId} and customer_id = ${loser}`,
  );
  const profiles = await rows<{
    id: number;
    traits: Record<string, unknown>;
    trait_timestamps: Record<string, string>;
  }>(
    db,
    sql`select id, traits, trait_timestamps from customers where workspace_id = ${workspaceId} and id in (${loser}, ${survivor})`,
  );
  const of = (id: number) => {
    const p = profiles.find((r) => Number(r.id) === id);
    return { traits: p?.traits ?? {}, timestamps: p?.trait_timestamps ?? {} };
  };
  const merged = mergeTimedTraits(of(survivor), of(loser));
  await db.execute(sql`
    update customers s
    set traits = ${JSON.stringify(merged.traits)}::jsonb,
        trait_timestamps = ${JSON.stringify(merged.timestamps)}::jsonb,
        email = coalesce(s.email, l.email),
        phone = coalesce(s.phone, l.phone),
        time_zone = coalesce(s.time_zone, l.time_zone)
    from customers l
    where s.workspace_id = ${workspaceId} and s.id = ${survivor} and l.workspace_id = s.workspace_id and l.id = ${loser}
  `);
  await db.execute(sql`
    update customers set merged_into = ${survivor}, event_count = 0, order_count = 0, lifetime_revenue = 0,
      first_seen_at = null, last_seen_at = null, last_order_at = null, mrr = null, plan = null
    where workspace_id = ${workspaceId} and id = ${loser}
  `);
  // Profiles that were merged into the loser earlier now point at the survivor directly.
  await db.execute(
    sql`update customers set merged_into = ${survivor} where workspace_id = ${workspaceId} and merged_into = ${loser}`,
  );
}

/** A PostgreSQL array literal bound as one parameter; values are quoted and escaped, never spliced into SQL. */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
