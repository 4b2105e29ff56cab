import type { SegmentCondition, SegmentNode, SegmentRule } from "./rule-schema";
import { ANY_EVENT } from "./rule-schema";
import type { DateTest, NumberTest, StringTest, ValueTest } from "./value-test-schema";

/** Names of segments a rule refers to, by id; a missing one is shown by its id. */
export type SegmentNames = Record<string, string>;

/**
 * The rule in plain language for the builder and the preview ("Customers who performed Order Completed at
 * least 2 times in the last 30 days and have an open ticket"). Nested groups are in parentheses; a negated
 * group reads "match none of (A or B)", "do not match all of (A and B)" or "do not match (A)". Reads nothing but the rule, so the builder can call it on every keystroke.
 */
export function describeSegmentRule(rule: SegmentRule, names: SegmentNames = {}): string {
  if (rule.conditions.length === 0) return rule.negate ? "No customers" : "All customers";
  return `Customers who ${describeNode(rule, names, true)}`;
}

function describeNode(node: SegmentNode, names: SegmentNames, top = false): string {
  if (node.type !== "group") return describeCondition(node, names);
  if (node.conditions.length === 0) return node.negate ? "match nothing" : "match anything";
  const parts = node.conditions.map((c) => describeNode(c, names));
  const joined = parts.join(node.combinator === "and" ? " and " : " or ");
  if (node.negate) {
    if (parts.length === 1) return `do not match (${joined})`;
    return node.combinator === "or" ? `match none of (${joined})` : `do not match all of (${joined})`;
  }
  return top || parts.length === 1 ? joined : `(${joined})`;
}

const quote = (s: string) => `“${s}”`;
const eventLabel = (event: string) => (event === ANY_EVENT ? "any event" : event);
const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

function describeCondition(c: SegmentCondition, names: SegmentNames): string {
  switch (c.type) {
    case "trait":
      return `have trait ${c.trait} ${describeTest(c.test)}`;
    case "event": {
      const window = describeWindow(c.window);
      const where = c.where.length
        ? ` with ${c.where.map((f) => `${f.property} ${describeTest(f.test)}`).join(" and ")}`
        : "";
      if (c.operator === "not_performed") return `did not perform ${eventLabel(c.event)}${where}${window}`;
      const count = c.count ?? { operator: "at_least", value: 1 };
      const howOften =
        count.operator === "at_least" && count.value === 1
          ? ""
          : ` ${count.operator.replace("_", " ")} ${times(count.value)}`;
      return `performed ${eventLabel(c.event)}${where}${howOften}${window}`;
    }
    case "event_time":
      return `${c.which} performed ${eventLabel(c.event)} ${
        c.operator === "within_last" ? `within the last ${days(c.days)}` : `more than ${days(c.days)} ago`
      }`;
    case "frequency_change": {
      const where = c.where.length
        ? ` with ${c.where.map((f) => `${f.property} ${describeTest(f.test)}`).join(" and ")}`
        : "";
      return `performed ${eventLabel(c.event)}${where} at least ${c.percent} % ${
        c.direction === "fell" ? "less" : "more"
      } often in the last ${days(c.windowDays)} than in the ${days(c.windowDays)} before`;
    }
    case "commerce": {
      const label = {
        orders: "number of orders",
        lifetime_revenue: "lifetime revenue",
        days_since_last_order: "days since last order",
      }[c.measure];
      return `have ${label} ${describeNumber(c.test)}`;
    }
    case "signup":
      if (c.test.operator === "is_set") return "signed up";
      if (c.test.operator === "is_not_set") return "never signed up";
      return `signed up ${describeDate(c.test)}`;
    case "activated":
      return c.value ? "are activated" : "are not activated";
    case "onboarding_complete":
      return c.value ? "completed onboarding" : "did not complete onboarding";
    case "lifecycle_status":
      return `are ${c.status} (last complete ${c.period})`;
    case "nps":
      return `gave ${{ promoter: "9–10 (promoter)", passive: "7–8 (passive)", detractor: "0–6 (detractor)" }[c.band]} as their latest NPS score`;
    case "open_ticket":
      return c.value ? "have an open ticket" : "have no open ticket";
    case "unresolved_ticket_older_than":
      return `have an unresolved ticket older than ${c.hours} ${c.hours === 1 ? "hour" : "hours"}`;
    case "tickets_in_category": {
      const { operator, value } = c.count;
      const howMany =
        operator === "at_least" && value === 1
          ? "a ticket"
          : `${operator.replace("_", " ")} ${value} ${value === 1 ? "ticket" : "tickets"}`;
      return `opened ${howMany} in category ${quote(c.category)} in the last ${days(c.days)}`;
    }
    case "last_csat":
      return `have a latest CSAT rating ${describeNumber(c.test)}`;
    case "segment": {
      const name = quote(names[c.segmentId] ?? c.segmentId);
      return c.operator === "in" ? `are in segment ${name}` : `are not in segment ${name}`;
    }
  }
}

const days = (n: number) => (n === 1 ? "day" : `${n} days`);

function describeWindow(w: Extract<SegmentCondition, { type: "event" }>["window"]): string {
  switch (w.type) {
    case "all_time":
      return "";
    case "last":
      return w.amount === 1 ? ` in the last ${w.unit.slice(0, -1)}` : ` in the last ${w.amount} ${w.unit}`;
    case "between":
      return ` between ${w.from} and ${w.to}`;
  }
}

function describeTest(test: ValueTest): string {
  switch (test.type) {
    case "string":
      return describeString(test);
    case "number":
      return describeNumber(test);
    case "boolean":
      return { is_true: "true", is_false: "false", is_set: "set", is_not_set: "not set" }[test.operator];
    case "date":
      return describeDate(test);
  }
}

function describeString(test: StringTest): string {
  switch (test.operator) {
    case "equals":
      return `equal to ${quote(test.value)}`;
    case "not_equals":
      return `not equal to ${quote(test.value)}`;
    case "contains":
      return `containing ${quote(test.value)}`;
    case "starts_with":
      return `starting with ${quote(test.value)}`;
    case "in":
      return `one of ${test.values.map(quote).join(", ")}`;
    case "is_set":
      return "set";
    case "is_not_set":
      return "not set";
  }
}

const SYMBOLS = { eq: "=", neq: "≠", lt: "<", lte: "≤", gt: ">", gte: "≥" } as const;

function describeNumber(test: NumberTest): string {
  switch (test.operator) {
    case "between":
      return `between ${test.min} and ${test.max}`;
    case "is_set":
      return "set";
    case "is_not_set":
      return "not set";
    default:
      return `${SYMBOLS[test.operator]} ${test.value}`;
  }
}

function describeDate(test: DateTest): string {
  switch (test.operator) {
    case "before":
      return `before ${test.date}`;
    case "after":
      return `after ${test.date}`;
    case "between":
      return `between ${test.from} and ${test.to}`;
    case "within_last":
      return `within the last ${days(test.days)}`;
    case "more_than_ago":
      return `more than ${days(test.days)} ago`;
    case "is_set":
      return "set";
    case "is_not_set":
      return "not set";
  }
}
