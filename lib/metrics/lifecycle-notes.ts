/** The "how is this computed" text of the lifecycle chart; docs/metrics.md says the same. */
export const LIFECYCLE_NOTES = [
  "A customer is active in a period when they performed the chosen event in it (by default any track, page or screen event).",
  "New: the period is the customer's first active period ever. Returning: also active in the period before. Resurrecting: not active in the period before, but active at some time earlier.",
  "Dormant (below zero): active in the period before, not in this one.",
  "Periods are calendar periods in the workspace's time zone; the current period is still running, so its bars are not final.",
];
