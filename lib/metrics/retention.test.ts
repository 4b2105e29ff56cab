import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { BERLIN_WEEKS } from "@/test/fixtures/berlin-weeks";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { computeRetention } from "./retention";
import { parseRetentionQuery, type RetentionQuery } from "./retention-query";

// Europe/Berlin workspace, "now" Wednesday 2026-02-04 12:00 UTC. Weeks (Monday starts, local):
// W1 01-05, W2 01-12, W3 01-19, W4 01-26, W5 02-02 (current, incomplete).
const now = new Date("2026-02-04T12:00:00Z");
const tz = "Europe/Berlin";
const base: RetentionQuery = {
  period: "week",
  from: "2026-01-05",
  to: "2026-01-31",
  startEvent: "$any",
  returnEvent: "$any",
  mode: "first_time",
  cumulative: false,
  breakdown: null,
};

describeEachDatabase("cohort retention", ({ database }) => {
  let workspaceId = "";
  const scope = () => ({ workspaceId, timeZone: tz });

  beforeAll(async () => {
    workspaceId = await buildMetricFixture(database().db, BERLIN_WEEKS);
  });

  it("first-time, on: W1 {A,B} returns A@1 B@2 A@3; W2 {C,E} returns C,E@1 C@3; empty weeks stay", async () => {
    const r = await computeRetention(database().db, scope(), base, now);
    expect(r.cohorts).toEqual([
      { start: "2026-01-05", breakdown: null, size: 2, values: [2, 1, 1, 1, 0] },
      { start: "2026-01-12", breakdown: null, size: 2, values: [2, 2, 0, 1] },
      { start: "2026-01-19", breakdown: null, size: 0, values: [0, 0, 0] },
      { start: "2026-01-26", breakdown: null, size: 0, values: [0, 0] },
    ]);
    // k0: 4/4; k1 over W1..W3 (W4+1 = W5 incomplete): (1+2+0)/4; k2 over W1,W2: (1+0)/4; k3 W1 only: 1/2.
    expect(r.mean).toEqual([1, 0.75, 0.25, 0.5]);
  });

  it("first-time, on or after: last returns A@3 B@2 → W1 [2,2,2,1,0]; C@3 E@1 → W2 [2,2,1,1]", async () => {
    const r = await computeRetention(database().db, scope(), { ...base, cumulative: true }, now);
    expect(r.cohorts.slice(0, 2).map((c) => c.values)).toEqual([
      [2, 2, 2, 1, 0],
      [2, 2, 1, 1],
    ]);
    // k1: (2+2+0)/4, k2: (2+1)/4, k3: 1/2
    expect(r.mean).toEqual([1, 1, 0.75, 0.5]);
  });

  it("recurring: a customer is in every week they had any event; returns are active events only", async () => {
    const r = await computeRetention(database().db, scope(), { ...base, mode: "recurring" }, now);
    expect(r.cohorts.map((c) => [c.start, c.size, c.values])).toEqual([
      // W1: A, B, D. Later: A W2 W4, B W3, D W2.
      ["2026-01-05", 3, [3, 2, 1, 1, 0]],
      // W2: A, C, D, E (identify). Later: A W4, C W3 W5, E W3.
      ["2026-01-12", 4, [4, 2, 1, 1]],
      // W3: B, C, E. Later: C W5.
      ["2026-01-19", 3, [3, 0, 1]],
      // W4: A. Nothing later.
      ["2026-01-26", 1, [1, 0]],
    ]);
  });

  it("named events: first Signed Up as start, Order Completed as return", async () => {
    const r = await computeRetention(
      database().db,
      scope(),
      { ...base, startEvent: "Signed Up", returnEvent: "Order Completed" },
      now,
    );
    // W1: A (order W4 → k3), B (order W3 → k2); W2: C (order W5 → k3). D signed up in December: no cohort.
    expect(r.cohorts.slice(0, 2)).toEqual([
      { start: "2026-01-05", breakdown: null, size: 2, values: [2, 0, 1, 1, 0] },
      { start: "2026-01-12", breakdown: null, size: 1, values: [1, 0, 0, 1] },
    ]);
  });

  it("breakdown by a trait: values by size, an empty trait counts as (none)", async () => {
    const r = await computeRetention(database().db, scope(), { ...base, breakdown: "plan" }, now);
    expect(r.cohorts.map((c) => [c.start, c.breakdown, c.size, c.values])).toEqual([
      ["2026-01-05", "pro", 1, [1, 1, 0, 1, 0]],
      ["2026-01-05", "basic", 1, [1, 0, 1, 0, 0]],
      ["2026-01-12", "pro", 1, [1, 1, 0, 1]],
      ["2026-01-12", "(none)", 1, [1, 1, 0, 0]],
    ]);
    expect(r.breakdowns.map((b) => [b.value, b.size])).toEqual([
      ["pro", 2],
      ["basic", 1],
      ["(none)", 1],
    ]);
  });

  it("monthly periods: January holds A, B, C, E; February has started, so offset 1 exists", async () => {
    const r = await computeRetention(
      database().db,
      scope(),
      { ...base, period: "month", from: "2026-01-01", to: "2026-01-31" },
      now,
    );
    // Returns in February: C (02-03). January is complete, February is not: the mean stops at offset 0.
    expect(r.cohorts).toEqual([{ start: "2026-01-01", breakdown: null, size: 4, values: [4, 1] }]);
    expect(r.mean).toEqual([1]);
  });
});

describeEachDatabase("cohort breakdown top 10", ({ database }) => {
  it("keeps the 10 largest values, folds the rest into Other and missing into (none)", async () => {
    // One daily cohort on 2026-03-02 (UTC): plan a ×3, b ×2, c…l ×1 each (10 values), one without a plan.
    // Top 10 by size then name: a, b, c, d, e, f, g, h, i, j; Other = k + l (2); (none) = 1.
    const plans = ["a", "a", "a", "b", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", null];
    const customers = plans.map((plan, i) => ({ id: i + 1, traits: plan ? { plan } : {} }));
    const workspaceId = await buildMetricFixture(database().db, {
      timeZone: "UTC",
      customers,
      events: customers.map((c) => ({ customer: c.id, at: "2026-03-02T12:00:00Z" })),
    });
    const r = await computeRetention(
      database().db,
      { workspaceId, timeZone: "UTC" },
      { ...base, period: "day", from: "2026-03-02", to: "2026-03-02", breakdown: "plan" },
      new Date("2026-03-03T12:00:00Z"),
    );
    expect(r.breakdowns.map((b) => [b.value, b.size])).toEqual([
      ["a", 3],
      ["b", 2],
      ...["c", "d", "e", "f", "g", "h", "i", "j"].map((v) => [v, 1]),
      ["Other", 2],
      ["(none)", 1],
    ]);
  });
});

describe("retention query parameters", () => {
  const params = (query: string) => new URLSearchParams(query);
  it("defaults to 12 weeks up to today, first-time, any event", () => {
    expect(parseRetentionQuery(params(""), now, tz)).toEqual({
      ...base,
      from: "2025-11-17",
      to: "2026-02-04",
      segment: null,
      startSegment: null,
    });
  });
  it("names the offending parameter", () => {
    expect(() => parseRetentionQuery(params("segment=vip"), now, tz)).toThrow(/`segment`/);
    expect(() => parseRetentionQuery(params("period=year"), now, tz)).toThrow(/`period`/);
    expect(() => parseRetentionQuery(params("from=2026-02-30"), now, tz)).toThrow(/`from`/);
    expect(() => parseRetentionQuery(params("mode=sometimes"), now, tz)).toThrow(/`mode`/);
    expect(() => parseRetentionQuery(params("cumulative=yes"), now, tz)).toThrow(/`cumulative`/);
    expect(() => parseRetentionQuery(params("from=2026-03-01&to=2026-02-01"), now, tz)).toThrow(/`from`/);
  });
});
