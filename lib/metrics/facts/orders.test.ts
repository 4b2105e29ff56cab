import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { orderStats } from "@/lib/metrics/kpis/orders";
import type { DateRange } from "@/lib/metrics/kpis/period";
import { localDate } from "@/lib/metrics/periods";
import { saveMetricSettings } from "@/lib/metrics/save-settings";
import { DEFAULT_METRIC_SETTINGS, loadMetricContext, type MetricSettings } from "@/lib/metrics/settings";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildOrderFacts } from "./orders";

type Purchase = MetricSettings["purchase"];

const SETTINGS: { name: string; purchase: Purchase }[] = [
  { name: "default names", purchase: DEFAULT_METRIC_SETTINGS.purchase },
  {
    name: "renamed event and properties, no fallback or discount",
    purchase: {
      event: "Purchase",
      revenueProperty: "amount",
      fallbackRevenueProperty: null,
      discountProperty: null,
      orderIdProperty: "ref",
    },
  },
  { name: "no order id property", purchase: { ...DEFAULT_METRIC_SETTINGS.purchase, orderIdProperty: null } },
];

async function createWorkspace(db: Db, name: string, purchase: Purchase): Promise<string> {
  const [w] = await db
    .insert(workspaces)
    .values({ name, timeZone: "America/New_York", settings: { metrics: { ...DEFAULT_METRIC_SETTINGS, purchase } } })
    .returning({ id: workspaces.id });
  return w!.id;
}

async function ingest(db: Db, workspaceId: string, messages: readonly unknown[]) {
  await ingestBatch(
    db,
    { workspaceId, sourceId: null },
    messages.map((raw) => ({ raw })),
  );
}

/** A purchase property value: a number, a numeric string, or something that is not an amount. */
function randomAmount(random: Random): unknown {
  const cents = random.int(-500, 20_000);
  return [cents / 100, (cents / 100).toFixed(2), undefined, "n/a", null][random.int(0, 4)];
}

/** An order id: shared across events (repeats, retries with other amounts), empty, missing, or a number. */
function randomOrderId(random: Random): unknown {
  return [`o${random.int(0, 5)}`, `o${random.int(0, 5)}`, "", undefined, random.int(1, 3), null][random.int(0, 5)];
}

/**
 * Random traffic: anonymous and identified, identifies and aliases that merge profiles, purchase events under
 * both the default and the renamed names (so one of them is not an order), page views named like the purchase
 * event, timestamps in random order over 60 days, and every third batch sent again (a client retry).
 */
function randomBatches(seed: number): unknown[][] {
  const random = new Random(seed);
  const users = ["u1", "u2", "u3", "u4", "u5"];
  const anons = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"];
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)]!;
  const batches: unknown[][] = [];
  let n = 0;
  for (let b = 0; b < 14; b++) {
    const batch: unknown[] = [];
    const size = random.int(1, 25);
    for (let i = 0; i < size; i++) {
      n++;
      const hasUser = random.next() < 0.5;
      const hasAnon = !hasUser || random.next() < 0.5;
      const type = pick(["track", "track", "track", "track", "page", "identify", "alias"] as const);
      const base = {
        messageId: `m${seed}-${n}`,
        timestamp: new Date(Date.parse("2026-03-01T00:00:00Z") + random.int(0, 60 * 86_400 - 1) * 1000).toISOString(),
        ...(hasUser || type === "alias" ? { userId: pick(users) } : {}),
        ...(hasAnon ? { anonymousId: pick(anons) } : {}),
      };
      if (type === "alias") batch.push({ ...base, type, previousId: random.next() < 0.5 ? pick(anons) : pick(users) });
      else if (type === "identify") batch.push({ ...base, type, traits: { plan: pick(["a", "b"]) } });
      else if (type === "page") batch.push({ ...base, type, name: pick(["Home", "Order Completed", "Purchase"]) });
      else {
        const event = pick(["Order Completed", "Order Completed", "Purchase", "Purchase", "Logged In"]);
        const orderId = randomOrderId(random);
        const properties = {
          order_id: orderId,
          ref: orderId,
          revenue: randomAmount(random),
          total: randomAmount(random),
          amount: randomAmount(random),
          discount: randomAmount(random),
        };
        batch.push({ ...base, type, event, properties });
      }
    }
    batches.push(batch);
    if (b % 3 === 2) batches.push(batch, batches[batches.length - 2]!);
  }
  return batches;
}

/** The jsonNumber rule (lib/metrics/kpis/sql.ts) in cents: JSON numbers and numeric strings count. */
function cents(value: unknown): number | null {
  if (typeof value === "number") return Math.abs(value) < 1e12 ? Math.round(value * 100) : null;
  if (typeof value === "string" && /^\s*-?[0-9]{1,12}(\.[0-9]+)?\s*$/.test(value))
    return Math.round(Number(value.trim()) * 100);
  return null;
}

type RawEvent = {
  id: number;
  message_id: string;
  customer_id: number;
  type: string;
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: string | Date;
};

type ReferenceOrder = { customer: number; key: string; eventId: number; at: Date; revenue: number; discount: number };

/** The orders as METRICS.md defines them, from raw events in plain TypeScript: the earliest copy per key. */
function referenceOrders(events: readonly RawEvent[], purchase: Purchase): ReferenceOrder[] {
  const orders = new Map<string, ReferenceOrder>();
  for (const e of events) {
    if (e.type !== "track" || e.name !== purchase.event) continue;
    const id = purchase.orderIdProperty === null ? null : e.properties[purchase.orderIdProperty];
    const key = id === null || id === undefined || id === "" ? e.message_id : String(id);
    const revenue =
      cents(e.properties[purchase.revenueProperty]) ??
      (purchase.fallbackRevenueProperty === null ? null : cents(e.properties[purchase.fallbackRevenueProperty]));
    const discount = purchase.discountProperty === null ? null : cents(e.properties[purchase.discountProperty]);
    const copy = {
      customer: Number(e.customer_id),
      key,
      eventId: Number(e.id),
      at: new Date(e.timestamp),
      revenue: revenue ?? 0,
      discount: discount ?? 0,
    };
    const seen = orders.get(`${copy.customer}|${key}`);
    const earlier =
      !seen || copy.at < seen.at || (copy.at.getTime() === seen.at.getTime() && copy.eventId < seen.eventId);
    if (earlier) orders.set(`${copy.customer}|${key}`, copy);
  }
  return [...orders.values()];
}

/** Orders with a copy stored before their earliest copy (a smaller event id, a later timestamp). */
function lateEarliestCopies(events: readonly RawEvent[], orders: readonly ReferenceOrder[], purchase: Purchase) {
  const firstStored = new Map<string, number>();
  for (const e of events) {
    if (e.type !== "track" || e.name !== purchase.event || purchase.orderIdProperty === null) continue;
    const id = e.properties[purchase.orderIdProperty];
    const key = `${e.customer_id}|${id === null || id === undefined || id === "" ? e.message_id : String(id)}`;
    firstStored.set(key, Math.min(firstStored.get(key) ?? Number(e.id), Number(e.id)));
  }
  return orders.filter((o) => (firstStored.get(`${o.customer}|${o.key}`) ?? o.eventId) < o.eventId).length;
}

/** orderStats by hand: orders whose earliest copy falls on a local day of the period. Amounts in cents. */
function referenceStats(orders: readonly ReferenceOrder[], periods: readonly DateRange[], timeZone: string) {
  return periods.map((p) => {
    const inPeriod = orders.filter((o) => {
      const day = localDate(o.at, timeZone);
      return day >= p.from && day <= p.to;
    });
    const perCustomer = new Map<number, number>();
    for (const o of inPeriod) perCustomer.set(o.customer, (perCustomer.get(o.customer) ?? 0) + 1);
    return {
      orders: inPeriod.length,
      revenue: inPeriod.reduce((s, o) => s + o.revenue, 0),
      discount: inPeriod.reduce((s, o) => s + o.discount, 0),
      customers: perCustomer.size,
      repeatCustomers: [...perCustomer.values()].filter((count) => count >= 2).length,
    };
  });
}

const WEEKS: DateRange[] = Array.from({ length: 10 }, (_, i) => {
  const monday = Date.parse("2026-02-23T00:00:00Z") + i * 7 * 86_400_000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(monday), to: iso(monday + 6 * 86_400_000) };
});
const THIRTY_DAYS: DateRange[] = [
  { from: "2026-03-08", to: "2026-04-06" },
  { from: "2026-04-07", to: "2026-05-06" },
];

async function orderRows(db: Db, workspaceId: string) {
  return rows(
    db,
    sql`select customer_id::int, order_key, event_id::int, at, revenue::text, discount::text
        from customer_orders where workspace_id = ${workspaceId} order by customer_id, order_key collate "C"`,
  );
}

describeEachDatabase("customer_orders kept by ingest equals a rebuild from raw events", ({ database }) => {
  SETTINGS.forEach(({ name, purchase }, s) => {
    for (const seed of [1, 2]) {
      it(`random stream #${seed}, ${name}`, async () => {
        const db = database().db;
        const workspaceId = await createWorkspace(db, `orders ${s}-${seed}`, purchase);
        for (const batch of randomBatches(seed * 10 + s)) await ingest(db, workspaceId, batch);
        const context = await loadMetricContext(db, workspaceId);

        const kept = await orderRows(db, workspaceId);
        await rebuildOrderFacts(db, context);
        expect(kept).toEqual(await orderRows(db, workspaceId));

        const events = await rows<RawEvent>(
          db,
          sql`select e.id, e.message_id, e.customer_id, e.type, e.name, e.properties, e.timestamp
              from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
              where e.workspace_id = ${workspaceId} and c.merged_into is null`,
        );
        const orders = referenceOrders(events, purchase);
        expect(kept.map((r) => `${r.customer_id}|${r.order_key}|${r.event_id}`).sort()).toEqual(
          orders.map((o) => `${o.customer}|${o.key}|${o.eventId}`).sort(),
        );
        for (const periods of [WEEKS, THIRTY_DAYS]) {
          const stats = await orderStats(db, context, periods);
          const inCents = stats.map((x) => ({
            ...x,
            revenue: Math.round(x.revenue * 100),
            discount: Math.round(x.discount * 100),
          }));
          expect(inCents).toEqual(referenceStats(orders, periods, context.timeZone));
        }

        // The stream did exercise what makes orders hard: merges, and orders whose earliest copy arrived after a
        // later copy (so ingest had to replace the row rather than insert it).
        const [shape] = await rows<{ merged: number }>(
          db,
          sql`select count(*)::int as merged from customers where workspace_id = ${workspaceId} and merged_into is not null`,
        );
        expect(shape!.merged).toBeGreaterThan(0);
        expect(orders.length).toBeGreaterThan(10);
        if (purchase.orderIdProperty !== null) expect(lateEarliestCopies(events, orders, purchase)).toBeGreaterThan(0);
      });
    }
  });
});

describeEachDatabase("customer_orders follows the purchase settings", ({ database }) => {
  it("a saved change of the purchase event and properties rebuilds the orders, and ingest follows it", async () => {
    const db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: "settings", timeZone: "UTC" })
      .returning({ id: workspaces.id });
    const workspaceId = w!.id;
    const track = (messageId: string, userId: string, event: string, timestamp: string, properties: object) => ({
      type: "track",
      messageId,
      userId,
      event,
      timestamp,
      properties,
    });
    await ingest(db, workspaceId, [
      track("m1", "u1", "Order Completed", "2026-03-02T10:00:00Z", { order_id: "A", revenue: 10 }),
      track("m2", "u1", "Purchase", "2026-03-03T10:00:00Z", { ref: "P1", amount: 25 }),
      track("m3", "u2", "Purchase", "2026-03-04T10:00:00Z", { ref: "P2", amount: "12.50" }),
      track("m4", "u2", "Purchase", "2026-03-05T10:00:00Z", { amount: 5 }),
      track("m5", "u2", "Order Completed", "2026-03-06T10:00:00Z", { order_id: "B", total: 40, discount: 4 }),
    ]);
    // P1 again, sent later but timed earlier, with another amount: its earliest copy is this one.
    await ingest(db, workspaceId, [track("m6", "u1", "Purchase", "2026-03-01T10:00:00Z", { ref: "P1", amount: 99 })]);
    const march = [{ from: "2026-03-01", to: "2026-03-31" }];

    // Default names: A (10) and B (40 from total, discount 4).
    const before = await loadMetricContext(db, workspaceId);
    expect(await orderStats(db, before, march)).toEqual([
      { orders: 2, revenue: 50, discount: 4, customers: 2, repeatCustomers: 0 },
    ]);

    await saveMetricSettings(db, workspaceId, null, {
      ...DEFAULT_METRIC_SETTINGS,
      timeZone: "UTC",
      purchase: {
        event: "Purchase",
        revenueProperty: "amount",
        fallbackRevenueProperty: null,
        discountProperty: null,
        orderIdProperty: "ref",
      },
    });
    const after = await loadMetricContext(db, workspaceId);
    // Purchase events: P1 at its 03-01 copy (99), P2 (12.50), and m4 without a ref, its own order (5).
    expect(await orderRows(db, workspaceId)).toMatchObject([
      { order_key: "P1", revenue: "99", discount: null },
      { order_key: "P2", revenue: "12.50", discount: null },
      { order_key: "m4", revenue: "5", discount: null },
    ]);
    expect(await orderStats(db, after, march)).toEqual([
      { orders: 3, revenue: 116.5, discount: 0, customers: 2, repeatCustomers: 1 },
    ]);

    // New purchase events are kept under the new names; an Order Completed no longer is an order.
    await ingest(db, workspaceId, [
      track("m7", "u3", "Purchase", "2026-03-10T10:00:00Z", { ref: "P3", amount: 7 }),
      track("m8", "u3", "Order Completed", "2026-03-11T10:00:00Z", { order_id: "C", revenue: 70 }),
    ]);
    expect(await orderStats(db, after, march)).toEqual([
      { orders: 4, revenue: 123.5, discount: 0, customers: 3, repeatCustomers: 1 },
    ]);
  });
});
