import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { customers, dataQualityIssues, events, ingestRejections, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { ingestBatch } from "./ingest";

const T0 = Date.parse("2026-05-04T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describeEachDatabase("ingest and identity resolution", ({ database }) => {
  let db: Db;
  let ws = "";
  beforeEach(async () => {
    db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: `ws-${Math.random()}`, timeZone: "Europe/Berlin" })
      .returning();
    ws = w!.id;
  });
  const send = (messages: unknown[], receivedAt = new Date(T0 + 3_600_000)) =>
    ingestBatch(
      db,
      { workspaceId: ws, sourceId: null },
      messages.map((raw) => ({ raw })),
      { receivedAt },
    );
  const profiles = () =>
    db
      .select({
        id: customers.id,
        externalId: customers.externalId,
        traits: customers.traits,
        events: customers.eventCount,
      })
      .from(customers)
      .where(and(eq(customers.workspaceId, ws), isNull(customers.mergedInto)))
      .orderBy(asc(customers.id));
  const eventOwners = async () =>
    (
      await db
        .select({ m: events.messageId, c: events.customerId })
        .from(events)
        .where(eq(events.workspaceId, ws))
        .orderBy(asc(events.messageId))
    ).map((r) => [r.m, r.c]);

  it("anonymous browsing then identify: one customer carrying the user id and all events", async () => {
    await send([
      { type: "page", anonymousId: "anon-1", name: "Home", messageId: "m1", timestamp: at(0) },
      { type: "track", anonymousId: "anon-1", event: "Viewed Product", messageId: "m2", timestamp: at(1) },
    ]);
    await send([
      {
        type: "identify",
        userId: "u1",
        anonymousId: "anon-1",
        traits: { email: "u1@x.io" },
        messageId: "m3",
        timestamp: at(2),
      },
    ]);
    const [only, ...rest] = await profiles();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ externalId: "u1", traits: { email: "u1@x.io" }, events: 3 });
    expect(new Set((await eventOwners()).map(([, c]) => c))).toEqual(new Set([only!.id]));
  });

  it("a known user seen on a new device: the anonymous profile merges in, with its events and rollups", async () => {
    await send([{ type: "track", userId: "u1", event: "Signed Up", messageId: "m1", timestamp: at(0) }]);
    await send([
      {
        type: "track",
        anonymousId: "phone",
        event: "Order Completed",
        properties: { order_id: "o1", revenue: 30 },
        messageId: "m2",
        timestamp: at(5),
      },
    ]);
    expect(await profiles()).toHaveLength(2);
    await send([{ type: "identify", userId: "u1", anonymousId: "phone", messageId: "m3", timestamp: at(10) }]);
    const [survivor, ...rest] = await profiles();
    expect(rest).toEqual([]);
    expect(survivor).toMatchObject({ externalId: "u1", events: 3 });
    expect(new Set((await eventOwners()).map(([, c]) => c))).toEqual(new Set([survivor!.id]));
    const [facts] = await db
      .select({ orders: customers.orderCount, revenue: customers.lifetimeRevenue })
      .from(customers)
      .where(and(eq(customers.workspaceId, ws), eq(customers.id, survivor!.id)));
    expect(facts).toEqual({ orders: 1, revenue: "30.00" });
    const rollup = await rows<{ customer_id: number; n: number }>(
      db,
      sql`select customer_id, sum(event_count)::int as n from customer_daily_activity where workspace_id = ${ws} group by 1`,
    );
    expect(rollup.map((r) => [Number(r.customer_id), r.n])).toEqual([[survivor!.id, 3]]);
  });

  it("alias claims an anonymous id, and merges one known user into another", async () => {
    await send([{ type: "track", anonymousId: "a1", event: "Clicked", messageId: "m1", timestamp: at(0) }]);
    await send([{ type: "alias", previousId: "a1", userId: "u1", messageId: "m2", timestamp: at(1) }]);
    expect((await profiles()).map((p) => p.externalId)).toEqual(["u1"]);
    await send([{ type: "track", userId: "old-id", event: "Clicked", messageId: "m3", timestamp: at(2) }]);
    await send([{ type: "alias", previousId: "old-id", userId: "u1", messageId: "m4", timestamp: at(3) }]);
    const all = await profiles();
    expect(all.map((p) => p.externalId)).toEqual(["u1"]);
    expect(all[0]!.events).toBe(4);
  });

  it("never merges on blocked values, and logs them", async () => {
    const result = await send([
      { type: "track", userId: "null", anonymousId: "a1", event: "E", messageId: "m1", timestamp: at(0) },
      { type: "track", userId: "undefined", event: "E", messageId: "m2", timestamp: at(1) },
      { type: "track", userId: "0", anonymousId: "a2", event: "E", messageId: "m3", timestamp: at(2) },
      {
        type: "track",
        userId: " Anonymous ",
        anonymousId: "[object Object]",
        event: "E",
        messageId: "m4",
        timestamp: at(3),
      },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "missing_identity"],
      [3, "missing_identity"],
    ]);
    expect((await profiles()).map((p) => p.externalId)).toEqual([null, null]);
    const issues = await db.select().from(dataQualityIssues).where(eq(dataQualityIssues.workspaceId, ws));
    expect(issues.map((i) => i.identifierValue).sort()).toEqual([
      "0",
      "Anonymous",
      "[object Object]",
      "null",
      "undefined",
    ]);
  });

  it("one anonymous id never merges two users: the second user keeps a profile of their own", async () => {
    await send([{ type: "identify", userId: "u1", anonymousId: "shared-tablet", messageId: "m1", timestamp: at(0) }]);
    await send([{ type: "identify", userId: "u2", anonymousId: "shared-tablet", messageId: "m2", timestamp: at(1) }]);
    await send([{ type: "track", anonymousId: "shared-tablet", event: "E", messageId: "m3", timestamp: at(2) }]);
    const all = await profiles();
    expect(all.map((p) => [p.externalId, p.events])).toEqual([
      ["u1", 2],
      ["u2", 1],
    ]);
    const [issue] = await db.select().from(dataQualityIssues).where(eq(dataQualityIssues.workspaceId, ws));
    expect(issue).toMatchObject({ kind: "merge_limit", identifierValue: "shared-tablet" });
    expect(issue!.details).toMatchObject({ userId: "u2", alreadyBelongsTo: "u1" });
  });

  it("merges traits per trait by event time, whatever order the identify calls arrive in", async () => {
    await send([
      {
        type: "identify",
        userId: "u1",
        traits: { plan: "pro", email: "new@x.io" },
        messageId: "m2",
        timestamp: at(10),
      },
    ]);
    await send([
      {
        type: "identify",
        userId: "u1",
        traits: { plan: "basic", email: "old@x.io", country: "DE" },
        messageId: "m1",
        timestamp: at(5),
      },
    ]);
    const [p] = await profiles();
    expect(p!.traits).toEqual({ plan: "pro", email: "new@x.io", country: "DE" });
    const [row] = await db.select({ email: customers.email }).from(customers).where(eq(customers.id, p!.id));
    expect(row!.email).toBe("new@x.io");
  });

  it("a retried batch stores nothing twice; a missing messageId gets one", async () => {
    const batch = [
      { type: "track", userId: "u1", event: "A", messageId: "r1", timestamp: at(0) },
      { type: "track", userId: "u1", event: "B", messageId: "r2", timestamp: at(1) },
    ];
    expect(await send(batch)).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(await send(batch)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await send([{ type: "track", userId: "u1", event: "C", timestamp: at(2) }])).toMatchObject({ accepted: 1 });
    const [p] = await profiles();
    expect(p!.events).toBe(3);
  });

  it("rejects bad events one by one, keeps the valid ones, and records why", async () => {
    const result = await ingestBatch(
      db,
      { workspaceId: ws, sourceId: null },
      [
        { raw: { type: "track", userId: "u1", messageId: "ok1", event: "Fine", timestamp: at(0) } },
        { raw: { type: "track", userId: "u1", messageId: "bad1" } },
        { raw: { type: "launch", userId: "u1" } },
        { raw: "not an object" },
        { raw: { type: "track", userId: "u1", event: "Huge", messageId: "big" }, sizeBytes: 40_000 },
        { raw: { type: "track", event: "Nobody", messageId: "anon" } },
        { raw: { type: "track", userId: "u1", event: "Late", timestamp: "yesterday" } },
        { raw: { type: "page", anonymousId: "a9", messageId: "ok2" } },
      ],
      { receivedAt: new Date(T0) },
    );
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "missing_event"],
      [2, "invalid_type"],
      [3, "invalid_type"],
      [4, "too_large"],
      [5, "missing_identity"],
      [6, "invalid_field"],
    ]);
    expect(result.rejected[5]!.message).toBe("timestamp: must be an ISO-8601 date");
    const recorded = await db.select().from(ingestRejections).where(eq(ingestRejections.workspaceId, ws));
    expect(recorded).toHaveLength(6);
  });

  it("corrects client clock skew when no explicit timestamp is given", async () => {
    const receivedAt = new Date("2026-05-04T12:00:00.000Z");
    await ingestBatch(
      db,
      { workspaceId: ws, sourceId: null },
      [
        // the client's clock is 10 minutes fast: it sent at 12:10 (its clock), the event happened 2 min before
        {
          raw: {
            type: "track",
            userId: "u1",
            event: "Skewed",
            messageId: "s1",
            originalTimestamp: "2026-05-04T12:08:00.000Z",
            sentAt: "2026-05-04T12:10:00.000Z",
          },
        },
        {
          raw: {
            type: "track",
            userId: "u1",
            event: "Historical",
            messageId: "s2",
            timestamp: "2025-01-01T00:00:00.000Z",
          },
        },
        { raw: { type: "track", userId: "u1", event: "Now", messageId: "s3" } },
      ],
      { receivedAt },
    );
    const stored = await db
      .select({ m: events.messageId, t: events.timestamp })
      .from(events)
      .where(eq(events.workspaceId, ws))
      .orderBy(asc(events.messageId));
    expect(stored.map((s) => [s.m, s.t.toISOString()])).toEqual([
      ["s1", "2026-05-04T11:58:00.000Z"],
      ["s2", "2025-01-01T00:00:00.000Z"],
      ["s3", "2026-05-04T12:00:00.000Z"],
    ]);
  });

  it("keeps order, revenue and subscription facts: MRR from annual plans ÷ 12, 0 after cancellation", async () => {
    await send([
      {
        type: "track",
        userId: "u1",
        event: "Order Completed",
        properties: { order_id: "o1", revenue: 20 },
        messageId: "a",
        timestamp: at(0),
      },
      {
        type: "track",
        userId: "u1",
        event: "Order Completed",
        properties: { order_id: "o1", revenue: 20 },
        messageId: "b",
        timestamp: at(1),
      },
      {
        type: "track",
        userId: "u1",
        event: "Order Completed",
        properties: { total: "15.50" },
        messageId: "c",
        timestamp: at(2),
      },
      {
        type: "track",
        userId: "u1",
        event: "Subscription Started",
        properties: { plan: "annual", amount: 120, interval: "year" },
        messageId: "d",
        timestamp: at(3),
      },
      {
        type: "track",
        userId: "u2",
        event: "Subscription Started",
        properties: { plan: "pro", mrr: 25 },
        messageId: "e",
        timestamp: at(0),
      },
      {
        type: "track",
        userId: "u2",
        event: "Subscription Cancelled",
        properties: { plan: "pro", mrr: 25 },
        messageId: "f",
        timestamp: at(9),
      },
    ]);
    const facts = await db
      .select({
        id: customers.externalId,
        orders: customers.orderCount,
        revenue: customers.lifetimeRevenue,
        mrr: customers.mrr,
        plan: customers.plan,
        lastOrder: customers.lastOrderAt,
      })
      .from(customers)
      .where(eq(customers.workspaceId, ws))
      .orderBy(asc(customers.externalId));
    // u1: order o1 twice counts once (20) + an order with only `total` (15.50) = 2 orders, 35.50.
    expect(facts).toEqual([
      { id: "u1", orders: 2, revenue: "35.50", mrr: "10.00", plan: "annual", lastOrder: new Date(at(2)) },
      { id: "u2", orders: 0, revenue: "0.00", mrr: "0.00", plan: "pro", lastOrder: null },
    ]);
  });
});
