import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { NormalizedMessage } from "@/lib/ingest/message";
import { StaleCustomerError } from "@/lib/ingest/retry";
import type { IdentityPlan, IdentityState } from "./identity-plan";
import { mergeTimedTraits, type TimedTraits } from "./traits";

/**
 * Loads what the database knows about every identifier a batch mentions, in one query; with `countUsers`
 * (a per-identifier limit above 1) a second one counts the user ids each of those profiles carries.
 */
export async function loadIdentityState(
  db: Db,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
  options: { countUsers?: boolean } = {},
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
  if (options.countUsers && state.customers.size > 0) {
    const counts = await rows<{ customer_id: number; users: number }>(
      db,
      sql`select customer_id, count(*)::int as users from customer_identities
          where workspace_id = ${workspaceId} and kind = 'user_id'
            and customer_id = any(${`{${[...state.customers.keys()].join(",")}}`}::bigint[])
          group by customer_id`,
    );
    for (const c of state.customers.values()) c.userCount = 0;
    for (const row of counts) {
      const known = state.customers.get(Number(row.customer_id));
      if (known) known.userCount = row.users;
    }
  }
  return state;
}

/**
 * Writes a plan: inserts new customers, claims anonymous profiles, inserts identifier mappings, and folds
 * merged profiles into their survivors (events, identities and tickets move; the loser keeps a pointer).
 * Concurrent batches may create the same user or anonymous id at the same moment: inserts skip conflicts
 * and the ids that won are read back, so every event lands on the one profile its identifier names.
 * Returns the real customer id for every planned id and the survivors whose history changed.
 */
export async function applyIdentityPlan(db: Db, workspaceId: string, plan: IdentityPlan, now: Date) {
  const real = await insertNewCustomers(db, workspaceId, plan, now);
  const redirect = new Map<number, number>();
  const resolve = (id: number): number => {
    const survivor = plan.merges.get(id) ?? id;
    const actual = survivor < 0 ? real.get(survivor)! : survivor;
    return redirect.get(actual) ?? actual;
  };

  const claims = [...plan.claimed].filter(([id]) => !plan.merges.has(id)).map(([id, e]) => ({ id, e }));
  if (claims.length > 0) {
    await db.execute(sql`
      update customers c set external_id = x.e, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) as x(id bigint, e text)
      where c.workspace_id = ${workspaceId} and c.id = x.id and c.external_id is null
    `);
  }

  if (plan.newIdentities.length > 0) {
    const mappings = plan.newIdentities.map((i) => ({
      kind: i.kind,
      value: i.value,
      customer_id: resolve(i.customerId),
    }));
    const json = JSON.stringify(mappings);
    await db.execute(sql`
      insert into customer_identities (workspace_id, kind, value, customer_id, created_at)
      select ${workspaceId}::uuid, x.kind, x.value, x.customer_id, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as x(kind text, value text, customer_id bigint)
      order by x.kind, x.value
      on conflict (workspace_id, kind, value) do nothing
    `);
    // An anonymous id another batch mapped first wins: this batch's new profile for it is dropped.
    const lost = await rows<{ intended: number; actual: number }>(
      db,
      sql`
        select x.customer_id as intended, i.customer_id as actual
        from jsonb_to_recordset(${json}::jsonb) as x(kind text, value text, customer_id bigint)
        join customer_identities i on i.workspace_id = ${workspaceId} and i.kind = x.kind and i.value = x.value
        where i.customer_id <> x.customer_id
      `,
    );
    // Only a profile created here for nothing but that anonymous id is redundant; one that also carries a
    // user id keeps its own identity, and the anonymous id stays with whoever mapped it first.
    const createdAnonymous = new Set(
      [...plan.created].filter(([id, c]) => c.externalId === null && !plan.merges.has(id)).map(([id]) => real.get(id)),
    );
    for (const { intended, actual } of lost) {
      if (createdAnonymous.has(Number(intended))) redirect.set(Number(intended), Number(actual));
    }
    if (redirect.size > 0) {
      await db.execute(sql`
        delete from customers where workspace_id = ${workspaceId}
          and id = any(${`{${[...redirect.keys()].join(",")}}`}::bigint[])
      `);
    }
  }

  const merges = [...plan.merges]
    .filter(([loser]) => loser >= 0)
    .map(([loser, winner]) => ({ loser, survivor: resolve(winner) }))
    .filter((m) => m.loser !== m.survivor);
  await mergeCustomers(db, workspaceId, merges);
  return {
    resolve,
    mergedSurvivors: new Set(merges.map((m) => m.survivor)),
    mergedAway: merges.map((m) => m.loser),
  };
}

/** Inserts the plan's new customers; returns placeholder → real id. */
async function insertNewCustomers(db: Db, workspaceId: string, plan: IdentityPlan, now: Date) {
  const real = new Map<number, number>();
  const toCreate = [...plan.created].filter(([placeholder]) => !plan.merges.has(placeholder));
  const stamp = now.toISOString();
  const anonymous = toCreate.filter(([, c]) => c.externalId === null).map(([placeholder]) => placeholder);
  if (anonymous.length > 0) {
    const inserted = await rows<{ id: number }>(
      db,
      sql`
        insert into customers (workspace_id, created_at, updated_at)
        select ${workspaceId}::uuid, ${stamp}::timestamptz, ${stamp}::timestamptz
        from generate_series(1, ${anonymous.length}::int)
        returning id
      `,
    );
    for (const [i, row] of inserted.entries()) real.set(anonymous[i]!, Number(row.id));
  }
  const identified = toCreate.filter(([, c]) => c.externalId !== null);
  if (identified.length > 0) {
    const externalIds = identified.map(([, c]) => c.externalId!).sort();
    await db.execute(sql`
      insert into customers (workspace_id, external_id, created_at, updated_at)
      select ${workspaceId}::uuid, x, ${stamp}::timestamptz, ${stamp}::timestamptz
      from unnest(${toPgArray(externalIds)}::text[]) as x
      on conflict (workspace_id, external_id) do nothing
    `);
    const found = await rows<{ id: number; external_id: string }>(
      db,
      sql`select id, external_id from customers
          where workspace_id = ${workspaceId} and external_id = any(${toPgArray(externalIds)}::text[])`,
    );
    const byExternal = new Map(found.map((r) => [r.external_id, Number(r.id)]));
    for (const [placeholder, c] of identified) real.set(placeholder, byExternal.get(c.externalId!)!);
  }
  return real;
}

/**
 * Folds each loser into its survivor in a few set-based statements: history, identifiers and tickets move,
 * the loser's rollup rows go (the caller rebuilds the survivor's), traits merge by write time, and the loser
 * keeps a pointer to the survivor so old links still resolve.
 */
async function mergeCustomers(db: Db, workspaceId: string, merges: readonly { loser: number; survivor: number }[]) {
  if (merges.length === 0) return;
  const pairs = JSON.stringify(merges.map((m) => ({ l: m.loser, s: m.survivor })));
  const m = sql`jsonb_to_recordset(${pairs}::jsonb) as m(l bigint, s bigint)`;
  // Both sides locked first, in id order: a concurrent batch still storing events on a loser commits before
  // those events are moved here (else they would stay behind on a merged-away profile), and one that merged a
  // loser first makes this batch replay instead of merging it twice.
  const ids = [...new Set(merges.flatMap((x) => [x.loser, x.survivor]))];
  const locked = await rows<{ id: number; merged_into: number | null }>(
    db,
    sql`select id, merged_into from customers
        where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::bigint[])
        order by id for update`,
  );
  if (locked.length < ids.length || locked.some((r) => r.merged_into !== null))
    throw new StaleCustomerError("a profile to merge");
  await db.execute(
    sql`update events e set customer_id = m.s from ${m} where e.workspace_id = ${workspaceId} and e.customer_id = m.l`,
  );
  await db.execute(
    sql`update customer_identities i set customer_id = m.s from ${m} where i.workspace_id = ${workspaceId} and i.customer_id = m.l`,
  );
  await db.execute(
    sql`update tickets t set customer_id = m.s from ${m} where t.workspace_id = ${workspaceId} and t.customer_id = m.l`,
  );
  await db.execute(
    sql`delete from customer_daily_activity a using ${m} where a.workspace_id = ${workspaceId} and a.customer_id = m.l`,
  );

  const profiles = await rows<{
    id: number;
    traits: Record<string, unknown>;
    trait_timestamps: Record<string, string>;
    email: string | null;
    phone: string | null;
    time_zone: string | null;
  }>(
    db,
    sql`select id, traits, trait_timestamps, email, phone, time_zone from customers
        where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::bigint[])`,
  );
  const byId = new Map(profiles.map((p) => [Number(p.id), p]));
  const merged = new Map<
    number,
    { traits: TimedTraits; email: string | null; phone: string | null; timeZone: string | null }
  >();
  for (const { loser, survivor } of merges) {
    const l = byId.get(loser);
    const s = merged.get(survivor) ?? {
      traits: { traits: byId.get(survivor)?.traits ?? {}, timestamps: byId.get(survivor)?.trait_timestamps ?? {} },
      email: byId.get(survivor)?.email ?? null,
      phone: byId.get(survivor)?.phone ?? null,
      timeZone: byId.get(survivor)?.time_zone ?? null,
    };
    merged.set(survivor, {
      traits: mergeTimedTraits(s.traits, { traits: l?.traits ?? {}, timestamps: l?.trait_timestamps ?? {} }),
      email: s.email ?? l?.email ?? null,
      phone: s.phone ?? l?.phone ?? null,
      timeZone: s.timeZone ?? l?.time_zone ?? null,
    });
  }
  const updates = [...merged].map(([id, p]) => ({
    id,
    traits: p.traits.traits,
    ts: p.traits.timestamps,
    email: p.email,
    phone: p.phone,
    tz: p.timeZone,
  }));
  await db.execute(sql`
    update customers c set traits = x.traits, trait_timestamps = x.ts, email = x.email, phone = x.phone, time_zone = x.tz
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
      as x(id bigint, traits jsonb, ts jsonb, email text, phone text, tz text)
    where c.workspace_id = ${workspaceId} and c.id = x.id
  `);
  await db.execute(sql`
    update customers c set merged_into = m.s, event_count = 0, order_count = 0, lifetime_revenue = 0,
      first_seen_at = null, last_seen_at = null, last_active_at = null, last_order_at = null, mrr = null, plan = null,
      nps_score = null
    from ${m} where c.workspace_id = ${workspaceId} and c.id = m.l
  `);
  // Profiles merged into a loser earlier now point at its survivor directly.
  await db.execute(
    sql`update customers c set merged_into = m.s from ${m} where c.workspace_id = ${workspaceId} and c.merged_into = m.l`,
  );
}

/** A PostgreSQL array literal bound as one parameter; values are quoted and escaped, never spliced into SQL. */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
