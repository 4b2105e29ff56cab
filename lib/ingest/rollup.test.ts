import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { customerDailyActivity, customers, events, workspaces } from "@/lib/db/schema";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildDailyActivity, refreshCustomerFacts } from "./rollup";

type EventInput = {
  customer: number;
  type: string;
  name?: string;
  at: string;
  properties?: Record<string, unknown>;
};

type RollupRow = {
  customerId: number;
  day: string;
  eventCount: number;
  activeEventCount: number;
  orderCount: number;
  revenue: string;
};

async function createWorkspace(db: Db, name: string, timeZone: string) {
  const [workspace] = await db.insert(workspaces).values({ name, timeZone }).returning({ id: workspaces.id });
  if (!workspace) throw new Error("no workspace");
  return workspace.id;
}

/** Creates `count` customers and returns their database ids, in order. */
let customerCounter = 0;
async function createCustomers(db: Db, workspaceId: string, count: number) {
  const rows = await db
    .insert(customers)
    .values(Array.from({ length: count }, () => ({ workspaceId, externalId: `c${++customerCounter}` })))
    .returning({ id: customers.id });
  return rows.map((r) => r.id);
}

let messageCounter = 0;
async function insertEvents(db: Db, workspaceId: string, customerIds: number[], inputs: EventInput[]) {
  await db.insert(events).values(
    inputs.map((e) => {
      const customerId = customerIds[e.customer];
      if (customerId === undefined) throw new Error(`no customer ${e.customer}`);
      return {
        workspaceId,
        messageId: `m${++messageCounter}`,
        customerId,
        type: e.type,
        name: e.name ?? null,
        properties: e.properties ?? {},
        timestamp: new Date(e.at),
      };
    }),
  );
}

async function readRollup(db: Db, workspaceId: string): Promise<RollupRow[]> {
  return db
    .select({
      customerId: customerDailyActivity.customerId,
      day: customerDailyActivity.day,
      eventCount: customerDailyActivity.eventCount,
      activeEventCount: customerDailyActivity.activeEventCount,
      orderCount: customerDailyActivity.orderCount,
      revenue: customerDailyActivity.revenue,
    })
    .from(customerDailyActivity)
    .where(eq(customerDailyActivity.workspaceId, workspaceId))
    .orderBy(asc(customerDailyActivity.customerId), asc(customerDailyActivity.day));
}

/** The calendar date of an instant in a time zone, computed by the JavaScript runtime, not by PostgreSQL. */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

describeEachDatabase("rebuildDailyActivity", ({ database }) => {
  let nyWorkspace = "";
  let nyCustomers: number[] = [];

  beforeAll(async () => {
    const db = database().db;
    nyWorkspace = await createWorkspace(db, "New York shop", "America/New_York");
    nyCustomers = await createCustomers(db, nyWorkspace, 3);
    await insertEvents(db, nyWorkspace, nyCustomers, [
      // Customer 0. 04:30 UTC on 2 March is 23:30 on 1 March in New York (EST, UTC−5).
      { customer: 0, type: "page", name: "Home", at: "2026-03-02T04:30:00Z" },
      { customer: 0, type: "identify", at: "2026-03-02T04:31:00Z" },
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-02T04:40:00Z",
        properties: { order_id: "A1", revenue: 30, total: 33 },
      },
      // The same order sent again (a client retry with a new message id) counts once.
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-02T04:41:00Z",
        properties: { order_id: "A1", revenue: 30, total: 33 },
      },
      // 05:00 UTC is midnight in New York: the next local day.
      { customer: 0, type: "track", name: "Logged In", at: "2026-03-02T05:00:00Z" },
      // No revenue property: revenue falls back to total.
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-02T15:00:00Z",
        properties: { order_id: "A2", total: 12.5 },
      },
      // No order_id: each event is its own order (by message id); revenue sent as a numeric string.
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-02T16:00:00Z",
        properties: { revenue: "7.25" },
      },
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-02T16:00:01Z",
        properties: { revenue: "not a number" },
      },
      // Customer 1: only non-active events, plus a screen view.
      { customer: 1, type: "identify", at: "2026-03-10T12:00:00Z" },
      { customer: 1, type: "group", at: "2026-03-10T12:01:00Z" },
      { customer: 1, type: "screen", name: "Cart", at: "2026-03-11T12:00:00Z" },
      // A page named like the purchase event is not an order: only track calls carry event names.
      { customer: 1, type: "page", name: "Order Completed", at: "2026-03-11T12:01:00Z", properties: { revenue: 99 } },
      // Summer time: 03:59 UTC on 1 July is 23:59 on 30 June in New York (EDT, UTC−4).
      {
        customer: 2,
        type: "track",
        name: "Order Completed",
        at: "2026-07-01T03:59:00Z",
        properties: { order_id: 17, revenue: 10 },
      },
      {
        customer: 2,
        type: "track",
        name: "Order Completed",
        at: "2026-07-01T04:00:00Z",
        properties: { order_id: 18, revenue: 20, total: 999 },
      },
    ]);
    await rebuildDailyActivity(db, nyWorkspace);
  });

  it("buckets by the workspace's time zone and counts as defined (hand-computed)", async () => {
    const [c0, c1, c2] = nyCustomers;
    expect(await readRollup(database().db, nyWorkspace)).toEqual([
      { customerId: c0, day: "2026-03-01", eventCount: 4, activeEventCount: 3, orderCount: 1, revenue: "30.00" },
      { customerId: c0, day: "2026-03-02", eventCount: 4, activeEventCount: 4, orderCount: 3, revenue: "19.75" },
      { customerId: c1, day: "2026-03-10", eventCount: 2, activeEventCount: 0, orderCount: 0, revenue: "0.00" },
      { customerId: c1, day: "2026-03-11", eventCount: 2, activeEventCount: 2, orderCount: 0, revenue: "0.00" },
      { customerId: c2, day: "2026-06-30", eventCount: 1, activeEventCount: 1, orderCount: 1, revenue: "10.00" },
      { customerId: c2, day: "2026-07-01", eventCount: 1, activeEventCount: 1, orderCount: 1, revenue: "20.00" },
    ]);
  });

  it("is idempotent", async () => {
    const db = database().db;
    const before = await readRollup(db, nyWorkspace);
    await rebuildDailyActivity(db, nyWorkspace);
    expect(await readRollup(db, nyWorkspace)).toEqual(before);
  });

  it("rebuilds only the given customers and leaves the others and other workspaces alone", async () => {
    const db = database().db;
    const otherWorkspace = await createWorkspace(db, "Other", "UTC");
    const [other] = await createCustomers(db, otherWorkspace, 1);
    await insertEvents(
      db,
      otherWorkspace,
      [other!],
      [{ customer: 0, type: "track", name: "Logged In", at: "2026-03-01T10:00:00Z" }],
    );
    await rebuildDailyActivity(db, otherWorkspace);

    const [c0, c1] = nyCustomers;
    await insertEvents(db, nyWorkspace, nyCustomers, [
      {
        customer: 0,
        type: "track",
        name: "Order Completed",
        at: "2026-03-20T12:00:00Z",
        properties: { order_id: "A9", revenue: 5 },
      },
      { customer: 1, type: "track", name: "Logged In", at: "2026-03-20T12:00:00Z" },
    ]);
    await rebuildDailyActivity(db, nyWorkspace, [c0!]);
    const rows = await readRollup(db, nyWorkspace);
    expect(rows.filter((r) => r.customerId === c0 && r.day === "2026-03-20")).toEqual([
      { customerId: c0, day: "2026-03-20", eventCount: 1, activeEventCount: 1, orderCount: 1, revenue: "5.00" },
    ]);
    // Customer 1 was not rebuilt, so its new event is not in the rollup yet.
    expect(rows.some((r) => r.customerId === c1 && r.day === "2026-03-20")).toBe(false);

    await rebuildDailyActivity(db, nyWorkspace, []);
    await rebuildDailyActivity(db, nyWorkspace, [c1!]);
    const incremental = await readRollup(db, nyWorkspace);
    await rebuildDailyActivity(db, nyWorkspace);
    expect(incremental).toEqual(await readRollup(db, nyWorkspace));
    expect(await readRollup(db, otherWorkspace)).toEqual([
      { customerId: other, day: "2026-03-01", eventCount: 1, activeEventCount: 1, orderCount: 0, revenue: "0.00" },
    ]);
  });

  it("equals a straightforward computation from raw events on random data", async () => {
    const db = database().db;
    const timeZone = "Asia/Kolkata";
    const workspaceId = await createWorkspace(db, "Random", timeZone);
    const ids = await createCustomers(db, workspaceId, 12);
    const random = new Random(42);
    const start = Date.parse("2026-01-01T00:00:00Z");
    const inputs: EventInput[] = [];
    for (let i = 0; i < 600; i++) {
      const type = random.weighted([
        ["track", 6],
        ["page", 3],
        ["screen", 1],
        ["identify", 1],
      ] as const);
      const isOrder = type === "track" && random.chance(0.3);
      const properties: Record<string, unknown> = {};
      if (isOrder) {
        if (random.chance(0.7)) properties.order_id = `o${random.int(1, 80)}`;
        if (random.chance(0.8)) properties.revenue = random.int(100, 9000) / 100;
        properties.total = random.int(100, 9000) / 100;
      }
      inputs.push({
        customer: random.int(0, ids.length - 1),
        type,
        name: isOrder ? "Order Completed" : type === "identify" ? undefined : "Something",
        at: new Date(start + random.int(0, 20 * 86_400_000)).toISOString(),
        properties,
      });
    }
    await insertEvents(db, workspaceId, ids, inputs);
    await rebuildDailyActivity(db, workspaceId);

    // The expected rows, computed here in JavaScript from the raw events as stored.
    const raw = await db
      .select()
      .from(events)
      .where(eq(events.workspaceId, workspaceId))
      .orderBy(asc(events.timestamp), asc(events.id));
    const expected = new Map<string, RollupRow & { revenueCents: number }>();
    const seenOrders = new Set<string>();
    for (const e of raw) {
      const day = localDate(e.timestamp, timeZone);
      const key = `${e.customerId}|${day}`;
      const row = expected.get(key) ?? {
        customerId: e.customerId,
        day,
        eventCount: 0,
        activeEventCount: 0,
        orderCount: 0,
        revenue: "",
        revenueCents: 0,
      };
      row.eventCount++;
      if (["track", "page", "screen"].includes(e.type)) row.activeEventCount++;
      if (e.type === "track" && e.name === "Order Completed") {
        const orderKey = `${e.customerId}|${String(e.properties.order_id ?? e.messageId)}`;
        if (!seenOrders.has(orderKey)) {
          seenOrders.add(orderKey);
          row.orderCount++;
          row.revenueCents += Math.round(Number(e.properties.revenue ?? e.properties.total) * 100);
        }
      }
      expected.set(key, row);
    }
    const expectedRows = [...expected.values()]
      .map(({ revenueCents, ...r }) => ({ ...r, revenue: (revenueCents / 100).toFixed(2) }))
      .sort((a, b) => a.customerId - b.customerId || a.day.localeCompare(b.day));
    expect(await readRollup(db, workspaceId)).toEqual(expectedRows);

    // And the activity counts agree with a plain GROUP BY in SQL.
    const grouped = await rows<{ n: number; events: number }>(
      db,
      sql`
      select count(*)::int as n, sum(c)::int as events from (
        select customer_id, (timestamp at time zone 'Asia/Kolkata')::date, count(*) as c
        from events where workspace_id = ${workspaceId} group by 1, 2
      ) g
    `,
    );
    expect(grouped[0]).toEqual({ n: expectedRows.length, events: 600 });
  });

  it("refreshCustomerFacts sets first and last seen from events", async () => {
    const db = database().db;
    await refreshCustomerFacts(db, nyWorkspace);
    const rows = await db
      .select({ id: customers.id, first: customers.firstSeenAt, last: customers.lastSeenAt })
      .from(customers)
      .where(and(eq(customers.workspaceId, nyWorkspace)))
      .orderBy(asc(customers.id));
    expect(rows).toEqual([
      { id: nyCustomers[0], first: new Date("2026-03-02T04:30:00Z"), last: new Date("2026-03-20T12:00:00Z") },
      { id: nyCustomers[1], first: new Date("2026-03-10T12:00:00Z"), last: new Date("2026-03-20T12:00:00Z") },
      { id: nyCustomers[2], first: new Date("2026-07-01T03:59:00Z"), last: new Date("2026-07-01T04:00:00Z") },
    ]);
    const [extra] = await createCustomers(db, nyWorkspace, 1);
    await refreshCustomerFacts(db, nyWorkspace, [extra!]);
    const [row] = await db
      .select({ first: customers.firstSeenAt })
      .from(customers)
      .where(and(eq(customers.workspaceId, nyWorkspace), eq(customers.id, extra!)));
    expect(row).toEqual({ first: null });
  });
});
