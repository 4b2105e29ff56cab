import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { lastTwelveMonths, lastTwelveWeeks, parseRangeQuery } from "./range-query";

// Tuesday 2026-11-24, 03:00 UTC: still Monday the 23rd in New York.
const now = new Date("2026-11-24T03:00:00Z");
const params = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("Revenue and Engagement page ranges", () => {
  it("defaults to the last 12 months and the last 12 ISO weeks, in the workspace's time zone", () => {
    expect(lastTwelveMonths(now, "UTC")).toEqual({
      range: { from: "2025-12-01", to: "2026-11-24" },
      granularity: "month",
    });
    // Today in New York is Monday 11-23: its week starts that day; 11 weeks earlier is Monday 09-07.
    expect(lastTwelveWeeks(now, "America/New_York")).toEqual({
      range: { from: "2026-09-07", to: "2026-11-23" },
      granularity: "week",
    });
    expect(lastTwelveWeeks(now, "UTC").range.from).toBe("2026-09-07");
  });

  it("reads from, to and granularity, keeping defaults for what is missing", () => {
    const defaults = lastTwelveMonths(now, "UTC");
    expect(parseRangeQuery(params({}), defaults)).toEqual(defaults);
    expect(parseRangeQuery(params({ from: "2026-01-01", granularity: "week" }), defaults)).toEqual({
      range: { from: "2026-01-01", to: "2026-11-24" },
      granularity: "week",
    });
  });

  it("refuses bad dates, reversed or too long ranges and other granularities", () => {
    const defaults = lastTwelveMonths(now, "UTC");
    expect(() => parseRangeQuery(params({ from: "2026-02-30" }), defaults)).toThrow(Invalid);
    expect(() => parseRangeQuery(params({ from: "2026-05-01", to: "2026-04-01" }), defaults)).toThrow(/to/);
    expect(() => parseRangeQuery(params({ from: "2020-01-01", to: "2026-01-01" }), defaults)).toThrow(/2 years/);
    expect(() => parseRangeQuery(params({ granularity: "day" }), defaults)).toThrow(/granularity/);
  });
});
