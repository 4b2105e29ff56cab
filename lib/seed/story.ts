/**
 * What the simulation produces for one demo customer, before it has database ids: the profile, the events in
 * time order and the support tickets. Nothing here happens after `now`: the simulation may plan a renewal
 * next month, but only what has already happened reaches the database.
 */

export type StoryEvent = {
  type: "track" | "page" | "identify";
  /** Event name (track) or page name (page); null for identify. */
  name: string | null;
  at: number;
  properties: Record<string, unknown>;
  /** Sent before sign-up by the anonymous visitor: no user id yet. */
  anonymous?: boolean;
  /** Carries the visitor's anonymous id next to the user id (the sign-up moment links the two). */
  withAnonymousId?: boolean;
};

export type TicketStatus = "new" | "open" | "pending" | "solved";

export type StoryTicket = {
  /** 1-based position among the customer's tickets; part of the ticket's external id. */
  seq: number;
  category: string;
  channel: string;
  priority: string;
  subject: string;
  assignee: string | null;
  tags: string[];
  createdAt: number;
  firstAgentReplyAt: number | null;
  /** Status changes up to `now`, oldest first, starting with "new". */
  history: { status: TicketStatus; at: number }[];
  satisfactionRating: number | null;
  satisfactionComment: string | null;
};

export type CustomerStory = {
  /** 1-based customer number: user_00001 is the first sign-up. */
  number: number;
  externalId: string;
  email: string;
  anonymousId: string | null;
  timeZone: string;
  signupAt: number;
  traits: Record<string, unknown>;
  events: StoryEvent[];
  tickets: StoryTicket[];
};

/** Collects a customer's events, dropping whatever would happen after `now`. */
export class Timeline {
  readonly events: StoryEvent[] = [];

  constructor(readonly now: number) {}

  add(event: StoryEvent): boolean {
    if (event.at > this.now) return false;
    this.events.push({ ...event, at: Math.floor(event.at) });
    return true;
  }

  track(at: number, name: string, properties: Record<string, unknown> = {}): boolean {
    return this.add({ type: "track", name, at, properties });
  }

  page(at: number, name: string, properties: Record<string, unknown> = {}): boolean {
    return this.add({ type: "page", name, at, properties });
  }

  /** Events in time order; ties keep insertion order (Array.prototype.sort is stable). */
  sorted(): StoryEvent[] {
    return this.events.sort((a, b) => a.at - b.at);
  }
}
