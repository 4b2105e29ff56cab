import { ACTIVE_TYPES } from "@/lib/ingest/active-types";
import { NPS_EVENT } from "@/lib/metrics/kpis/nps";
import type { MetricSettings } from "@/lib/metrics/settings";
import { ANY_EVENT, type SegmentNode } from "../rule-schema";

/** What an ingest batch changed (for one customer, or for the whole batch), as far as segment rules can tell. */
export type BatchChanges = {
  /** Names of stored track/page/screen events. */
  activeEventNames: ReadonlySet<string>;
  /** Any stored identify (traits may have changed). */
  identified: boolean;
  /** Any stored event at all (a signup without a signup event is the first event of any kind). */
  anyEvent: boolean;
};

type StoredEventKind = { type: string; name: string | null };

export function batchChanges(stored: readonly StoredEventKind[]): BatchChanges {
  const names = new Set<string>();
  let identified = false;
  for (const e of stored) {
    if (ACTIVE_TYPES.has(e.type) && e.name) names.add(e.name);
    if (e.type === "identify") identified = true;
  }
  return { activeEventNames: names, identified, anyEvent: stored.length > 0 };
}

/**
 * The batch's changes per customer it touched. A rule tests one customer's own data, so a customer whose
 * stored events a rule does not read keeps the answer they had: ingest re-evaluates each segment only for the
 * customers whose events it reads (a page view of one customer does not re-run "latest NPS" for the others).
 */
export function batchChangesByCustomer(
  stored: readonly (StoredEventKind & { customerId: number })[],
): Map<number, BatchChanges> {
  const byCustomer = new Map<number, StoredEventKind[]>();
  for (const e of stored) {
    const own = byCustomer.get(e.customerId);
    if (own) own.push(e);
    else byCustomer.set(e.customerId, [e]);
  }
  return new Map([...byCustomer].map(([customerId, events]) => [customerId, batchChanges(events)]));
}

/**
 * Whether a batch with these changes can change the rule's answer for the customers it touched. A batch of
 * page views cannot move "latest NPS is 9–10", so that segment is not re-evaluated for it: on a large
 * workspace each evaluation reads the rule's events for every customer, and most batches touch few rules.
 * Tickets do not arrive through event ingest (the scheduled refresh covers them); a reference to another
 * segment counts as affected.
 */
export function batchCanAffect(node: SegmentNode, settings: MetricSettings, batch: BatchChanges): boolean {
  const named = (event: string) =>
    event === ANY_EVENT ? batch.activeEventNames.size > 0 : batch.activeEventNames.has(event);
  const anyOf = (events: readonly (string | null)[]) => events.some((e) => e !== null && named(e));
  const signup = () => (settings.signupEvent === null ? batch.anyEvent : named(settings.signupEvent));
  switch (node.type) {
    case "group":
      return node.conditions.some((child) => batchCanAffect(child, settings, batch));
    case "trait":
      return batch.identified;
    case "event":
    case "event_time":
    case "frequency_change":
      return named(node.event);
    case "commerce":
      return named(settings.purchase.event);
    case "signup":
      return signup();
    case "activated":
      return anyOf(settings.activationEvents);
    case "onboarding_complete":
      return signup() || anyOf(settings.onboardingSteps);
    case "lifecycle_status":
      return batch.activeEventNames.size > 0;
    case "nps":
      return named(NPS_EVENT);
    case "open_ticket":
    case "unresolved_ticket_older_than":
    case "tickets_in_category":
    case "last_csat":
      return false;
    case "segment":
      return true;
  }
}
