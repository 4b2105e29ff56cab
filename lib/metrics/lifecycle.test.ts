import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { BERLIN_WEEKS } from "@/test/fixtures/berlin-weeks";
import { buildMetricFixture } from "@/test/metrics-fixture";
import { computeLifecycle, type LifecycleQuery, parseLifecycleQuery } from "./lifecycle";

const now = new Date("2026-02-04T12:00:00Z");
const query: LifecycleQuery = { period: "week", from: "2026-01-05", to: "2026-02-04", event: "$any" };

describeEachDatabase("lifecycle", ({ database }) => {
  let workspaceId = "";
  beforeAll(async () => {
    workspaceId = await buildMetricFixture(database().db, BERLIN_WEEKS);
  });

  it("classifies each week's active customers and counts those who went dormant", async () => {
    const r = await computeLifecycle(database().db, { workspaceId, timeZone: "Europe/Berlin" }, query, now);
    // Active weeks (track/page/screen only): A W1 W2 W4; B W1 W3; C W2 W3 W5; D Dec-15 W1 W2; E W3
    // (E's identify in W2 is not activity). First active week: A W1, B W1, C W2, D Dec-15, E W3.
    expect(r.periods).toEqual([
      // W1: A, B new; D back after a gap (resurrecting). Nobody was active the week before.
      { start: "2026-01-05", complete: true, new: 2, returning: 0, resurrecting: 1, dormant: 0 },
      // W2: C new; A, D returning; B dormant.
      { start: "2026-01-12", complete: true, new: 1, returning: 2, resurrecting: 0, dormant: 1 },
      // W3: E new; C returning; B resurrecting; A, D dormant.
      { start: "2026-01-19", complete: true, new: 1, returning: 1, resurrecting: 1, dormant: 2 },
      // W4: A resurrecting; B, C, E dormant.
      { start: "2026-01-26", complete: true, new: 0, returning: 0, resurrecting: 1, dormant: 3 },
      // W5 (current): C resurrecting; A dormant.
      { start: "2026-02-02", complete: false, new: 0, returning: 0, resurrecting: 1, dormant: 1 },
    ]);
  });

  it("for a named event, only that event is activity", async () => {
    const r = await computeLifecycle(
      database().db,
      { workspaceId, timeZone: "Europe/Berlin" },
      { ...query, event: "Order Completed" },
      now,
    );
    // Orders: B W3, A W4, C W5 — each is the customer's first order (new), then dormant the week after.
    expect(r.periods.map((p) => [p.start, p.new, p.returning, p.resurrecting, p.dormant])).toEqual([
      ["2026-01-05", 0, 0, 0, 0],
      ["2026-01-12", 0, 0, 0, 0],
      ["2026-01-19", 1, 0, 0, 0],
      ["2026-01-26", 1, 0, 0, 1],
      ["2026-02-02", 1, 0, 0, 1],
    ]);
  });
});

describe("lifecycle query parameters", () => {
  it("defaults to 12 weeks of any activity and names bad parameters", () => {
    expect(parseLifecycleQuery(new URLSearchParams(""), now, "Europe/Berlin")).toEqual({
      period: "week",
      from: "2025-11-17",
      to: "2026-02-04",
      event: "$any",
      segment: null,
    });
    expect(() => parseLifecycleQuery(new URLSearchParams("segment=vip"), now, "UTC")).toThrow(/`segment`/);
    expect(() => parseLifecycleQuery(new URLSearchParams("period=quarter"), now, "UTC")).toThrow(/`period`/);
    expect(() => parseLifecycleQuery(new URLSearchParams("to=tomorrow"), now, "UTC")).toThrow(/`to`/);
  });
});
