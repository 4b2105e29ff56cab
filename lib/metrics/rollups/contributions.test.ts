import { describe, expect, it } from "vitest";
import { Random } from "@/lib/seed/random";
import { addContributionGrowth, addContributions, contributions, type PeriodActivity } from "./contributions";

// One customer, weeks starting Monday: active in W1, W3 and W5; in W2 only a non-active event (identify).
const W1 = "2026-01-05";
const W2 = "2026-01-12";
const W3 = "2026-01-19";
const W4 = "2026-01-26";
const W5 = "2026-02-02";
const W6 = "2026-02-09";

describe("a customer's contribution to the cohort and lifecycle counts", () => {
  it("follows METRICS.md for first-time and recurring cohorts and lifecycle", () => {
    const keys = [
      ...contributions(
        [
          { start: W3, active: true },
          { start: W1, active: true },
          { start: W5, active: true },
          { start: W2, active: false },
        ],
        "week",
      ).keys(),
    ].sort();
    expect(keys).toEqual(
      [
        // first-time: cohort W1 (first event of any kind); returns in the active weeks after it; last = W5.
        `retention|first_time|size|${W1}|${W1}`,
        `retention|first_time|on|${W1}|${W3}`,
        `retention|first_time|on|${W1}|${W5}`,
        `retention|first_time|last|${W1}|${W5}`,
        // recurring: a cohort for every week with any event (W2 too), returns only in active weeks.
        ...[W1, W2, W3, W5].map((c) => `retention|recurring|size|${c}|${c}`),
        `retention|recurring|on|${W1}|${W3}`,
        `retention|recurring|on|${W1}|${W5}`,
        `retention|recurring|on|${W2}|${W3}`,
        `retention|recurring|on|${W2}|${W5}`,
        `retention|recurring|on|${W3}|${W5}`,
        ...[W1, W2, W3].map((c) => `retention|recurring|last|${c}|${W5}`),
        // lifecycle over active weeks W1, W3, W5: new, then resurrecting twice; dormant the week after each.
        `lifecycle|new|${W1}`,
        `lifecycle|dormant|${W2}`,
        `lifecycle|resurrecting|${W3}`,
        `lifecycle|dormant|${W4}`,
        `lifecycle|resurrecting|${W5}`,
        `lifecycle|dormant|${W6}`,
      ].sort(),
    );
  });

  it("counts consecutive active months as returning, and a customer without activity as nothing", () => {
    const keys = [
      ...contributions(
        [
          { start: "2026-01-01", active: true },
          { start: "2026-02-01", active: true },
        ],
        "month",
      ).keys(),
    ].filter((k) => k.startsWith("lifecycle"));
    expect(keys.sort()).toEqual(
      ["lifecycle|new|2026-01-01", "lifecycle|returning|2026-02-01", "lifecycle|dormant|2026-03-01"].sort(),
    );
    expect(contributions([], "week").size).toBe(0);
  });

  it("moves counts by the difference when a customer gains a week", () => {
    // As a refresh does: the old contribution subtracted, the new one added, into one delta.
    const delta = addContributions(new Map(), [{ start: W1, active: true }], "week", -1);
    addContributions(
      delta,
      [
        { start: W1, active: true },
        { start: W2, active: true },
      ],
      "week",
      1,
    );
    expect(Object.fromEntries([...delta].filter(([, n]) => n !== 0))).toEqual({
      [`retention|first_time|on|${W1}|${W2}`]: 1,
      [`retention|first_time|last|${W1}|${W2}`]: 1,
      [`retention|recurring|size|${W2}|${W2}`]: 1,
      [`retention|recurring|on|${W1}|${W2}`]: 1,
      [`retention|recurring|last|${W1}|${W2}`]: 1,
      // W2 was dormant and is now returning; the dormant week moves to W3.
      [`lifecycle|dormant|${W2}`]: -1,
      [`lifecycle|returning|${W2}`]: 1,
      [`lifecycle|dormant|${W3}`]: 1,
    });
  });

  it("adds only what a customer's new or newly active weeks change, whatever their history", () => {
    // addContributionGrowth must equal contributions(after) − contributions(before) for any growth.
    const weeks = Array.from({ length: 16 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10),
    );
    const random = new Random(11);
    const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n !== 0).sort());
    for (let run = 0; run < 300; run++) {
      const before: PeriodActivity[] = weeks
        .filter(() => random.next() < 0.4)
        .map((start) => ({ start, active: random.next() < 0.6 }));
      const after: PeriodActivity[] = weeks.flatMap((start) => {
        const had = before.find((x) => x.start === start);
        if (had) return [{ start, active: had.active || random.next() < 0.3 }];
        return random.next() < 0.2 ? [{ start, active: random.next() < 0.7 }] : [];
      });
      // Unsorted input, as the database returns it.
      after.reverse();
      const expected = addContributions(addContributions(new Map(), before, "week", -1), after, "week", 1);
      expect(nonZero(addContributionGrowth(new Map(), before, after, "week"))).toEqual(nonZero(expected));
    }
  });
});
