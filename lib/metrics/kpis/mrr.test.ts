import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";
import { averageRevenuePerAccount, grossMrrChurn, mrrStats, netMrrChurn } from "./mrr";

describeEachDatabase("KPIs: MRR, movements, gross and net MRR churn, ARPA", ({ database }) => {
  const march = { from: "2026-03-01", to: "2026-03-31" };
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db);
    await addCustomers(
      db,
      context,
      [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id })),
    );
    const sub = (customer: number, name: string, at: string, properties: Record<string, unknown> = {}) => ({
      customer,
      name: `Subscription ${name}`,
      at,
      properties,
    });
    await addEvents(db, context, [
      sub(1, "Started", "2026-01-05T00:00:00Z", { mrr: 30 }), // 30 → 50: expansion 20
      sub(1, "Changed", "2026-03-10T00:00:00Z", { mrr: 50 }),
      sub(2, "Started", "2026-01-05T00:00:00Z", { mrr: 50 }), // 50 → 20: contraction 30
      sub(2, "Changed", "2026-03-12T00:00:00Z", { mrr: "20" }),
      // annual plan without an mrr property: 240 / 12 = 20 a month; cancelled in P: churn 20
      sub(3, "Started", "2026-02-01T00:00:00Z", { amount: 240, interval: "year" }),
      sub(3, "Cancelled", "2026-03-15T00:00:00Z", { amount: 240, interval: "year" }),
      // new annual subscriber in P: 600 / 12 = 50
      sub(4, "Started", "2026-03-03T00:00:00Z", { amount: 600, interval: "year" }),
      // paid in 2025, cancelled, back in P: reactivation 40
      sub(5, "Started", "2025-10-01T00:00:00Z", { mrr: 40 }),
      sub(5, "Cancelled", "2025-12-01T00:00:00Z"),
      sub(5, "Started", "2026-03-20T00:00:00Z", { mrr: 40, reactivation: true }),
      // a renewal at the same price moves nothing
      sub(6, "Started", "2026-02-10T00:00:00Z", { mrr: 25 }),
      sub(6, "Renewed", "2026-03-10T00:00:00Z", { mrr: 25 }),
      // monthly amount without mrr: 15; starts and upgrades after P (not in it)
      sub(7, "Started", "2026-04-01T00:00:00Z", { amount: 15, interval: "month" }),
    ]);
  });

  it("computes movements that add up, with an annual plan ÷ 12 and a reactivation", async () => {
    const [march2026] = await mrrStats(database().db, context, [march]);
    // Start (03-01): 1 (30) + 2 (50) + 3 (20) + 6 (25) = 125; 5 had cancelled.
    // End (04-01T00:00Z, exclusive): 1 (50) + 2 (20) + 4 (50) + 5 (40) + 6 (25) = 185; 3 cancelled, 7 starts at
    // the end instant itself, which belongs to April.
    expect(march2026).toEqual({
      startMrr: 125,
      endMrr: 185,
      payingCustomers: 5,
      movements: { new: 50, reactivation: 40, expansion: 20, contraction: 30, churn: 20 },
    });
    // 125 + 50 + 40 + 20 − 30 − 20 = 185
    // Gross = (20 + 30) / 125 = 0.4; net = (20 + 30 − 20 − 40) / 125 = −0.08 (negative: expansion and
    // reactivation outweigh the losses); ARPA = 185 / 5 = 37.
    expect(grossMrrChurn(march2026!)).toBeCloseTo(0.4, 10);
    expect(netMrrChurn(march2026!)).toBeCloseTo(-0.08, 10);
    expect(averageRevenuePerAccount(march2026!)).toBe(37);
  });

  it("has no MRR churn rates without MRR at the start", async () => {
    const [before] = await mrrStats(database().db, context, [{ from: "2025-01-01", to: "2025-01-31" }]);
    expect(before).toMatchObject({ startMrr: 0, endMrr: 0, payingCustomers: 0 });
    expect(grossMrrChurn(before!)).toBeNull();
    expect(netMrrChurn(before!)).toBeNull();
    expect(averageRevenuePerAccount(before!)).toBeNull();
  });

  it("tells a first subscription (new) from a return (reactivation) across periods", async () => {
    const [oct, dec] = await mrrStats(database().db, context, [
      { from: "2025-10-01", to: "2025-10-31" },
      { from: "2025-12-01", to: "2025-12-31" },
    ]);
    expect(oct?.movements).toEqual({ new: 40, reactivation: 0, expansion: 0, contraction: 0, churn: 0 });
    expect(dec?.movements).toEqual({ new: 0, reactivation: 0, expansion: 0, contraction: 0, churn: 40 });
  });
});
