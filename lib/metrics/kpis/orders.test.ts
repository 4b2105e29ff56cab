import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";
import { averageOrderValue, orderStats, repeatPurchaseRate } from "./orders";
import { previousRange } from "./period";

describeEachDatabase("KPIs: orders, AOV and repeat purchase rate", ({ database }) => {
  // New York. P = March 2026 (EST until 03-08, EDT after): it begins 2026-03-01T05:00Z and ends
  // 2026-04-01T04:00Z. The previous period is the 31 days before it: 2026-01-29 … 2026-02-28.
  const march = { from: "2026-03-01", to: "2026-03-31" };
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db, "America/New_York");
    await addCustomers(db, context, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, mergedInto: 1 }]);
    const order = (customer: number, at: string, properties: Record<string, unknown>) => ({
      customer,
      name: "Order Completed",
      at,
      properties,
    });
    await addEvents(db, context, [
      // customer 1: order A sent twice (a client retry 30 s later) counts once; order B
      order(1, "2026-03-05T15:00:00Z", { order_id: "A", revenue: 100, discount: 10, total: 90 }),
      order(1, "2026-03-05T15:00:30Z", { order_id: "A", revenue: 100, discount: 10, total: 90 }),
      order(1, "2026-03-20T15:00:00Z", { order_id: "B", revenue: "50.00" }),
      // customer 2: order C at 23:30 on the last day of P in New York (03:30Z the next day): in P; only `total`
      order(2, "2026-04-01T03:30:00Z", { order_id: "C", total: 40 }),
      // customer 3: 00:30 on the day after P (not in P), and 23:30 on the day before P (the previous period)
      order(3, "2026-04-01T04:30:00Z", { order_id: "D", revenue: 999 }),
      order(3, "2026-03-01T04:30:00Z", { order_id: "E", revenue: 60 }),
      // customer 4: order F in P; order G in February, sent again in March: it stays a February order
      order(4, "2026-03-10T12:00:00Z", { order_id: "F", revenue: 30, discount: 5 }),
      order(4, "2026-02-20T12:00:00Z", { order_id: "G", revenue: 20 }),
      order(4, "2026-03-02T12:00:00Z", { order_id: "G", revenue: 20 }),
      // customer 5 was merged into customer 1: a stray event left on the merged profile does not count
      order(5, "2026-03-06T12:00:00Z", { order_id: "H", revenue: 1000 }),
      // not an order: another event name, and an identify
      { customer: 2, name: "Order Viewed", at: "2026-03-06T12:00:00Z", properties: { revenue: 500 } },
    ]);
  });

  it("counts orders once by order_id, in the workspace's days, with discounts and the total fallback", async () => {
    const [previous, current] = await orderStats(database().db, context, [previousRange(march), march]);
    // March: A (100 − 10), B (50), C (40 from total), F (30 − 5) = 4 orders, revenue 220, discount 15.
    expect(current).toEqual({ orders: 4, revenue: 220, discount: 15, customers: 3, repeatCustomers: 1 });
    // AOV = (220 − 15) / 4 = 51.25; repeat purchase rate = customer 1 of customers 1, 2, 4 = 1/3.
    expect(averageOrderValue(current!)).toBe(51.25);
    expect(repeatPurchaseRate(current!)).toBeCloseTo(1 / 3, 10);
    // Previous (01-29 … 02-28): G (20) and E (60, 23:30 on 02-28 in New York): AOV 40, nobody ordered twice.
    expect(previous).toEqual({ orders: 2, revenue: 80, discount: 0, customers: 2, repeatCustomers: 0 });
    expect(averageOrderValue(previous!)).toBe(40);
    expect(repeatPurchaseRate(previous!)).toBe(0);
  });

  it("has no AOV and no repeat rate without orders", async () => {
    const [empty] = await orderStats(database().db, context, [{ from: "2025-01-01", to: "2025-01-31" }]);
    expect(empty).toEqual({ orders: 0, revenue: 0, discount: 0, customers: 0, repeatCustomers: 0 });
    expect(averageOrderValue(empty!)).toBeNull();
    expect(repeatPurchaseRate(empty!)).toBeNull();
  });

  it("treats every event as its own order when no order id property is configured", async () => {
    const withoutIds = {
      ...context,
      settings: { ...context.settings, purchase: { ...context.settings.purchase, orderIdProperty: null } },
    };
    const [current] = await orderStats(database().db, withoutIds, [march]);
    // A twice, B, C, F, and G's March copy: 6 orders; revenue 100 + 100 + 50 + 40 + 30 + 20 = 340.
    expect(current).toMatchObject({ orders: 6, revenue: 340, discount: 25 });
  });
});
