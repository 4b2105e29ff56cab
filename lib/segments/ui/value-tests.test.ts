import { describe, expect, it } from "vitest";
import { checkSegmentRule } from "../parse";
import { CONDITION_KINDS } from "./condition-kinds";
import { labelledMessage, numberFromInput, splitApiErrors } from "./form-errors";
import { defaultTest, OPERATORS, withOperator } from "./value-tests";

describe("value test operators", () => {
  it("keeps the values that still fit when the operator changes", () => {
    expect(withOperator({ type: "number", operator: "lt", value: 5 }, "number", "gte")).toEqual({
      type: "number",
      operator: "gte",
      value: 5,
    });
    expect(withOperator({ type: "number", operator: "lt", value: 5 }, "number", "between")).toEqual({
      type: "number",
      operator: "between",
      min: 5,
      max: undefined,
    });
    expect(withOperator({ type: "string", operator: "equals", value: "pro" }, "string", "in")).toEqual({
      type: "string",
      operator: "in",
      values: ["pro"],
    });
    expect(withOperator({ type: "string", operator: "equals", value: "pro" }, "string", "is_set")).toEqual({
      type: "string",
      operator: "is_set",
    });
    // Another type starts empty: a text value is no number.
    expect(withOperator({ type: "string", operator: "equals", value: "pro" }, "number", "eq")).toEqual({
      type: "number",
      operator: "eq",
      value: undefined,
    });
  });

  it("offers only operators the schema accepts, each with a default test that passes once its value is set", () => {
    for (const [type, ops] of Object.entries(OPERATORS)) {
      for (const op of ops) {
        const filled = { ...withOperator({}, type as never, op.value) } as Record<string, unknown>;
        if ("value" in filled) filled.value = type === "number" ? 3 : "x";
        if ("values" in filled) filled.values = ["x"];
        if ("min" in filled) Object.assign(filled, { min: 1, max: 2 });
        if ("date" in filled) filled.date = "2026-03-01";
        if ("from" in filled) Object.assign(filled, { from: "2026-03-01", to: "2026-03-02" });
        const rule = { type: "group", combinator: "and", conditions: [{ type: "trait", trait: "t", test: filled }] };
        expect(checkSegmentRule(rule), `${type} ${op.value}`).toMatchObject({ ok: true });
      }
    }
    expect(defaultTest("date")).toEqual({ type: "date", operator: "within_last", days: 30 });
  });

  it("every condition the builder adds is a condition of the schema; only names are left to pick", () => {
    for (const kind of CONDITION_KINDS) {
      const check = checkSegmentRule({ type: "group", combinator: "and", conditions: [kind.create()] });
      const missing = check.ok ? [] : Object.keys(check.errors);
      expect(missing, kind.type).toEqual(
        ["event", "event_time", "frequency_change"].includes(kind.type)
          ? ["conditions.0.event"]
          : kind.type === "trait"
            ? ["conditions.0.trait"]
            : kind.type === "tickets_in_category"
              ? ["conditions.0.category"]
              : kind.type === "segment"
                ? ["conditions.0.segmentId"]
                : [],
      );
    }
  });
});

describe("form errors", () => {
  it("splits an API 400 into rule paths and form fields", () => {
    expect(
      splitApiErrors({ name: "Enter a name", "rule.conditions.1.count.value": "At most 1,000,000", rule: "Required" }),
    ).toEqual({
      rule: { "conditions.1.count.value": "At most 1,000,000", rule: "Required" },
      form: { name: "Enter a name" },
    });
    expect(splitApiErrors(undefined)).toEqual({ rule: {}, form: {} });
  });

  it("reads number boxes as numbers, and blanks or junk as missing", () => {
    expect(numberFromInput("30")).toBe(30);
    expect(numberFromInput(" 2.5 ")).toBe(2.5);
    expect(numberFromInput("")).toBeUndefined();
    expect(numberFromInput("abc")).toBeUndefined();
  });

  it("labels a message with the box it is about", () => {
    expect(labelledMessage("count.value", "Use a whole number")).toBe("Count: Use a whole number");
    expect(labelledMessage("event", "Enter an event name")).toBe("Event: Enter an event name");
    expect(labelledMessage("where.0.test.value", "Required")).toBe("Property filter 1, value: Required");
    expect(labelledMessage("where.1.property", "Enter a property name")).toBe(
      "Property filter 2, property: Enter a property name",
    );
    expect(labelledMessage("where", "Property filters need a named event")).toBe(
      "Property filters: Property filters need a named event",
    );
    expect(labelledMessage("", "Groups nest at most 6 deep")).toBe("Groups nest at most 6 deep");
  });
});
