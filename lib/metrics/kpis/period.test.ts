import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { monthsOf } from "./cac";
import { trailingCompleteMonths } from "./ltv";
import { isLocalDate, localToday, previousRange, splitRange } from "./period";
import { parseKpiQuery } from "./query";

describe("KPI periods", () => {
  it("takes the previous period of the same length, ending the day before", () => {
    expect(previousRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousRange({ from: "2026-03-10", to: "2026-03-10" })).toEqual({ from: "2026-03-09", to: "2026-03-09" });
  });

  it("splits into ISO weeks and months clipped to the range", () => {
    // 2026-03-04 is a Wednesday
    expect(splitRange({ from: "2026-03-04", to: "2026-03-17" }, "week")).toEqual([
      { from: "2026-03-04", to: "2026-03-08" },
      { from: "2026-03-09", to: "2026-03-15" },
      { from: "2026-03-16", to: "2026-03-17" },
    ]);
    expect(splitRange({ from: "2026-01-15", to: "2026-03-02" }, "month")).toEqual([
      { from: "2026-01-15", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-28" },
      { from: "2026-03-01", to: "2026-03-02" },
    ]);
    expect(splitRange({ from: "2026-03-01", to: "2026-03-03" }, "day")).toHaveLength(3);
  });

  it("uses the 6 complete months before the end of P, or before today", () => {
    expect(trailingCompleteMonths({ from: "2026-03-01", to: "2026-03-31" }, "2026-07-01")).toEqual([
      "2025-10-01",
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
    // P ends today: the current month is not complete
    expect(trailingCompleteMonths({ from: "2026-03-01", to: "2026-03-20" }, "2026-03-20")).toEqual([
      "2025-09-01",
      "2025-10-01",
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
  });

  it("lists the months a period touches", () => {
    expect(monthsOf({ from: "2025-12-20", to: "2026-02-01" })).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("knows today's date in the workspace's time zone", () => {
    const now = new Date("2026-03-10T02:00:00Z");
    expect(localToday(now, "UTC")).toBe("2026-03-10");
    expect(localToday(now, "America/Los_Angeles")).toBe("2026-03-09");
    expect(localToday(now, "Asia/Tokyo")).toBe("2026-03-10");
  });

  it("accepts only real calendar dates", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-3-1")).toBe(false);
  });
});

describe("GET /api/v1/metrics/kpis query", () => {
  const parse = (query: string) => parseKpiQuery(new URLSearchParams(query));
  const fieldsOf = (query: string) => {
    try {
      parse(query);
    } catch (error) {
      if (error instanceof Invalid) return { message: error.message, fields: error.fields };
      throw error;
    }
    throw new Error(`accepted ${query}`);
  };

  it("accepts a range of local dates", () => {
    expect(parse("from=2026-03-01&to=2026-03-31")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(parse("from=2024-01-01&to=2025-12-31")).toEqual({ from: "2024-01-01", to: "2025-12-31" });
  });

  it.each([
    ["to=2026-03-31", { from: "Required, as YYYY-MM-DD" }],
    ["from=2026-03-01", { to: "Required, as YYYY-MM-DD" }],
    ["from=03/01/2026&to=2026-03-31", { from: "Use a real calendar date as YYYY-MM-DD" }],
    ["from=2026-02-30&to=2026-03-31", { from: "Use a real calendar date as YYYY-MM-DD" }],
    ["from=2026-03-31&to=2026-03-01", { to: "Must be on or after from" }],
    ["from=2024-01-01&to=2026-01-01", { to: "The range can span at most 2 years" }],
  ])("rejects %s naming the parameter", (query, fields) => {
    const rejected = fieldsOf(query);
    expect(rejected.fields).toEqual(fields);
    expect(rejected.message).toContain(Object.keys(fields)[0]);
  });
});
