import type { SegmentRuleInput } from "../rule-schema";

/** A ready-made segment: created in the demo workspace, offered as a starting point everywhere else. */
export type SegmentTemplate = { key: string; name: string; description: string; rule: SegmentRuleInput };

const and = (...conditions: SegmentRuleInput["conditions"]): SegmentRuleInput => ({
  type: "group",
  combinator: "and",
  conditions,
});
const or = (...conditions: SegmentRuleInput["conditions"]) => ({
  type: "group" as const,
  combinator: "or" as const,
  conditions,
});
const timesInLastDays = (event: string, times: number, days: number) => ({
  type: "event" as const,
  event,
  operator: "performed" as const,
  count: { operator: "at_least" as const, value: times },
  window: { type: "last" as const, amount: days, unit: "days" as const },
});

/**
 * "Core feature at least twice a week for 4 weeks". The rule language counts one event name in windows that
 * end today, so the weekly floor is written as a staircase over the last 7, 14, 21 and 28 days (≥ 2, 4, 6, 8):
 * the latest week has at least two uses and no stretch ending today falls below two a week on average.
 */
const sustainedUse = (event: string) =>
  and(
    timesInLastDays(event, 2, 7),
    timesInLastDays(event, 4, 14),
    timesInLastDays(event, 6, 21),
    timesInLastDays(event, 8, 28),
  );

/** The event names follow the default metric settings (Order Completed, Signed Up, the core feature events). */
export const SEGMENT_TEMPLATES: readonly SegmentTemplate[] = [
  {
    key: "churn-declining-purchases",
    name: "Churn risk — declining purchases",
    description:
      "Subscribers whose orders in the last 60 days fell by at least 50 % against the 60 days before: at-risk customers skip boxes and stop add-ons before they cancel.",
    rule: and(
      { type: "frequency_change", event: "Order Completed", windowDays: 60, direction: "fell", percent: 50 },
      { type: "trait", trait: "subscription_status", test: { type: "string", operator: "equals", value: "active" } },
    ),
  },
  {
    key: "churn-detractors",
    name: "Churn risk — detractors",
    description: "Customers whose latest NPS answer is 0–6.",
    rule: and({ type: "nps", band: "detractor" }),
  },
  {
    key: "churn-unresolved-support",
    name: "Churn risk — unresolved support",
    description: "Customers with a ticket that is still not solved 48 hours after it was opened.",
    rule: and({ type: "unresolved_ticket_older_than", hours: 48 }),
  },
  {
    key: "onboarding-incomplete-7-days",
    name: "Onboarding incomplete after 7 days",
    description:
      "Signed up 7 to 29 days ago and has not yet performed every onboarding step (Profile Completed, Preferences Set, First Box Customized).",
    // The steps as "not performed" conditions rather than `onboarding_complete: false`: PostgreSQL misjudges
    // the size of that condition's four-way join and re-reads it per customer (17 s at 100k customers,
    // against 0.5 s this way). The difference: a step done after the 14-day window counts as done here.
    rule: and(
      { type: "signup", test: { type: "date", operator: "more_than_ago", days: 7 } },
      { type: "signup", test: { type: "date", operator: "within_last", days: 30 } },
      or(
        { type: "event", event: "Profile Completed", operator: "not_performed" },
        { type: "event", event: "Preferences Set", operator: "not_performed" },
        { type: "event", event: "First Box Customized", operator: "not_performed" },
      ),
    ),
  },
  {
    key: "activated-no-core-feature",
    name: "Activated but no core feature",
    description:
      "Activated (customized their first box) but used neither core feature (Box Customized, Recipe Viewed) in the last 30 days.",
    rule: and(
      { type: "activated", value: true },
      {
        type: "event",
        event: "Box Customized",
        operator: "not_performed",
        window: { type: "last", amount: 30, unit: "days" },
      },
      {
        type: "event",
        event: "Recipe Viewed",
        operator: "not_performed",
        window: { type: "last", amount: 30, unit: "days" },
      },
    ),
  },
  {
    key: "dormant-30-days",
    name: "Dormant 30 days",
    description: "No activity (any track, page or screen event) in the last 30 days.",
    rule: and({
      type: "event",
      event: "$any",
      operator: "not_performed",
      window: { type: "last", amount: 30, unit: "days" },
    }),
  },
  {
    key: "power-users",
    name: "Retention indicators — power users",
    description:
      "Used a core feature (Box Customized or Recipe Viewed) at least twice a week for the last 4 weeks (at least 2, 4, 6 and 8 times in the last 7, 14, 21 and 28 days).",
    rule: and(or(sustainedUse("Box Customized"), sustainedUse("Recipe Viewed"))),
  },
  {
    key: "promoters",
    name: "Promoters",
    description: "Customers whose latest NPS answer is 9 or 10.",
    rule: and({ type: "nps", band: "promoter" }),
  },
];
