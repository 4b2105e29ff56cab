import type { SegmentNode } from "../rule-schema";
import type { ValueTest } from "../value-test-schema";

/**
 * Whether a rule's answer can change with nothing but time passing (a window sliding, a ticket ageing) or with
 * data that does not arrive through event ingest (tickets): such segments are recomputed on the schedule.
 * The others change only when a customer's events or traits change, which the ingest refresh covers. A
 * reference to another segment counts as sensitive (that segment's rule is not read here).
 */
export function needsScheduledRefresh(node: SegmentNode): boolean {
  switch (node.type) {
    case "group":
      return node.conditions.some(needsScheduledRefresh);
    case "trait":
      return isRelative(node.test);
    case "event":
      return node.window.type === "last" || node.where.some((f) => isRelative(f.test));
    case "event_time":
    case "frequency_change":
    case "lifecycle_status":
    case "open_ticket":
    case "unresolved_ticket_older_than":
    case "tickets_in_category":
    case "last_csat":
    case "segment":
      return true;
    case "commerce":
      return node.measure === "days_since_last_order";
    case "signup":
      return isRelative(node.test);
    case "activated":
    case "onboarding_complete":
    case "nps":
      return false;
  }
}

function isRelative(test: ValueTest): boolean {
  return test.type === "date" && (test.operator === "within_last" || test.operator === "more_than_ago");
}
