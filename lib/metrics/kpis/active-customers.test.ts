import { beforeAll, expect, it } from "vitest";
import { customerDailyActivity } from "@/lib/db/schema";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { activeCustomerCounts, customerChurnRate, customerRetentionRate, spanOf } from "./active-customers";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";

const march = { from: "2026-03-01", to: "2026-03-31" };

describeEachDatabase("KPIs: customer retention and churn rate", ({ database }) => {
  let subscriptions: MetricContext;
  let activity: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    // ── Workspace with subscriptions (UTC). Active = latest subscription event before the instant is not a
    // cancellation. P = March 2026: start 03-01T00:00Z, end 04-01T00:00Z.
    subscriptions = await kpiWorkspace(db);
    await addCustomers(db, subscriptions, [
      { id: 1 },
      { id: 2 },
      { id: 3 },
      { id: 4 },
      { id: 5 },
      { id: 6 },
      { id: 7, mergedInto: 1 },
      { id: 8 },
    ]);
    const started = (customer: number, at: string) => ({
      customer,
      name: "Subscription Started",
      at,
      properties: { mrr: 10 },
    });
    const cancelled = (customer: number, at: string) => ({ customer, name: "Subscription Cancelled", at });
    await addEvents(db, subscriptions, [
      started(1, "2026-01-10T00:00:00Z"), // 1: active throughout: retained
      started(2, "2026-01-15T00:00:00Z"), // 2: cancels in P: churned
      cancelled(2, "2026-03-10T00:00:00Z"),
      started(3, "2026-02-01T00:00:00Z"), // 3: left in February, back in March: active at the end, not new
      cancelled(3, "2026-02-20T00:00:00Z"),
      started(3, "2026-03-15T00:00:00Z"),
      started(4, "2026-03-05T00:00:00Z"), // 4: new in P, active at the end
      started(5, "2026-03-06T00:00:00Z"), // 5: new in P, gone again before the end
      cancelled(5, "2026-03-25T00:00:00Z"),
      started(6, "2026-02-10T00:00:00Z"), // 6: cancels and comes back within P: retained
      cancelled(6, "2026-03-02T00:00:00Z"),
      started(6, "2026-03-20T00:00:00Z"),
      started(7, "2026-01-01T00:00:00Z"), // 7: merged into 1: never counted
      started(8, "2026-03-01T00:00:00Z"), // 8: starts at the very first instant of P: new, not active at the start
    ]);

    // ── Workspace without subscriptions: active = an active day in the 30 days before the instant.
    activity = await kpiWorkspace(db, "UTC", { inactivityWindowDays: 30 });
    await addCustomers(db, activity, [{ id: 11 }, { id: 12 }, { id: 13 }, { id: 14 }, { id: 15 }, { id: 16 }]);
    const day = (customerId: number, d: string, activeEventCount = 1) => ({
      workspaceId: activity.workspaceId,
      customerId,
      day: d,
      eventCount: 1,
      activeEventCount,
    });
    // Start of P (03-01) looks at 01-30 … 02-28; its end (04-01) at 03-02 … 03-31.
    await db.insert(customerDailyActivity).values([
      day(11, "2026-02-15"),
      day(11, "2026-03-25"), // 11: active at both: retained
      day(12, "2026-02-10"), // 12: active at the start only: churned
      day(13, "2026-01-20"),
      day(13, "2026-03-10"), // 13: active at the end only, first seen before P: not new
      day(14, "2026-03-03"), // 14: first active in P: new
      day(15, "2026-01-30"), // 15: the window's first day still counts at the start: churned
      day(16, "2026-02-20", 0), // 16: only an identify: never active
    ]);
  });

  it("subscriptions: S, E, N by hand", async () => {
    const { basis, counts } = await activeCustomerCounts(database().db, subscriptions, [spanOf(march)]);
    expect(basis).toBe("subscription");
    // S = {1, 2, 6} = 3; E = {1, 3, 4, 6, 8} = 5; retained = {1, 6} = 2; N = {4, 5, 8} = 3.
    expect(counts[0]).toEqual({ startActive: 3, endActive: 5, retained: 2, acquired: 3 });
    // CRR = (5 − 3) / 3 = 2/3 (customer 5 was acquired and left within P: it lowers CRR, as the formula does);
    // churn = customer 2 of 3 = 1/3.
    expect(customerRetentionRate(counts[0]!)).toBeCloseTo(2 / 3, 10);
    expect(customerChurnRate(counts[0]!)).toBeCloseTo(1 / 3, 10);
  });

  it("no subscriptions: activity within the inactivity window", async () => {
    const { basis, counts } = await activeCustomerCounts(database().db, activity, [spanOf(march)]);
    expect(basis).toBe("activity");
    // S = {11, 12, 15} = 3; E = {11, 13, 14} = 3; retained = {11}; N = {14}.
    expect(counts[0]).toEqual({ startActive: 3, endActive: 3, retained: 1, acquired: 1 });
    // CRR = (3 − 1) / 3 = 2/3; churn = {12, 15} / 3 = 2/3.
    expect(customerRetentionRate(counts[0]!)).toBeCloseTo(2 / 3, 10);
    expect(customerChurnRate(counts[0]!)).toBeCloseTo(2 / 3, 10);
  });

  it("subscriptions: several periods at once, repeated cancellations and events on the boundary instant", async () => {
    const db = database().db;
    const context = await kpiWorkspace(db);
    await addCustomers(db, context, [{ id: 21 }, { id: 22 }, { id: 23 }, { id: 24 }, { id: 25 }]);
    const sub = (customer: number, name: string, at: string, mrr?: number) => ({
      customer,
      name: `Subscription ${name}`,
      at,
      properties: mrr === undefined ? {} : { mrr },
    });
    await addEvents(db, context, [
      // 21: gone before March, back and gone again within it: not active at either end of March.
      sub(21, "Started", "2026-01-10T00:00:00Z", 10),
      sub(21, "Cancelled", "2026-02-15T00:00:00Z"),
      sub(21, "Started", "2026-03-05T00:00:00Z", 10),
      sub(21, "Cancelled", "2026-03-20T00:00:00Z"),
      // 22: cancels twice in March (back in between): churned once.
      sub(22, "Started", "2026-01-10T00:00:00Z", 10),
      sub(22, "Cancelled", "2026-03-10T00:00:00Z"),
      sub(22, "Started", "2026-03-12T00:00:00Z", 10),
      sub(22, "Cancelled", "2026-03-25T00:00:00Z"),
      // 23: changes plan twice and stays.
      sub(23, "Started", "2026-02-01T00:00:00Z", 10),
      sub(23, "Changed", "2026-02-20T00:00:00Z", 20),
      sub(23, "Changed", "2026-03-15T00:00:00Z", 30),
      // 24: starts at the first instant of March: acquired in March, not active at its start.
      sub(24, "Started", "2026-03-01T00:00:00Z", 10),
      // 25: cancels at the first instant of March: still active at that instant (no event before it says
      // otherwise), gone at the end.
      sub(25, "Started", "2026-02-01T00:00:00Z", 10),
      sub(25, "Cancelled", "2026-03-01T00:00:00Z"),
    ]);
    const { counts } = await activeCustomerCounts(db, context, [
      spanOf({ from: "2026-02-01", to: "2026-02-28" }),
      spanOf(march),
    ]);
    // February: S = {21, 22} (23 and 25 start at its first instant); E = {22, 23, 25}; retained = {22};
    // N = {23, 25}.
    expect(counts[0]).toEqual({ startActive: 2, endActive: 3, retained: 1, acquired: 2 });
    // March: S = {22, 23, 25}; E = {23, 24}; retained = {23}; N = {24}.
    expect(counts[1]).toEqual({ startActive: 3, endActive: 2, retained: 1, acquired: 1 });
  });

  it("has no rates when nobody was active at the start", async () => {
    const { counts } = await activeCustomerCounts(database().db, subscriptions, [
      spanOf({ from: "2025-01-01", to: "2025-01-31" }),
    ]);
    expect(counts[0]).toEqual({ startActive: 0, endActive: 0, retained: 0, acquired: 0 });
    expect(customerRetentionRate(counts[0]!)).toBeNull();
    expect(customerChurnRate(counts[0]!)).toBeNull();
  });
});
