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

  it("has no rates when nobody was active at the start", async () => {
    const { counts } = await activeCustomerCounts(database().db, subscriptions, [
      spanOf({ from: "2025-01-01", to: "2025-01-31" }),
    ]);
    expect(counts[0]).toEqual({ startActive: 0, endActive: 0, retained: 0, acquired: 0 });
    expect(customerRetentionRate(counts[0]!)).toBeNull();
    expect(customerChurnRate(counts[0]!)).toBeNull();
  });
});
