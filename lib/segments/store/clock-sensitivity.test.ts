import { describe, expect, it } from "vitest";
import { parseSegmentRule } from "../parse";
import { needsScheduledRefresh } from "./clock-sensitivity";

const rule = (condition: unknown) => parseSegmentRule({ type: "group", combinator: "and", conditions: [condition] });

describe("which rules the schedule recomputes", () => {
  it.each([
    [
      "an event in the last 7 days",
      { type: "event", event: "X", operator: "performed", window: { type: "last", amount: 7, unit: "days" } },
      true,
    ],
    ["an event ever", { type: "event", event: "X", operator: "performed" }, false],
    [
      "an event between fixed dates",
      {
        type: "event",
        event: "X",
        operator: "performed",
        window: { type: "between", from: "2026-01-01", to: "2026-01-31" },
      },
      false,
    ],
    [
      "a property date within the last N days",
      {
        type: "event",
        event: "X",
        operator: "performed",
        where: [{ property: "d", test: { type: "date", operator: "within_last", days: 3 } }],
      },
      true,
    ],
    [
      "a trait equal to a value",
      { type: "trait", trait: "plan", test: { type: "string", operator: "equals", value: "pro" } },
      false,
    ],
    [
      "a trait date more than N days ago",
      { type: "trait", trait: "renewal", test: { type: "date", operator: "more_than_ago", days: 3 } },
      true,
    ],
    [
      "days since the last order",
      { type: "commerce", measure: "days_since_last_order", test: { type: "number", operator: "gt", value: 3 } },
      true,
    ],
    [
      "lifetime orders",
      { type: "commerce", measure: "orders", test: { type: "number", operator: "gt", value: 3 } },
      false,
    ],
    ["NPS band", { type: "nps", band: "promoter" }, false],
    ["an open ticket (tickets do not come through event ingest)", { type: "open_ticket", value: true }, true],
    ["lifecycle status", { type: "lifecycle_status", status: "dormant" }, true],
    ["another segment", { type: "segment", segmentId: "s", operator: "in" }, true],
  ])("%s → %s", (_label, condition, expected) => {
    expect(needsScheduledRefresh(rule(condition))).toBe(expected);
  });
});
