import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { computeRetention } from "@/lib/metrics/retention";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildEventFacts } from "./event-facts";

type Fact = { customer_id: number; name: string; first_at: string; last_at: string; events: number };

async function facts(db: Db, workspaceId: string): Promise<Fact[]> {
  const found = await rows<Fact>(
    db,
    sql`select customer_id, name, to_char(first_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as first_at,
               to_char(last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as last_at, events
        from customer_event_facts where workspace_id = ${workspaceId} order by customer_id, name`,
  );
  return found.map((f) => ({ ...f, customer_id: Number(f.customer_id), events: Number(f.events) }));
}

async function newWorkspace(db: Db, name: string): Promise<string> {
  const [w] = await db.insert(workspaces).values({ name, timeZone: "UTC" }).returning();
  return w!.id;
}

async function ingest(db: Db, workspaceId: string, messages: readonly unknown[]) {
  await ingestBatch(
    db,
    { workspaceId, sourceId: null },
    messages.map((raw) => ({ raw })),
  );
}

async function customerOf(db: Db, workspaceId: string, userId: string): Promise<number> {
  const [found] = await rows<{ customer_id: number }>(
    db,
    sql`select customer_id from customer_identities
        where workspace_id = ${workspaceId} and kind = 'user_id' and value = ${userId}`,
  );
  return Number(found!.customer_id);
}

describeEachDatabase("customer_event_facts kept by ingest", ({ database }) => {
  it("records first, latest and count per customer and name, for track, page and screen events only", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "facts by hand");
    await ingest(db, ws, [
      { type: "track", messageId: "t1", userId: "u1", event: "Opened", timestamp: "2026-03-05T10:00:00Z" },
      { type: "track", messageId: "t2", userId: "u1", event: "Opened", timestamp: "2026-03-02T09:00:00Z" },
      { type: "page", messageId: "p1", userId: "u1", name: "Home", timestamp: "2026-03-03T00:00:00Z" },
      { type: "identify", messageId: "i1", userId: "u1", traits: { plan: "pro" }, timestamp: "2026-03-01T00:00:00Z" },
    ]);
    // A later batch: an older "Opened" (arrives out of order), a retried message id (skipped by ingest), a screen.
    await ingest(db, ws, [
      { type: "track", messageId: "t3", userId: "u1", event: "Opened", timestamp: "2026-03-01T08:00:00Z" },
      { type: "track", messageId: "t1", userId: "u1", event: "Opened", timestamp: "2026-03-09T00:00:00Z" },
      { type: "screen", messageId: "s1", userId: "u1", name: "Settings", timestamp: "2026-03-04T00:00:00Z" },
    ]);
    const u1 = await customerOf(db, ws, "u1");
    // Opened: 03-01 08:00 (t3), 03-02 09:00 (t2), 03-05 10:00 (t1; its retry is not stored) → 3 events.
    // Home: one page view; Settings: one screen; the identify has no name and is no fact.
    expect(await facts(db, ws)).toEqual([
      {
        customer_id: u1,
        name: "Home",
        first_at: "2026-03-03T00:00:00.000",
        last_at: "2026-03-03T00:00:00.000",
        events: 1,
      },
      {
        customer_id: u1,
        name: "Opened",
        first_at: "2026-03-01T08:00:00.000",
        last_at: "2026-03-05T10:00:00.000",
        events: 3,
      },
      {
        customer_id: u1,
        name: "Settings",
        first_at: "2026-03-04T00:00:00.000",
        last_at: "2026-03-04T00:00:00.000",
        events: 1,
      },
    ]);
  });

  it("moves an anonymous profile's facts onto the customer it merges into", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "facts merge");
    await ingest(db, ws, [
      { type: "track", messageId: "a1", anonymousId: "anon", event: "Viewed", timestamp: "2026-03-01T00:00:00Z" },
      { type: "track", messageId: "a2", anonymousId: "anon", event: "Viewed", timestamp: "2026-03-03T00:00:00Z" },
      { type: "track", messageId: "u1", userId: "u9", event: "Viewed", timestamp: "2026-03-02T00:00:00Z" },
      { type: "track", messageId: "u2", userId: "u9", event: "Paid", timestamp: "2026-03-04T00:00:00Z" },
    ]);
    // The identify ties the anonymous visitor to u9: two profiles become one.
    await ingest(db, ws, [
      { type: "identify", messageId: "i1", userId: "u9", anonymousId: "anon", timestamp: "2026-03-05T00:00:00Z" },
    ]);
    const survivor = await customerOf(db, ws, "u9");
    // Viewed: 03-01 and 03-03 (anonymous) and 03-02 (u9) → 3 events from 03-01 to 03-03; Paid: one.
    expect(await facts(db, ws)).toEqual([
      {
        customer_id: survivor,
        name: "Paid",
        first_at: "2026-03-04T00:00:00.000",
        last_at: "2026-03-04T00:00:00.000",
        events: 1,
      },
      {
        customer_id: survivor,
        name: "Viewed",
        first_at: "2026-03-01T00:00:00.000",
        last_at: "2026-03-03T00:00:00.000",
        events: 3,
      },
    ]);
  });

  it("first-time cohorts of a named start event follow the facts when a merge brings an earlier start", async () => {
    const db = database().db;
    const ws = await newWorkspace(db, "facts cohorts");
    const scope = { workspaceId: ws, timeZone: "UTC" };
    const now = new Date("2026-02-04T12:00:00Z");
    const query = {
      period: "week" as const,
      from: "2026-01-05",
      to: "2026-01-31",
      startEvent: "Signed Up",
      returnEvent: "Order Completed",
      mode: "first_time" as const,
      cumulative: false,
      breakdown: null,
    };
    const sizesAndValues = async () =>
      (await computeRetention(db, scope, query, now)).cohorts.map((c) => [c.start, c.values]);
    await ingest(db, ws, [
      { type: "track", messageId: "s0", anonymousId: "a1", event: "Signed Up", timestamp: "2026-01-06T10:00:00Z" },
      { type: "track", messageId: "s1", userId: "u1", event: "Signed Up", timestamp: "2026-01-14T10:00:00Z" },
      { type: "track", messageId: "o1", userId: "u1", event: "Order Completed", timestamp: "2026-01-21T10:00:00Z" },
      { type: "track", messageId: "s2", userId: "u2", event: "Signed Up", timestamp: "2026-01-13T10:00:00Z" },
      { type: "track", messageId: "o2", userId: "u2", event: "Order Completed", timestamp: "2026-01-14T10:00:00Z" },
      { type: "track", messageId: "o3", userId: "u2", event: "Order Completed", timestamp: "2026-01-27T10:00:00Z" },
    ]);
    // Weeks start 01-05, 01-12, 01-19, 01-26, 02-02 (running). Week of 01-05: the anonymous a1, no order.
    // Week of 01-12: u1 (order in week 01-19 → offset 1) and u2 (order in its own week, then week 01-26 → offset 2).
    expect(await sizesAndValues()).toEqual([
      ["2026-01-05", [1, 0, 0, 0, 0]],
      ["2026-01-12", [2, 1, 1, 0]],
      ["2026-01-19", [0, 0, 0]],
      ["2026-01-26", [0, 0]],
    ]);
    // a1 turns out to be u1: one customer whose first Signed Up is 01-06, so they move to the week of 01-05,
    // where their order in week 01-19 is offset 2.
    await ingest(db, ws, [
      { type: "identify", messageId: "i1", userId: "u1", anonymousId: "a1", timestamp: "2026-01-22T00:00:00Z" },
    ]);
    expect(await sizesAndValues()).toEqual([
      ["2026-01-05", [1, 0, 1, 0, 0]],
      ["2026-01-12", [1, 0, 1, 0]],
      ["2026-01-19", [0, 0, 0]],
      ["2026-01-26", [0, 0]],
    ]);
  });

  /**
   * Property: after any stream of ingests — track, page, screen and identify calls from anonymous and known
   * users, identifies and aliases that merge profiles, retried batches and message ids, timestamps out of
   * order — the facts kept incrementally equal rebuildEventFacts over the raw events.
   */
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random stream #${seed}: incremental facts equal a rebuild from raw events`, async () => {
      const db = database().db;
      const ws = await newWorkspace(db, `facts p${seed}`);
      const rng = new Random(seed);
      const random = () => rng.next();
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const users = ["u1", "u2", "u3", "u4", "u5"];
      const anons = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"];
      const names = ["Signed Up", "Logged In", "Order Completed", "Box Customized"];
      const sent: unknown[][] = [];
      let n = 0;
      for (let b = 0; b < 14; b++) {
        const batch: unknown[] = [];
        const size = 1 + Math.floor(random() * 20);
        for (let i = 0; i < size; i++) {
          n++;
          const hasUser = random() < 0.5;
          const hasAnon = !hasUser || random() < 0.5;
          const type = pick(["track", "track", "track", "page", "screen", "identify", "alias"] as const);
          // A retry of an earlier message id with another timestamp: ingest keeps the first copy.
          const messageId =
            n > 3 && random() < 0.1 ? `m${seed}-${1 + Math.floor(random() * (n - 1))}` : `m${seed}-${n}`;
          const timestamp = new Date(
            Date.parse("2026-03-01T00:00:00Z") + Math.floor(random() * 60 * 86_400_000),
          ).toISOString();
          const base = {
            messageId,
            timestamp,
            ...(hasUser || type === "alias" ? { userId: pick(users) } : {}),
            ...(hasAnon ? { anonymousId: pick(anons) } : {}),
          };
          if (type === "alias") batch.push({ ...base, type, previousId: random() < 0.5 ? pick(anons) : pick(users) });
          else if (type === "identify") batch.push({ ...base, type, traits: { plan: pick(["a", "b"]) } });
          else if (type === "track") batch.push({ ...base, type, event: pick(names) });
          else batch.push({ ...base, type, name: pick(["Home", "Pricing"]) });
        }
        sent.push(batch);
        // Every third batch is sent again with the one before it, as a client would after a timeout.
        const repeats = b % 3 === 2 ? [batch, sent[b - 1]!] : [batch];
        for (const r of repeats) await ingest(db, ws, r);
      }

      const incremental = await facts(db, ws);
      await rebuildEventFacts(db, ws);
      const rebuilt = await facts(db, ws);
      expect(incremental).toEqual(rebuilt);

      // The stream did exercise what it claims: merges, repeated names per customer, and some facts at all.
      const [shape] = await rows<{ merged: number; repeated: number }>(
        db,
        sql`select (select count(*)::int from customers where workspace_id = ${ws} and merged_into is not null) as merged,
                   (select count(*)::int from customer_event_facts where workspace_id = ${ws} and events > 1) as repeated`,
      );
      expect(shape!.merged).toBeGreaterThan(0);
      expect(shape!.repeated).toBeGreaterThan(0);
      // And the rebuild is the definition: one row per (customer, name) of the stored track/page/screen events.
      const [direct] = await rows<{ groups: number; total: number }>(
        db,
        sql`select count(distinct (customer_id, name))::int as groups, count(*)::int as total from events
            where workspace_id = ${ws} and type in ('track', 'page', 'screen') and name is not null`,
      );
      expect(rebuilt.length).toBe(direct!.groups);
      expect(rebuilt.reduce((sum, f) => sum + f.events, 0)).toBe(direct!.total);
    });
  }
});
