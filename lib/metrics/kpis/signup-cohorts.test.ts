import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";
import { signupCohorts } from "./signup-cohorts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (base: string, offsetMs: number) => new Date(Date.parse(base) + offsetMs).toISOString();

describeEachDatabase("KPIs: engagement per signup cohort", ({ database }) => {
  // Two ISO weeks, Monday 2026-03-02 to Sunday 2026-03-15; the previous period is 02-16 … 03-01.
  const twoWeeks = { from: "2026-03-02", to: "2026-03-15" };
  // "now": 2026-03-20. Windows of 14 days that started after 03-06 are still open (customers 4 and 5).
  const now = new Date("2026-03-20T00:00:00Z");
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db, "UTC", {
      signupEvent: "Signed Up",
      activationEvents: ["Activated"],
      onboardingSteps: ["Step 1", "Step 2"],
      coreFeatureEvents: ["Feature A"],
      onboardingWindowDays: 14,
    });
    await addCustomers(
      db,
      context,
      [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id })),
    );
    const e = (customer: number, name: string, when: string) => ({ customer, name, at: when });
    const s1 = "2026-03-02T00:00:00Z";
    const s2 = "2026-03-04T00:00:00Z";
    const s3 = "2026-03-05T00:00:00Z";
    const s4 = "2026-03-10T00:00:00Z";
    const s5 = "2026-03-12T00:00:00Z";
    const s6 = "2026-02-25T00:00:00Z";
    await addEvents(db, context, [
      // week 1
      e(1, "Signed Up", s1),
      e(1, "Activated", at(s1, HOUR)),
      e(1, "Step 1", at(s1, HOUR)),
      e(1, "Step 2", at(s1, 2 * HOUR)),
      e(1, "Feature A", at(s1, DAY)),
      e(2, "Signed Up", s2),
      e(2, "Activated", at(s2, 3 * HOUR)),
      e(2, "Step 1", at(s2, HOUR)),
      e(3, "Signed Up", s3), // never activates
      e(3, "Step 1", at(s3, HOUR)),
      e(3, "Step 2", at(s3, DAY)),
      // week 2
      e(4, "Signed Up", s4),
      e(4, "Activated", at(s4, 2 * DAY)),
      e(4, "Step 1", at(s4, HOUR)),
      e(4, "Step 2", at(s4, HOUR)),
      e(4, "Feature A", at(s4, 20 * DAY)), // after the window
      e(5, "Signed Up", s5),
      e(5, "Activated", at(s5, 10 * HOUR)),
      // previous period
      e(6, "Signed Up", s6),
      e(6, "Activated", at(s6, 5 * HOUR)),
      // after the range
      e(7, "Signed Up", "2026-03-16T00:00:00Z"),
      e(7, "Activated", "2026-03-16T01:00:00Z"),
    ]);
  });

  it("works out weekly cohorts, the whole range and the previous period by hand", async () => {
    const report = await signupCohorts(database().db, context, twoWeeks, "week", now);
    expect(report.previousRange).toEqual({ from: "2026-02-16", to: "2026-03-01" });
    expect(report.cohorts.map((c) => c.range)).toEqual([
      { from: "2026-03-02", to: "2026-03-08" },
      { from: "2026-03-09", to: "2026-03-15" },
    ]);
    const [week1, week2] = report.cohorts.map((c) => c.stats);
    // Week 1: 1 (1 h), 2 (3 h) activated, 3 never did. Median of 3600, 10800 = 7200;
    // p90 (position 0.9) = 3600 + 0.9 × 7200 = 10080.
    expect(week1).toEqual({
      signups: 3,
      windowOpen: 0,
      timeToFirstValue: {
        activated: 2,
        notActivated: 1,
        activationRate: 2 / 3,
        medianSeconds: 7200,
        p90Seconds: expect.closeTo(10080, 6),
      },
      onboardingCompleted: 2,
      onboardingSteps: [
        { event: "Step 1", customers: 3 },
        { event: "Step 2", customers: 2 },
      ],
      features: [{ event: "Feature A", customers: 1 }],
    });
    // Week 2: 4 (2 days = 172800 s), 5 (10 h = 36000 s). Median = 104400; p90 = 36000 + 0.9 × 136800 = 159120.
    // Both windows are still open on 03-20; 4's Feature A on day 20 is outside the window.
    expect(week2).toEqual({
      signups: 2,
      windowOpen: 2,
      timeToFirstValue: {
        activated: 2,
        notActivated: 0,
        activationRate: 1,
        medianSeconds: 104400,
        p90Seconds: expect.closeTo(159120, 6),
      },
      onboardingCompleted: 1,
      onboardingSteps: [
        { event: "Step 1", customers: 1 },
        { event: "Step 2", customers: 1 },
      ],
      features: [{ event: "Feature A", customers: 0 }],
    });
    // Whole range: percentiles over all four times (3600, 10800, 36000, 172800), not averaged from cohorts:
    // median (position 1.5) = 10800 + 0.5 × 25200 = 23400; p90 (position 2.7) = 36000 + 0.7 × 136800 = 131760.
    expect(report.whole.signups).toBe(5);
    expect(report.whole.windowOpen).toBe(2);
    expect(report.whole.timeToFirstValue).toEqual({
      activated: 4,
      notActivated: 1,
      activationRate: 0.8,
      medianSeconds: 23400,
      p90Seconds: expect.closeTo(131760, 6),
    });
    expect(report.whole.onboardingSteps.map((s) => s.customers)).toEqual([4, 3]);
    expect(report.whole.features).toEqual([{ event: "Feature A", customers: 1 }]);
    // Previous period: customer 6 alone, 5 h.
    expect(report.previous.signups).toBe(1);
    expect(report.previous.timeToFirstValue.medianSeconds).toBe(18000);
  });

  it("gives one cohort per month, equal to the whole range when the range is inside one month", async () => {
    const report = await signupCohorts(database().db, context, twoWeeks, "month", now);
    expect(report.cohorts).toHaveLength(1);
    expect(report.cohorts[0]?.stats).toEqual(report.whole);
  });
});
