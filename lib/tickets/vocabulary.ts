/**
 * The words a ticket is described with. Channels and statuses are the help-desk conventions (Zendesk,
 * Freshdesk, Help Scout, Intercom all map onto them); the metrics (docs/metrics.md, "Feedback and support")
 * read solved/closed as resolved.
 */
export const TICKET_CHANNELS = ["email", "chat", "phone", "web"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** In the order a ticket usually moves through them; the order also breaks ties between changes at one instant. */
export const TICKET_STATUSES = ["new", "open", "pending", "solved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Statuses in which the customer's problem counts as resolved; leaving them is a reopen. */
export const RESOLVED_STATUSES: ReadonlySet<string> = new Set(["solved", "closed"]);

export function isResolved(status: string): boolean {
  return RESOLVED_STATUSES.has(status);
}

/** Satisfaction ratings are the 1–5 scale (CSAT); desks that use good/bad send 5 and 1. */
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** The source a ticket belongs to when the payload names none: the column's default in the schema. */
export const DEFAULT_TICKET_SOURCE = "api";

export type StatusChange = { status: TicketStatus; at: Date };

function rank(status: string): number {
  const index = (TICKET_STATUSES as readonly string[]).indexOf(status);
  return index === -1 ? TICKET_STATUSES.length : index;
}

/** Status changes in time order; changes at the same instant in the statuses' natural order (new before open). */
export function orderHistory<T extends { status: string; at: Date }>(history: readonly T[]): T[] {
  return [...history].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.status) - rank(b.status));
}
