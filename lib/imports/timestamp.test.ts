import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./timestamp";

const iso = (text: string, zone = "UTC") => {
  const r = parseTimestamp(text, zone);
  return r.ok ? r.date.toISOString() : `error: ${r.message}`;
};

describe("parseTimestamp", () => {
  it.each([
    ["2024-03-01T14:30:00Z", "2024-03-01T14:30:00.000Z"],
    ["2024-03-01T14:30:00.123Z", "2024-03-01T14:30:00.123Z"],
    ["2024-03-01 14:30:05+01:00", "2024-03-01T13:30:05.000Z"],
    ["2024-03-01T14:30-0500", "2024-03-01T19:30:00.000Z"],
    ["2024-03-01T14:30:00 UTC", "2024-03-01T14:30:00.000Z"],
    ["2024/03/01 08:00", "2024-03-01T08:00:00.000Z"],
    ["2024-03-01", "2024-03-01T00:00:00.000Z"],
    ["1709303400", "2024-03-01T14:30:00.000Z"],
    ["1709303400000", "2024-03-01T14:30:00.000Z"],
  ])("reads %s", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it("reads times without an offset in the workspace's time zone, across daylight saving changes", () => {
    expect(iso("2024-01-15 09:00", "Europe/Berlin")).toBe("2024-01-15T08:00:00.000Z");
    expect(iso("2024-07-15 09:00", "Europe/Berlin")).toBe("2024-07-15T07:00:00.000Z");
    expect(iso("2024-03-01", "America/New_York")).toBe("2024-03-01T05:00:00.000Z");
    // The night clocks go forward (02:00 → 03:00) and back (03:00 → 02:00) in Berlin.
    expect(iso("2024-03-31 01:30", "Europe/Berlin")).toBe("2024-03-31T00:30:00.000Z");
    expect(iso("2024-03-31 03:30", "Europe/Berlin")).toBe("2024-03-31T01:30:00.000Z");
    expect(iso("2024-10-27 04:00", "Europe/Berlin")).toBe("2024-10-27T03:00:00.000Z");
    // An explicit offset wins over the workspace's zone.
    expect(iso("2024-01-15T09:00:00Z", "Europe/Berlin")).toBe("2024-01-15T09:00:00.000Z");
  });

  it("refuses what it would have to guess, with a message that says what to write", () => {
    expect(iso("03/04/2024")).toMatch(/day-first or month-first.*2024-03-01/);
    expect(iso("yesterday")).toMatch(/not a date Tenure can read/);
    expect(iso("2024-02-30")).toMatch(/not a real date/);
    expect(iso("2024-01-01T25:00")).toMatch(/not a real date/);
    expect(iso("1850-01-01")).toMatch(/outside the years/);
  });
});
