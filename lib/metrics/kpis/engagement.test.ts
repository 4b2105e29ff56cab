import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { engagementStats, onboardingCompletionRate, percentile, reachRate } from "./engagement";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (base: string, offsetMs: number) => new Date(Date.parse(base) + offsetMs).toISOString();

describeEachDatabase("KPIs: time to first value, onboarding completion, feature activation", ({ database }) => {
  const march = { from: "2026-03-01", to: "2026-03-31" };
  // "now": 2026-04-10. Customer 5's 14-day window (from 03-30) is still open.
  const now = new Date("2026-04-10T00:00:00Z");
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db, "UTC", {
      signupEvent: "Signed Up",
      activationEvents: ["Activated"],
      onboardingSteps: ["Step 1", "Step 2", "Step 3"],
      coreFeatureEvents: ["Feature A", "Feature B"],
      onboardingWindowDays: 14,
    });
    await addCustomers(db, context, [...[1, 2, 3, 4, 5, 6, 7].map((id) => ({ id })), { id: 8, mergedInto: 1 }]);
    const s1 = "2026-03-01T00:00:00Z";
    const s2 = "2026-03-02T00:00:00Z";
    const s3 = "2026-03-03T00:00:00Z";
    const s4 = "2026-03-04T00:00:00Z";
    const s5 = "2026-03-30T00:00:00Z";
    const e = (customer: number, name: string, when: string) => ({ customer, name, at: when });
    await addEvents(db, context, [
      // 1: activated after 1 h; all steps by day 2; feature A on day 3
      e(1, "Signed Up", s1),
      e(1, "Activated", at(s1, HOUR)),
      e(1, "Activated", at(s1, 5 * HOUR)),
      e(1, "Step 1", at(s1, HOUR)),
      e(1, "Step 2", at(s1, DAY)),
      e(1, "Step 3", at(s1, 2 * DAY)),
      e(1, "Feature A", at(s1, 3 * DAY)),
      // 2: activated after 2 h; step 3 missing; feature A only on day 20 (after the window); feature B on day 1
      e(2, "Signed Up", s2),
      e(2, "Activated", at(s2, 2 * HOUR)),
      e(2, "Step 1", at(s2, HOUR)),
      e(2, "Step 2", at(s2, DAY)),
      e(2, "Feature A", at(s2, 20 * DAY)),
      e(2, "Feature B", at(s2, DAY)),
      // 3: activated after 10 h; step 3 on day 15 (after the window): not complete; feature B on day 14 exactly
      e(3, "Signed Up", s3),
      e(3, "Activated", at(s3, 10 * HOUR)),
      e(3, "Step 1", at(s3, HOUR)),
      e(3, "Step 2", at(s3, DAY)),
      e(3, "Step 3", at(s3, 15 * DAY)),
      e(3, "Feature B", at(s3, 14 * DAY)),
      // 4: never activated, step 1 only
      e(4, "Signed Up", s4),
      e(4, "Step 1", at(s4, HOUR)),
      // 5: activated after 4 h; everything on day 1
      e(5, "Signed Up", s5),
      e(5, "Activated", at(s5, 4 * HOUR)),
      e(5, "Step 1", at(s5, HOUR)),
      e(5, "Step 2", at(s5, 2 * HOUR)),
      e(5, "Step 3", at(s5, 3 * HOUR)),
      e(5, "Feature A", at(s5, DAY)),
      e(5, "Feature B", at(s5, DAY)),
      // 6: signed up in February: another cohort
      e(6, "Signed Up", "2026-02-20T00:00:00Z"),
      e(6, "Activated", "2026-03-02T00:00:00Z"),
      // 7: signed up first in January; a second signup event in March does not make it a March signup
      e(7, "Signed Up", "2026-01-10T00:00:00Z"),
      e(7, "Signed Up", "2026-03-10T00:00:00Z"),
      // 8: merged into 1: not a signup of its own
      e(8, "Signed Up", "2026-03-11T00:00:00Z"),
    ]);
  });

  it("works out the March signup cohort by hand", async () => {
    const [stats] = await engagementStats(database().db, context, [march], now);
    // Cohort: 1–5. Activated: 1 (1 h), 2 (2 h), 3 (10 h), 5 (4 h); 4 never did and stays in the cohort.
    // Sorted seconds 3600, 7200, 14400, 36000: median (position 1.5) = 7200 + 0.5 × 7200 = 10800;
    // p90 (position 2.7) = 14400 + 0.7 × 21600 = 29520.
    expect(stats?.signups).toBe(5);
    expect(stats?.windowOpen).toBe(1);
    expect(stats?.timeToFirstValue).toEqual({
      activated: 4,
      notActivated: 1,
      activationRate: 0.8,
      medianSeconds: 10800,
      p90Seconds: expect.closeTo(29520, 6),
    });
    // Funnel within 14 days: step 1: 1–5 = 5; steps 1–2: 1, 2, 3, 5 = 4; steps 1–3: 1, 5 = 2 (2 lacks step 3,
    // 3 did it on day 15). Completion = 2 / 5.
    expect(stats?.onboardingSteps).toEqual([
      { event: "Step 1", customers: 5 },
      { event: "Step 2", customers: 4 },
      { event: "Step 3", customers: 2 },
    ]);
    expect(onboardingCompletionRate(stats!)).toBe(0.4);
    // Feature A within 14 days: 1, 5 (2's was on day 20) = 2/5; feature B: 2, 3 (day 14 is still in), 5 = 3/5.
    expect(stats?.features).toEqual([
      { event: "Feature A", customers: 2 },
      { event: "Feature B", customers: 3 },
    ]);
    expect(reachRate(stats!.features[1]!, stats!.signups)).toBe(0.6);
  });

  it("uses the first event as signup when no signup event is configured", async () => {
    const db = database().db;
    const firstEvent = await kpiWorkspace(db, "UTC", { signupEvent: null, activationEvents: ["Activated"] });
    await addCustomers(db, firstEvent, [
      { id: 1, firstSeenAt: "2026-03-01T00:00:00Z" },
      { id: 2, firstSeenAt: "2026-02-01T00:00:00Z" },
    ]);
    await addEvents(db, firstEvent, [{ customer: 1, name: "Activated", at: "2026-03-01T06:00:00Z" }]);
    const [stats] = await engagementStats(db, firstEvent, [march], now);
    expect(stats?.signups).toBe(1);
    expect(stats?.timeToFirstValue.medianSeconds).toBe(6 * 3600);
  });

  it("interpolates percentiles between closest ranks", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
  });
});
