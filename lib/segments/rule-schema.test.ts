import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { checkSegmentRule, parseSegmentRule } from "./parse";

const group = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "group",
  combinator: "and",
  conditions,
  ...extra,
});
const event = (extra: Record<string, unknown> = {}) => ({
  type: "event",
  event: "Order Completed",
  operator: "performed",
  ...extra,
});
const nested = (depth: number): unknown => (depth === 0 ? event() : group([nested(depth - 1)]));

describe("segment rule schema", () => {
  it("accepts a rule and fills the defaults", () => {
    expect(parseSegmentRule(group([event(), { type: "lifecycle_status", status: "dormant" }]))).toEqual({
      type: "group",
      combinator: "and",
      negate: false,
      conditions: [
        { type: "event", event: "Order Completed", operator: "performed", window: { type: "all_time" }, where: [] },
        { type: "lifecycle_status", status: "dormant", period: "week" },
      ],
    });
  });

  it.each([
    [
      "a count of a condition in a nested group",
      group([event(), group([event({ count: { operator: "at_least", value: 0 } })])]),
      "conditions.1.conditions.0.count.value",
      "“At least 0 times” matches everyone; use 1 or more",
    ],
    ["an unknown condition type", group([{ type: "mood" }]), "conditions.0.type", "Unknown condition type"],
    ["a missing combinator", { type: "group", conditions: [] }, "combinator", "Required"],
    [
      "a count on “not performed”",
      group([event({ operator: "not_performed", count: { operator: "at_most", value: 1 } })]),
      "conditions.0.count",
      "“Not performed” takes no count; use “at most” instead",
    ],
    ["an empty event name", group([event({ event: "  " })]), "conditions.0.event", "Enter an event name"],
    [
      "a reversed number range",
      group([{ type: "last_csat", test: { type: "number", operator: "between", min: 4, max: 2 } }]),
      "conditions.0.test.max",
      "The upper bound must not be below the lower bound",
    ],
    [
      "a day that does not exist",
      group([{ type: "signup", test: { type: "date", operator: "before", date: "2026-02-30" } }]),
      "conditions.0.test.date",
      "Not a calendar date",
    ],
    [
      "a property filter on any event",
      group([event({ event: "$any", where: [{ property: "x", test: { type: "string", operator: "is_set" } }] })]),
      "conditions.0.where",
      "Property filters need a named event",
    ],
    [
      "a fall of more than 100 %",
      group([{ type: "frequency_change", event: "Login", windowDays: 30, direction: "fell", percent: 150 }]),
      "conditions.0.percent",
      "A count can fall by at most 100 %",
    ],
    [
      "a string operator on a number",
      group([{ type: "trait", trait: "age", test: { type: "number", operator: "contains", value: 3 } }]),
      "conditions.0.test.operator",
      undefined,
    ],
    [
      "a window of 0 days",
      group([event({ window: { type: "last", amount: 0, unit: "days" } })]),
      "conditions.0.window.amount",
      "At least 1",
    ],
    [
      // Seven groups: the top one and six inside it; the seventh is one too deep.
      "groups nested too deep",
      nested(7),
      "conditions.0.conditions.0.conditions.0.conditions.0.conditions.0.conditions.0",
      "Groups nest at most 6 deep",
    ],
  ])("names the path of %s", (_label, input, path, message) => {
    const result = checkSegmentRule(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)[0]).toBe(path);
    if (message) expect(result.errors[path]).toBe(message);
  });

  it("throws Invalid naming the first path, inside a request body when given a prefix", () => {
    const input = group([event({ count: { operator: "exactly", value: -1 } })]);
    expect(() => parseSegmentRule(input, ["rule"])).toThrow(Invalid);
    try {
      parseSegmentRule(input, ["rule"]);
    } catch (error) {
      expect((error as Invalid).message).toBe(
        "Invalid segment rule at rule.conditions.0.count.value: Cannot be negative",
      );
      expect((error as Invalid).fields).toEqual({ "rule.conditions.0.count.value": "Cannot be negative" });
    }
  });

  it("accepts six levels of groups", () => {
    expect(checkSegmentRule(nested(6)).ok).toBe(true);
  });

  it("limits a rule to 100 conditions", () => {
    const wide = group(Array.from({ length: 3 }, () => group(Array.from({ length: 40 }, () => event()))));
    const result = checkSegmentRule(wide);
    expect(result).toEqual({ ok: false, errors: { conditions: "A rule has at most 100 conditions" } });
  });
});
