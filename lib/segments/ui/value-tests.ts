import type { ValueTest } from "../value-test-schema";

/**
 * The operators a value test offers per value type, with their labels, and how a test changes when the user
 * picks another type or operator: values that still fit are kept (a number stays when "<" becomes "≥"), the
 * rest start empty so validation asks for them.
 */
export type ValueType = ValueTest["type"];
export type Operator = { value: string; label: string };

export const VALUE_TYPES: { value: ValueType; label: string }[] = [
  { value: "string", label: "text" },
  { value: "number", label: "number" },
  { value: "boolean", label: "true/false" },
  { value: "date", label: "date" },
];

const PRESENCE: Operator[] = [
  { value: "is_set", label: "is set" },
  { value: "is_not_set", label: "is not set" },
];

export const OPERATORS: Record<ValueType, Operator[]> = {
  string: [
    { value: "equals", label: "equals" },
    { value: "not_equals", label: "does not equal" },
    { value: "contains", label: "contains" },
    { value: "starts_with", label: "starts with" },
    { value: "in", label: "is one of" },
    ...PRESENCE,
  ],
  number: [
    { value: "eq", label: "=" },
    { value: "neq", label: "≠" },
    { value: "lt", label: "<" },
    { value: "lte", label: "≤" },
    { value: "gt", label: ">" },
    { value: "gte", label: "≥" },
    { value: "between", label: "between" },
    ...PRESENCE,
  ],
  boolean: [{ value: "is_true", label: "is true" }, { value: "is_false", label: "is false" }, ...PRESENCE],
  date: [
    { value: "within_last", label: "within the last" },
    { value: "more_than_ago", label: "more than … ago" },
    { value: "before", label: "before" },
    { value: "after", label: "after" },
    { value: "between", label: "between" },
    ...PRESENCE,
  ],
};

/** Number operators without "is set" (orders and revenue: every customer has a value). */
export const COMPARE_OPERATORS = OPERATORS.number.filter((o) => o.value !== "is_set" && o.value !== "is_not_set");

type Loose = Record<string, unknown>;

/**
 * The test after picking `operator` (and `type`). Fields the new operator needs are carried over from the old
 * test when they exist and left undefined otherwise, so the rule check reports "Required" right there.
 */
export function withOperator(test: ValueTest | Loose, type: ValueType, operator: string): ValueTest {
  const old = test as Loose;
  const sameType = old.type === type;
  const keep = (field: string) => (sameType ? old[field] : undefined);
  const next: Loose = { type, operator };
  if (type === "string") {
    if (operator === "in")
      next.values =
        keep("values") ?? (typeof keep("value") === "string" && keep("value") !== "" ? [keep("value")] : []);
    else if (operator !== "is_set" && operator !== "is_not_set")
      next.value = keep("value") ?? (Array.isArray(keep("values")) ? ((keep("values") as string[])[0] ?? "") : "");
  } else if (type === "number") {
    if (operator === "between") {
      next.min = keep("min") ?? keep("value");
      next.max = keep("max");
    } else if (operator !== "is_set" && operator !== "is_not_set") next.value = keep("value") ?? keep("min");
  } else if (type === "date") {
    if (operator === "within_last" || operator === "more_than_ago") next.days = keep("days") ?? 30;
    else if (operator === "before" || operator === "after") next.date = keep("date") ?? keep("from");
    else if (operator === "between") {
      next.from = keep("from") ?? keep("date");
      next.to = keep("to");
    }
  }
  // The shape is checked by checkSegmentRule on every change; an incomplete test is what it reports.
  return next as ValueTest;
}

/** A fresh test of a value type, with its first operator. */
export function defaultTest(type: ValueType): ValueTest {
  const first = OPERATORS[type][0]?.value ?? "is_set";
  return withOperator({}, type, first);
}
