import { describe, expect, it } from "vitest";
import { describeSegmentRule } from "./describe";
import { parseSegmentRule } from "./parse";

const say = (rule: unknown, names = {}) => describeSegmentRule(parseSegmentRule(rule), names);
const and = (...conditions: unknown[]) => ({ type: "group", combinator: "and", conditions });
const or = (...conditions: unknown[]) => ({ type: "group", combinator: "or", conditions });

describe("describeSegmentRule", () => {
  it("reads an event with a count, a window and property filters", () => {
    expect(
      say(
        and(
          {
            type: "event",
            event: "Order Completed",
            operator: "performed",
            count: { operator: "at_least", value: 2 },
            window: { type: "last", amount: 30, unit: "days" },
            where: [{ property: "revenue", test: { type: "number", operator: "gte", value: 50 } }],
          },
          { type: "open_ticket", value: true },
        ),
      ),
    ).toBe(
      "Customers who performed Order Completed with revenue ≥ 50 at least twice in the last 30 days and have an open ticket",
    );
  });

  it("puts nested groups in parentheses and negated ones after “not”", () => {
    const rule = and(
      { type: "trait", trait: "plan", test: { type: "string", operator: "in", values: ["pro", "team"] } },
      or(
        { type: "nps", band: "detractor" },
        { type: "last_csat", test: { type: "number", operator: "lte", value: 2 } },
      ),
      { ...or({ type: "segment", segmentId: "s1", operator: "in" }), negate: true },
    );
    expect(say(rule, { s1: "VIP" })).toBe(
      "Customers who have trait plan one of “pro”, “team” and (gave 0–6 (detractor) as their latest NPS score or have a latest CSAT rating ≤ 2) and do not match (are in segment “VIP”)",
    );
  });

  it.each([
    [
      {
        type: "event",
        event: "Logged In",
        operator: "not_performed",
        window: { type: "last", amount: 2, unit: "weeks" },
      },
      "did not perform Logged In in the last 2 weeks",
    ],
    [
      { type: "event", event: "$any", operator: "performed", count: { operator: "exactly", value: 1 } },
      "performed any event exactly once",
    ],
    [
      { type: "event_time", event: "Logged In", which: "last", operator: "more_than_ago", days: 14 },
      "last performed Logged In more than 14 days ago",
    ],
    [
      { type: "frequency_change", event: "Order Completed", windowDays: 30, direction: "fell", percent: 50 },
      "performed Order Completed at least 50 % less often in the last 30 days than in the 30 days before",
    ],
    [
      {
        type: "commerce",
        measure: "days_since_last_order",
        test: { type: "number", operator: "between", min: 30, max: 60 },
      },
      "have days since last order between 30 and 60",
    ],
    [{ type: "signup", test: { type: "date", operator: "within_last", days: 7 } }, "signed up within the last 7 days"],
    [{ type: "activated", value: false }, "are not activated"],
    [{ type: "onboarding_complete", value: true }, "completed onboarding"],
    [{ type: "lifecycle_status", status: "resurrecting" }, "are resurrecting (last complete week)"],
    [{ type: "unresolved_ticket_older_than", hours: 48 }, "have an unresolved ticket older than 48 hours"],
    [
      { type: "tickets_in_category", category: "Billing", days: 30, count: { operator: "at_least", value: 3 } },
      "opened at least 3 tickets in category “Billing” in the last 30 days",
    ],
    [
      { type: "trait", trait: "trial_ends", test: { type: "date", operator: "before", date: "2026-04-01" } },
      "have trait trial_ends before 2026-04-01",
    ],
    [{ type: "segment", segmentId: "s9", operator: "not_in" }, "are not in segment “s9”"],
  ])("%j", (condition, phrase) => {
    expect(say(and(condition))).toBe(`Customers who ${phrase}`);
  });

  it("reads negated groups of several conditions", () => {
    const login = { type: "event", event: "Logged In", operator: "performed" };
    const open = { type: "open_ticket", value: true };
    expect(say(and({ ...or(login, open), negate: true }))).toBe(
      "Customers who match none of (performed Logged In or have an open ticket)",
    );
    expect(say({ ...and(login, open), negate: true })).toBe(
      "Customers who do not match all of (performed Logged In and have an open ticket)",
    );
  });

  it("says who an empty rule matches", () => {
    expect(say(and())).toBe("All customers");
    expect(say({ ...and(), negate: true })).toBe("No customers");
  });
});
