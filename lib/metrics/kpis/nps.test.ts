import { beforeAll, expect, it } from "vitest";
import type { MetricContext } from "@/lib/metrics/settings";
import { describeEachDatabase } from "@/test/db";
import { addCustomers, addEvents, kpiWorkspace } from "./fixtures";
import { netPromoterScore, npsStats } from "./nps";
import { previousRange } from "./period";

describeEachDatabase("KPIs: NPS", ({ database }) => {
  const march = { from: "2026-03-01", to: "2026-03-31" };
  let context: MetricContext;

  beforeAll(async () => {
    const db = database().db;
    context = await kpiWorkspace(db);
    await addCustomers(db, context, [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((id) => ({ id })),
      { id: 12, mergedInto: 1 },
    ]);
    const answer = (customer: number, at: string, score: unknown) => ({
      customer,
      name: "NPS Submitted",
      at,
      properties: { score },
    });
    await addEvents(db, context, [
      answer(1, "2026-03-02T10:00:00Z", 10), // promoter
      answer(2, "2026-03-03T10:00:00Z", 9), // promoter
      answer(3, "2026-03-03T10:00:00Z", 8), // passive
      answer(4, "2026-03-03T10:00:00Z", 7), // passive
      answer(5, "2026-03-04T10:00:00Z", 3), // answered twice: the latest (9) counts: promoter
      answer(5, "2026-03-20T10:00:00Z", 9),
      answer(6, "2026-03-05T10:00:00Z", 10), // answered twice: the latest (2) counts: detractor
      answer(6, "2026-03-25T10:00:00Z", 2),
      answer(7, "2026-03-06T10:00:00Z", 6), // detractor
      answer(8, "2026-03-06T10:00:00Z", "abc"), // not a score
      answer(9, "2026-03-06T10:00:00Z", 11), // out of range
      answer(11, "2026-03-07T10:00:00Z", "9"), // a numeric string counts: promoter
      answer(10, "2026-02-28T10:00:00Z", 0), // previous period: detractor
      answer(12, "2026-03-07T10:00:00Z", 0), // merged-away profile: not counted
    ]);
  });

  it("counts each customer's latest answer once, passives in the denominator", async () => {
    const [previous, current] = await npsStats(database().db, context, [previousRange(march), march]);
    // Promoters 1, 2, 5, 11 = 4; passives 3, 4 = 2; detractors 6, 7 = 2; 8 responses.
    expect(current).toEqual({ promoters: 4, passives: 2, detractors: 2, responses: 8 });
    // NPS = 100 × (4 − 2) / 8 = 25
    expect(netPromoterScore(current!)).toBe(25);
    // Previous: one detractor: −100
    expect(previous).toEqual({ promoters: 0, passives: 0, detractors: 1, responses: 1 });
    expect(netPromoterScore(previous!)).toBe(-100);
  });

  it("has no NPS without answers", async () => {
    const [none] = await npsStats(database().db, context, [{ from: "2025-01-01", to: "2025-01-31" }]);
    expect(netPromoterScore(none!)).toBeNull();
  });
});
