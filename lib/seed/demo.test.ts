import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { type Database, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { rows } from "@/lib/db/rows";
import { describeEachDatabase } from "@/test/db";
import { type DemoSummary, seedDemo } from "./demo";
import { DEMO_USERS, DEMO_WORKSPACE_NAME, DEMO_WRITE_KEY } from "./demo-users";
import { deleteDemo, findExistingDemo } from "./existing";
import { simulateCustomer } from "./lifecycle";
import { seedIfEmpty } from "./run";
import { DAY } from "./time";

const NOW = new Date("2026-03-15T12:00:00Z");
const SIZE = { customers: 600, days: 180, now: NOW } as const;

/**
 * Everything the demo wrote, reduced to one hash per table. Database ids are left out (they depend on what
 * else the database holds); rows are keyed by external ids and message ids instead, and timestamps by their
 * epoch so the session time zone cannot change the text.
 */
async function fingerprint(db: Db, workspaceId: string) {
  const [row] = await rows<Record<string, string>>(
    db,
    sql`
      with c as (select id, external_id from customers where workspace_id = ${workspaceId})
      select
        (select md5(string_agg(concat_ws('|', external_id, email, traits::text, time_zone,
            extract(epoch from created_at), extract(epoch from first_seen_at), extract(epoch from last_seen_at)),
            ',' order by external_id)) from customers where workspace_id = ${workspaceId}) as customers,
        (select md5(string_agg(concat_ws('|', i.kind, i.value, c.external_id), ',' order by i.kind, i.value))
           from customer_identities i join c on c.id = i.customer_id where i.workspace_id = ${workspaceId}) as identities,
        (select md5(string_agg(concat_ws('|', e.message_id, c.external_id, e.anonymous_id, e.user_id, e.type, e.name,
            e.properties::text, extract(epoch from e.timestamp), extract(epoch from e.received_at)), ',' order by e.message_id))
           from events e join c on c.id = e.customer_id where e.workspace_id = ${workspaceId} and e.type <> 'system') as events,
        -- Segment entries recorded by Tenure: their message ids follow a sequence shared by every workspace of a
        -- database, and segment ids are random, so they are compared by customer, segment name and time.
        (select md5(string_agg(concat_ws('|', c.external_id, e.name, e.properties ->> 'segment_name',
            extract(epoch from e.timestamp)), ',' order by c.external_id, e.properties ->> 'segment_name', e.name))
           from events e join c on c.id = e.customer_id where e.workspace_id = ${workspaceId} and e.type = 'system')
          as segment_events,
        (select md5(string_agg(concat_ws('|', t.external_id, c.external_id, t.channel, t.category, t.tags::text,
            t.priority, t.status, t.subject, t.assignee, extract(epoch from t.created_at),
            extract(epoch from t.first_agent_reply_at), t.satisfaction_rating, t.satisfaction_comment,
            (select string_agg(h.status || '@' || extract(epoch from h.changed_at), ' ' order by h.changed_at, h.status)
               from ticket_status_history h where h.workspace_id = t.workspace_id and h.ticket_id = t.id)),
            ',' order by t.external_id))
           from tickets t join c on c.id = t.customer_id where t.workspace_id = ${workspaceId}) as tickets,
        (select md5(string_agg(concat_ws('|', c.external_id, a.day, a.event_count, a.active_event_count,
            a.order_count, a.revenue), ',' order by c.external_id, a.day))
           from customer_daily_activity a join c on c.id = a.customer_id where a.workspace_id = ${workspaceId}) as activity
    `,
  );
  return row;
}

async function one<T extends Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(db, query);
  if (!row) throw new Error("query returned no row");
  return row;
}

describeEachDatabase("seedDemo", ({ database }) => {
  let summary: DemoSummary;
  let ws = "";
  const progress: string[] = [];

  beforeAll(async () => {
    summary = await seedDemo(database().db, { ...SIZE, onProgress: (m) => progress.push(m) });
    ws = summary.workspaceId;
  }, 120_000);

  it("creates the workspace, one user per role and the Website source", async () => {
    const db = database().db;
    const members = await rows<{ email: string; role: string; password_hash: string }>(
      db,
      sql`select u.email, m.role, u.password_hash from memberships m join users u on u.id = m.user_id
          where m.workspace_id = ${ws} order by u.email`,
    );
    expect(members.map((m) => [m.email, m.role])).toEqual(
      DEMO_USERS.map((u) => [u.email, u.role]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const user of DEMO_USERS) {
      const member = members.find((m) => m.email === user.email);
      expect(await verifyPassword(member?.password_hash ?? "", user.password)).toBe(true);
    }
    expect(await one(db, sql`select name, time_zone, currency from workspaces where id = ${ws}`)).toEqual({
      name: DEMO_WORKSPACE_NAME,
      time_zone: "America/New_York",
      currency: "USD",
    });
    expect(await one(db, sql`select name, write_key from sources where workspace_id = ${ws}`)).toEqual({
      name: "Website",
      write_key: DEMO_WRITE_KEY,
    });
    expect(progress.at(-1)).toMatch(/^customers 600\/600 · events [\d,]+ · tickets [\d,]+$/);
  });

  it("returns counts that match the database", async () => {
    const counts = await one<{ customers: number; events: number; tickets: number; identities: number }>(
      database().db,
      sql`select
        (select count(*)::int from customers where workspace_id = ${ws}) as customers,
        (select count(*)::int from events where workspace_id = ${ws} and type <> 'system') as events,
        (select count(*)::int from tickets where workspace_id = ${ws}) as tickets,
        (select count(*)::int from customer_identities where workspace_id = ${ws}) as identities`,
    );
    expect(counts).toEqual({
      customers: 600,
      events: summary.events,
      tickets: summary.tickets,
      identities: summary.identities,
    });
    // Beside them, the ready-made segments' entries, each also an event (not counted as the customers' own).
    const segmentEntries = await one<{ logged: number; recorded: number }>(
      database().db,
      sql`select (select count(*)::int from segment_membership_events where workspace_id = ${ws}) as logged,
        (select count(*)::int from events where workspace_id = ${ws} and type = 'system') as recorded`,
    );
    expect(segmentEntries.logged).toBeGreaterThan(0);
    expect(segmentEntries.recorded).toBe(segmentEntries.logged);
    // Roughly a hundred events per customer, and support for 15–25% of them.
    expect(summary.events / 600).toBeGreaterThan(40);
    expect(summary.events / 600).toBeLessThan(200);
    const withTicket = await one<{ share: number }>(
      database().db,
      sql`select count(distinct customer_id)::float / 600 as share from tickets where workspace_id = ${ws}`,
    );
    expect(withTicket.share).toBeGreaterThan(0.12);
    expect(withTicket.share).toBeLessThan(0.3);
  });

  it("is deterministic: the same options give the same rows in another database", async () => {
    let other: Database | undefined;
    try {
      other = await openDatabase({ kind: "memory" });
      await migrateDatabase(other);
      const again = await seedDemo(other.db, SIZE);
      const expected = await fingerprint(database().db, ws);
      expect(expected?.events).toMatch(/^[0-9a-f]{32}$/);
      expect(await fingerprint(other.db, again.workspaceId)).toEqual(expected);
    } finally {
      await other?.close();
    }
  });

  it("depends on the seed, one customer at a time", () => {
    const ctx = { seed: 1, now: NOW.getTime(), days: 180, customers: 600, windowStart: NOW.getTime() - 180 * DAY };
    const first = simulateCustomer(ctx, 41);
    expect(simulateCustomer(ctx, 41)).toEqual(first);
    expect(simulateCustomer({ ...ctx, seed: 2 }, 41)).not.toEqual(first);
    // A customer's story does not depend on the size of the demo beyond their sign-up slot.
    expect(simulateCustomer({ ...ctx, customers: 601 }, 41).externalId).toBe(first.externalId);
  });

  it("writes nothing after now and keeps tickets and the rollup consistent", async () => {
    const db = database().db;
    const check = await one<Record<string, number | boolean>>(
      db,
      sql`select
        (select count(*)::int from events where workspace_id = ${ws} and timestamp > ${NOW.toISOString()}::timestamptz) as future_events,
        (select count(*)::int from ticket_status_history where workspace_id = ${ws} and changed_at > ${NOW.toISOString()}::timestamptz) as future_changes,
        (select count(*)::int from tickets t where workspace_id = ${ws} and status <> (
            select h.status from ticket_status_history h where h.workspace_id = t.workspace_id and h.ticket_id = t.id
            order by h.changed_at desc limit 1)) as status_mismatch,
        (select count(*)::int from tickets t where workspace_id = ${ws} and 'new' <> (
            select h.status from ticket_status_history h where h.workspace_id = t.workspace_id and h.ticket_id = t.id
            order by h.changed_at limit 1)) as not_starting_new,
        (select count(*)::int from tickets where workspace_id = ${ws} and satisfaction_rating is not null and status <> 'solved') as rated_unsolved,
        (select coalesce(sum(event_count), 0)::int from customer_daily_activity where workspace_id = ${ws}) as rollup_events,
        (select count(*)::int from events where workspace_id = ${ws} and type <> 'system') as events,
        (select count(*)::int from customers where workspace_id = ${ws} and (first_seen_at is null or last_seen_at > ${NOW.toISOString()}::timestamptz)) as bad_seen`,
    );
    expect(check).toEqual({
      future_events: 0,
      future_changes: 0,
      status_mismatch: 0,
      not_starting_new: 0,
      rated_unsolved: 0,
      rollup_events: summary.events,
      events: summary.events,
      bad_seen: 0,
    });
  });

  it("shows the retention playbook's patterns", async () => {
    const db = database().db;
    // Churned: the latest subscription lifecycle event is a cancellation.
    const subscribers = sql`
      select customer_id,
             (array_agg(name order by timestamp desc))[1] = 'Subscription Cancelled' as churned
      from events
      where workspace_id = ${ws}
        and name in ('Subscription Started', 'Subscription Renewed', 'Subscription Changed', 'Subscription Cancelled')
      group by customer_id`;

    // Customers with a ticket that has stayed unresolved for 60 days or more, against everyone else.
    const byTicket = await rows<{ unresolved: boolean; churn: number; n: number }>(
      db,
      sql`with s as (${subscribers}),
        u as (select distinct customer_id from tickets where workspace_id = ${ws} and status <> 'solved'
              and created_at <= ${NOW.toISOString()}::timestamptz - interval '60 days')
        select (u.customer_id is not null) as unresolved, avg(churned::int)::float as churn, count(*)::int as n
        from s left join u using (customer_id) group by 1`,
    );
    const churnWith = byTicket.find((r) => r.unresolved);
    const churnWithout = byTicket.find((r) => !r.unresolved);
    expect(churnWith?.n).toBeGreaterThanOrEqual(3);
    expect(churnWith?.churn).toBeGreaterThan((churnWithout?.churn ?? 1) * 1.5);

    const byNps = await rows<{ detractor: boolean; churn: number }>(
      db,
      sql`with s as (${subscribers}),
        n as (select distinct on (customer_id) customer_id, (properties->>'score')::int as score
              from events where workspace_id = ${ws} and name = 'NPS Submitted' order by customer_id, timestamp desc)
        select (score <= 6) as detractor, avg(churned::int)::float as churn from s join n using (customer_id) group by 1`,
    );
    expect(byNps.find((r) => r.detractor)?.churn).toBeGreaterThan(byNps.find((r) => !r.detractor)?.churn ?? 1);

    // 90-day activity retention: active (track/page/screen) on or after day 90 after sign-up, among customers
    // who signed up at least 90 days before now.
    const byOnboarding = await rows<{ completed: boolean; retained: number; n: number }>(
      db,
      sql`with su as (
          select customer_id, min(timestamp) as signed_up from events
          where workspace_id = ${ws} and name = 'Signed Up' group by customer_id
        ), ob as (
          select customer_id, count(distinct name) as steps from events
          where workspace_id = ${ws} and name in ('Profile Completed', 'Preferences Set', 'First Box Customized')
          group by customer_id
        )
        select coalesce(ob.steps, 0) = 3 as completed, count(*)::int as n,
               avg((exists (select 1 from customer_daily_activity a
                       where a.workspace_id = ${ws} and a.customer_id = su.customer_id and a.active_event_count > 0
                         and a.day >= (su.signed_up at time zone 'America/New_York')::date + 90))::int)::float as retained
        from su left join ob using (customer_id)
        where su.signed_up <= ${NOW.toISOString()}::timestamptz - interval '90 days'
        group by 1`,
    );
    const completers = byOnboarding.find((r) => r.completed);
    const others = byOnboarding.find((r) => !r.completed);
    expect(completers?.n).toBeGreaterThan(20);
    expect(others?.n).toBeGreaterThan(20);
    expect(completers?.retained).toBeGreaterThan(others?.retained ?? 1);

    // Repeat issue: an integration setup ticket within 30 days of the same customer's previous one.
    const repeats = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from tickets t
          where t.workspace_id = ${ws} and t.category = 'integration setup' and exists (
            select 1 from tickets p where p.workspace_id = t.workspace_id and p.customer_id = t.customer_id
              and p.category = t.category and p.created_at < t.created_at
              and p.created_at >= t.created_at - interval '30 days')`,
    );
    expect(repeats.n).toBeGreaterThan(0);

    // Billing tickets cluster in the three days after a renewal charge.
    const billing = await one<{ total: number; near: number }>(
      db,
      sql`select count(*)::int as total, count(*) filter (where exists (
            select 1 from events e where e.workspace_id = t.workspace_id and e.customer_id = t.customer_id
              and e.name = 'Subscription Renewed'
              and e.timestamp between t.created_at - interval '3 days' and t.created_at))::int as near
          from tickets t where t.workspace_id = ${ws} and t.category = 'billing'`,
    );
    expect(billing.total).toBeGreaterThan(0);
    expect(billing.near / billing.total).toBeGreaterThan(0.5);

    // Purchase frequency falls before a cancellation: fewer orders in the 60 days before it than in the 60
    // days before those, among subscribers of at least four months.
    const decline = await one<{ last: number; previous: number }>(
      db,
      sql`with c as (
          select customer_id, min(timestamp) as at from events
          where workspace_id = ${ws} and name = 'Subscription Cancelled' group by customer_id
        )
        select count(*) filter (where o.timestamp > c.at - interval '60 days')::int as last,
               count(*) filter (where o.timestamp <= c.at - interval '60 days')::int as previous
        from c join events o on o.workspace_id = ${ws} and o.customer_id = c.customer_id
          and o.name = 'Order Completed' and o.timestamp > c.at - interval '120 days' and o.timestamp <= c.at
        where exists (select 1 from events s where s.workspace_id = ${ws} and s.customer_id = c.customer_id
                        and s.name = 'Subscription Started' and s.timestamp < c.at - interval '120 days')`,
    );
    expect(decline.previous).toBeGreaterThan(0);
    expect(decline.last).toBeLessThan(decline.previous);

    // Power users: core features (Box Customized, Recipe Viewed) three or more times a week over a month+.
    const power = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from (
          select customer_id, count(*) as uses, max(timestamp) - min(timestamp) as span from events
          where workspace_id = ${ws} and name in ('Box Customized', 'Recipe Viewed') group by customer_id
        ) x where span >= interval '28 days' and uses >= 3 * extract(epoch from span) / (7 * 86400)`,
    );
    expect(power.n).toBeGreaterThanOrEqual(5);
  });

  it("seedIfEmpty leaves a database with users alone and seeds an empty one", async () => {
    expect(await seedIfEmpty(database(), () => {})).toBe(false);
    const empty = await openDatabase({ kind: "memory" });
    try {
      await migrateDatabase(empty);
      const log: string[] = [];
      expect(await seedIfEmpty(empty, (m) => log.push(m), { customers: 20, days: 30, now: NOW })).toBe(true);
      expect(log.at(-1)).toMatch(/^Demo ready in/);
      expect((await findExistingDemo(empty.db)).workspaceIds).toHaveLength(1);
    } finally {
      await empty.close();
    }
  });

  it("finds and deletes the demo with everything in it", async () => {
    const db = database().db;
    const existing = await findExistingDemo(db);
    expect(existing).toEqual({ workspaceIds: [ws], userEmails: DEMO_USERS.map((u) => u.email).sort() });
    await deleteDemo(db, existing.workspaceIds);
    expect(await findExistingDemo(db)).toEqual({ workspaceIds: [], userEmails: [] });
    const left = await one<{ events: number; users: number }>(
      db,
      sql`select (select count(*)::int from events where workspace_id = ${ws}) as events,
                 (select count(*)::int from users) as users`,
    );
    expect(left).toEqual({ events: 0, users: 0 });
  });
});
