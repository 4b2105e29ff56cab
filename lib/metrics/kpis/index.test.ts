import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";
import { computeKpis, kpiSeries } from "./index";

describeEachDatabase("KPIs: computeKpis, LTV, LTV:CAC and series", ({ database }) => {
  // "now" is 2026-07-15, so June 2026 is complete.
  const now = new Date("2026-07-15T12:00:00Z");
  const june = { from: "2026-06-01", to: "2026-06-30" };
  let context: MetricContext;
  let noChurn: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db, "UTC", {
      cac: [
        // June: a workspace-wide entry counting June's signups (11 and 12); the paid entry is part of that total
        { month: "2026-06", channel: null, spend: 1200, customersAcquired: null },
        { month: "2026-06", channel: "paid", spend: 999, customersAcquired: 1 },
        // May: per channel; organic counts May's organic signups (13)
        { month: "2026-05", channel: "paid", spend: 300, customersAcquired: 3 },
        { month: "2026-05", channel: "organic", spend: 0, customersAcquired: null },
      ],
    });
    await addCustomers(db, context, [
      { id: 1 },
      { id: 2 },
      { id: 3 },
      { id: 4 },
      { id: 11 },
      { id: 12 },
      { id: 13, traits: { acquisition_channel: "organic" } },
      { id: 14, traits: { acquisition_channel: "paid" } },
    ]);
    await addEvents(db, context, [
      // four subscribers at 100 since mid-December; 4 cancels in February
      ...[1, 2, 3, 4].map((customer) => ({
        customer,
        name: "Subscription Started",
        at: "2025-12-15T00:00:00Z",
        properties: { mrr: 100 },
      })),
      { customer: 4, name: "Subscription Cancelled", at: "2026-02-10T00:00:00Z" },
      { customer: 11, name: "Signed Up", at: "2026-06-03T00:00:00Z" },
      { customer: 12, name: "Signed Up", at: "2026-06-20T00:00:00Z" },
      { customer: 13, name: "Signed Up", at: "2026-05-10T00:00:00Z" },
      { customer: 14, name: "Signed Up", at: "2026-05-11T00:00:00Z" },
    ]);

    noChurn = await kpiWorkspace(db, "UTC", {
      cac: [{ month: "2026-06", channel: null, spend: 100, customersAcquired: 2 }],
    });
    await addCustomers(db, noChurn, [{ id: 1 }, { id: 2 }]);
    await addEvents(
      db,
      noChurn,
      [1, 2].map((customer) => ({
        customer,
        name: "Subscription Started",
        at: "2025-12-01T00:00:00Z",
        properties: { mrr: 50 },
      })),
    );
  });

  it("LTV from 6 trailing complete months of churn, and LTV:CAC with CAC from settings", async () => {
    const kpis = await computeKpis(database().db, context, june, { now });
    expect(kpis.previousRange).toEqual({ from: "2026-05-02", to: "2026-05-31" });
    // Monthly churn Jan–Jun 2026: 0, 1/4 (customer 4 in February), 0, 0, 0, 0: average 0.25 / 6.
    // ARPA at the end of June = 300 / 3 = 100; LTV = 100 / (0.25 / 6) = 2400.
    expect(kpis.ltv.churnMonths.map((m) => m.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    expect(kpis.ltv.monthlyChurnRate).toBeCloseTo(0.25 / 6, 12);
    expect(kpis.ltv.value).toBeCloseTo(2400, 6);
    // CAC June = 1200 / 2 signups = 600; LTV:CAC = 4.
    expect(kpis.ltvToCac).toMatchObject({ cac: 600, spend: 1200, customersAcquired: 2, cacMonths: ["2026-06"] });
    expect(kpis.ltvToCac.value).toBeCloseTo(4, 10);
    // Previous (05-02 … 05-31): months Dec 2025 (nobody active at its start: no rate) … May: average of
    // 0, 0.25, 0, 0, 0 = 0.05; LTV = 100 / 0.05 = 2000. CAC May = (300 + 0) / (3 + 1 organic signup) = 75;
    // LTV:CAC = 2000 / 75.
    expect(kpis.ltv.previous).toBeCloseTo(2000, 6);
    expect(kpis.ltvToCac.previous).toBeCloseTo(2000 / 75, 10);
    // June itself: everyone active at the start still is, nobody new.
    expect(kpis.churnRate).toMatchObject({ value: 0, startActive: 3, churned: 0 });
    expect(kpis.customerRetentionRate).toMatchObject({ value: 1, newCustomers: 0 });
    expect(kpis.mrr).toMatchObject({ value: 300, previous: 300, startMrr: 300 });
    expect(kpis.arpa).toMatchObject({ value: 100, payingCustomers: 3 });
    expect(kpis.activeCustomerBasis).toBe("subscription");
  });

  it("LTV and LTV:CAC are undefined (null) at zero churn", async () => {
    const kpis = await computeKpis(database().db, noChurn, june, { now });
    expect(kpis.ltv.monthlyChurnRate).toBe(0);
    expect(kpis.ltv.value).toBeNull();
    expect(kpis.ltvToCac).toMatchObject({ value: null, cac: 50 });
    expect(kpis.arpa.value).toBe(50);
  });

  it("returns every KPI with value and previous, null where there is nothing to divide by", async () => {
    const kpis = await computeKpis(database().db, noChurn, june, { now });
    expect(kpis.averageOrderValue).toEqual({ value: null, previous: null, orders: 0, revenue: 0, discount: 0 });
    expect(kpis.nps).toEqual({ value: null, previous: null, promoters: 0, passives: 0, detractors: 0, responses: 0 });
    expect(kpis.featureActivation.map((f) => f.event)).toEqual(context.settings.coreFeatureEvents);
  });

  it("gives one value per week for sparklines", async () => {
    const series = await kpiSeries(database().db, context, june, "week", { now });
    expect(series.buckets).toEqual([
      { from: "2026-06-01", to: "2026-06-07" },
      { from: "2026-06-08", to: "2026-06-14" },
      { from: "2026-06-15", to: "2026-06-21" },
      { from: "2026-06-22", to: "2026-06-28" },
      { from: "2026-06-29", to: "2026-06-30" },
    ]);
    expect(series.values.mrr).toEqual([300, 300, 300, 300, 300]);
    expect(series.values.churnRate).toEqual([0, 0, 0, 0, 0]);
    expect(series.featureActivation["Box Customized"]).toHaveLength(5);
  });
});
