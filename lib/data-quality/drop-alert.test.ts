import { describe, expect, it } from "vitest";
import { volumeDrop } from "./drop-alert";

describe("volume drop alert (pure)", () => {
  const week = (perDay: number) => Array.from({ length: 7 }, () => perDay);

  // [case, whole-day counts of the 7 days before today, their counts by this time of day, today so far, alert?]
  const cases: [string, number[], number[], number, boolean][] = [
    ["40 expected by now: 19 is below half", week(40), week(40), 19, true],
    ["40 expected by now: exactly half (20) is not below it", week(40), week(40), 20, false],
    ["only the hours so far count: 20 of 40 a day expected, 9 < 10", week(40), week(20), 9, true],
    ["20 a day is enough to be watched", week(20), week(20), 9, true],
    ["19.86 a day is not", [19, 20, 20, 20, 20, 20, 20], week(19), 0, false],
    ["fewer than 10 expected by now never alarms, even at 0", week(40), week(9), 0, false],
    ["exactly 10 expected is enough to alarm", week(40), week(10), 4, true],
    [
      "a quiet day in the week counts as 0 (280 / 7 = 40)",
      [0, 40, 40, 40, 40, 40, 80],
      [0, 40, 40, 40, 40, 40, 80],
      19,
      true,
    ],
    ["the baseline is the last 7 of the days given", [1000, 1000, ...week(40)], [1000, 1000, ...week(40)], 19, true],
  ];

  it.each(cases)("%s", (_case, totals, byNow, today, alert) => {
    expect(volumeDrop({ totals, byNow }, today) !== null).toBe(alert);
  });

  it("reports the numbers behind the alert", () => {
    expect(volumeDrop({ totals: week(40), byNow: week(20) }, 9)).toEqual({
      todayCount: 9,
      dailyAverage: 40,
      expectedSoFar: 20,
    });
  });
});
