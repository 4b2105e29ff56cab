import { describe, expect, it } from "vitest";
import { businessSeconds } from "./business-time";
import { DEFAULT_SUPPORT_HOURS, type SupportHours } from "./hours";

const H = 3600;
const at = (iso: string) => new Date(iso);
const weekdays = DEFAULT_SUPPORT_HOURS; // Mon–Fri 09:00–17:00

// March 2026: the 1st is a Sunday, so the 6th is a Friday and the 9th a Monday. New York moves to daylight
// time at 02:00 on Sunday the 8th (UTC−5 before, UTC−4 after).
describe("businessSeconds", () => {
  it("counts Friday 16:00 → Monday 10:00 as 2 hours: 1 on Friday, none at the weekend, 1 on Monday", () => {
    expect(businessSeconds(at("2026-03-06T16:00:00Z"), at("2026-03-09T10:00:00Z"), weekdays, "UTC")).toBe(2 * H);
  });

  it("reads the hours in the workspace time zone, across the daylight-saving weekend", () => {
    // Friday 16:00 EST = 21:00Z; Monday 10:00 EDT = 14:00Z: still 1 h + 1 h.
    expect(businessSeconds(at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"), weekdays, "America/New_York")).toBe(
      2 * H,
    );
    // The same UTC instants read in UTC: Fri 21:00 is after hours; Mon 09:00–14:00 = 5 h.
    expect(businessSeconds(at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"), weekdays, "UTC")).toBe(5 * H);
  });

  it("counts nothing inside a weekend or outside the window, and the whole window within a day", () => {
    expect(businessSeconds(at("2026-03-07T08:00:00Z"), at("2026-03-08T20:00:00Z"), weekdays, "UTC")).toBe(0);
    expect(businessSeconds(at("2026-03-09T17:00:00Z"), at("2026-03-10T09:00:00Z"), weekdays, "UTC")).toBe(0);
    expect(businessSeconds(at("2026-03-09T06:00:00Z"), at("2026-03-09T22:00:00Z"), weekdays, "UTC")).toBe(8 * H);
    expect(businessSeconds(at("2026-03-09T12:00:00Z"), at("2026-03-09T11:00:00Z"), weekdays, "UTC")).toBe(0);
  });

  it("counts long intervals exactly: 5 weeks from Monday midnight = 25 days × 8 h", () => {
    expect(businessSeconds(at("2026-03-02T00:00:00Z"), at("2026-04-06T00:00:00Z"), weekdays, "UTC")).toBe(200 * H);
    // Start and end inside windows: Mon 03-02 12:00 → Wed 04-08 10:00 = 5 (Mon) + 4 × 8 (Tue–Fri) + 4 weeks
    // × 40 + Mon 04-06 8 + Tue 04-07 8 + Wed 1 = 5 + 32 + 160 + 17 = 214.
    expect(businessSeconds(at("2026-03-02T12:00:00Z"), at("2026-04-08T10:00:00Z"), weekdays, "UTC")).toBe(214 * H);
  });

  it("equals calendar time when support works around the clock every day, also across a DST change", () => {
    const always: SupportHours = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" };
    const from = at("2026-02-20T13:17:00Z");
    const to = at("2026-04-29T02:45:00Z");
    expect(businessSeconds(from, to, always, "America/New_York")).toBe((to.getTime() - from.getTime()) / 1000);
  });

  it("takes weekend-only hours and a Sunday in a UTC+ zone", () => {
    const weekend: SupportHours = { days: [6, 7], start: "10:00", end: "12:00" };
    // Sat 03-07 and Sun 03-08 10:00–12:00 in Tokyo (UTC+9) are 01:00–03:00Z; Friday noon to Monday noon UTC.
    expect(businessSeconds(at("2026-03-06T12:00:00Z"), at("2026-03-09T12:00:00Z"), weekend, "Asia/Tokyo")).toBe(4 * H);
  });
});
