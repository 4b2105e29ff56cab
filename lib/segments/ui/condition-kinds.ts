import type { SegmentConditionInput } from "../rule-schema";

/**
 * The conditions the builder offers, in the order of its "Add condition" menu, each with the condition a
 * click adds. Defaults are complete where a sensible value exists (last 30 days, at least once), so the live
 * count can run at once; names (event, trait, category, segment) are left for the user to pick.
 */
export type ConditionType = SegmentConditionInput["type"];

export type ConditionKind = {
  type: ConditionType;
  label: string;
  section: string;
  create: () => SegmentConditionInput;
};

export const CONDITION_KINDS: ConditionKind[] = [
  {
    type: "event",
    label: "Performed an event (or did not)",
    section: "Behaviour",
    create: () => ({
      type: "event",
      event: "",
      operator: "performed",
      count: { operator: "at_least", value: 1 },
      window: { type: "last", amount: 30, unit: "days" },
      where: [],
    }),
  },
  {
    type: "event_time",
    label: "First or last time an event was performed",
    section: "Behaviour",
    create: () => ({ type: "event_time", event: "", which: "last", operator: "more_than_ago", days: 30 }),
  },
  {
    type: "frequency_change",
    label: "Event frequency fell or rose",
    section: "Behaviour",
    create: () => ({ type: "frequency_change", event: "", windowDays: 30, direction: "fell", percent: 50, where: [] }),
  },
  {
    type: "trait",
    label: "Profile trait",
    section: "Profile",
    create: () => ({ type: "trait", trait: "", test: { type: "string", operator: "equals", value: "" } }),
  },
  {
    type: "commerce",
    label: "Orders, revenue or days since last order",
    section: "Commerce",
    create: () => ({ type: "commerce", measure: "orders", test: { type: "number", operator: "gte", value: 1 } }),
  },
  {
    type: "signup",
    label: "Signup date",
    section: "Lifecycle",
    create: () => ({ type: "signup", test: { type: "date", operator: "within_last", days: 30 } }),
  },
  { type: "activated", label: "Activated", section: "Lifecycle", create: () => ({ type: "activated", value: true }) },
  {
    type: "onboarding_complete",
    label: "Completed onboarding",
    section: "Lifecycle",
    create: () => ({ type: "onboarding_complete", value: true }),
  },
  {
    type: "lifecycle_status",
    label: "Lifecycle status (new, returning, resurrecting, dormant)",
    section: "Lifecycle",
    create: () => ({ type: "lifecycle_status", status: "dormant", period: "week" }),
  },
  {
    type: "nps",
    label: "Latest NPS score",
    section: "Feedback and support",
    create: () => ({ type: "nps", band: "detractor" }),
  },
  {
    type: "open_ticket",
    label: "Has an open ticket",
    section: "Feedback and support",
    create: () => ({ type: "open_ticket", value: true }),
  },
  {
    type: "unresolved_ticket_older_than",
    label: "Unresolved ticket older than",
    section: "Feedback and support",
    create: () => ({ type: "unresolved_ticket_older_than", hours: 48 }),
  },
  {
    type: "tickets_in_category",
    label: "Tickets in a category",
    section: "Feedback and support",
    create: () => ({ type: "tickets_in_category", category: "", days: 30, count: { operator: "at_least", value: 1 } }),
  },
  {
    type: "last_csat",
    label: "Latest CSAT rating",
    section: "Feedback and support",
    create: () => ({ type: "last_csat", test: { type: "number", operator: "lte", value: 2 } }),
  },
  {
    type: "segment",
    label: "In another segment",
    section: "Segments",
    create: () => ({ type: "segment", segmentId: "", operator: "in" }),
  },
];

export function conditionKind(type: ConditionType): ConditionKind {
  const kind = CONDITION_KINDS.find((k) => k.type === type);
  if (!kind) throw new Error(`Unknown condition type ${type}`);
  return kind;
}
