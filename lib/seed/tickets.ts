import { ASSIGNEES, SATISFACTION_COMMENTS, TICKET_PROFILES, type TicketCategory } from "./catalog";
import type { Random } from "./random";
import type { StoryEvent, StoryTicket, TicketStatus } from "./story";
import { HOUR, MINUTE } from "./time";

export type TicketRequest = {
  seq: number;
  externalId: string;
  category: TicketCategory;
  createdAt: number;
  tags: string[];
};

export type OpenedTicket = {
  ticket: StoryTicket;
  /** Help-center searches before writing in and the follow-up email after a solution. */
  events: StoryEvent[];
  /** When the ticket first became solved, even if that is after `now`; null if it never is. */
  firstSolvedAt: number | null;
};

/**
 * Plays one support ticket through a help desk: first reply (fast on chat and phone, hours on email and the
 * web form), sometimes a wait on the customer, a solution after a category-typical time, sometimes a reopen,
 * and a satisfaction rating that falls with slow or repeated handling. Some tickets are never solved (most
 * often integration setup): those are the "unresolved tickets" that drive churn in the simulation.
 * Returns null when the ticket would be created after `now`.
 */
export function playTicket(random: Random, now: number, request: TicketRequest): OpenedTicket | null {
  const { createdAt, category } = request;
  if (createdAt > now) return null;
  const profile = TICKET_PROFILES[category];
  const channel = random.weighted(profile.channels);
  const history: { status: TicketStatus; at: number }[] = [{ status: "new", at: createdAt }];
  const events: StoryEvent[] = [];

  if (random.chance(0.45)) events.push(...helpCenterVisit(random, category, createdAt - random.int(2, 40) * MINUTE));

  const neverAnswered = random.chance(0.02);
  const firstReplyAt = neverAnswered ? null : createdAt + replyDelay(random, channel);
  const unsolved = neverAnswered || random.chance(profile.unsolvedShare);
  let firstSolvedAt: number | null = null;
  let reopened = false;

  if (firstReplyAt !== null) {
    history.push({ status: "open", at: firstReplyAt });
    let last = firstReplyAt;
    if (random.chance(0.3)) {
      // Waiting on the customer, who answers a while later.
      last += random.int(10, 360) * MINUTE;
      history.push({ status: "pending", at: last });
      if (random.chance(0.7) || !unsolved) {
        last += Math.round(random.exponential(10 * HOUR)) + MINUTE;
        history.push({ status: "open", at: last });
      }
    }
    if (!unsolved) {
      const solvedAt = Math.max(last + MINUTE, createdAt + hoursAround(random, profile.medianHoursToSolve));
      history.push({ status: "solved", at: solvedAt });
      firstSolvedAt = solvedAt;
      if (random.chance(category === "integration setup" ? 0.25 : 0.1)) {
        reopened = true;
        const reopenedAt = solvedAt + random.int(12, 120) * HOUR;
        history.push({ status: "open", at: reopenedAt });
        if (random.chance(0.85)) {
          history.push({ status: "solved", at: reopenedAt + hoursAround(random, profile.medianHoursToSolve) });
        }
      }
      if (random.chance(0.4)) {
        events.push({
          type: "track",
          name: "Email Sent",
          at: solvedAt + random.int(5, 120) * MINUTE,
          properties: { template: "ticket_solved_follow_up", ticket_id: request.externalId, channel: "email" },
        });
      }
    }
  }

  const finalStatus = history[history.length - 1]?.status;
  let satisfactionRating: number | null = null;
  let satisfactionComment: string | null = null;
  let ratedAt = Number.POSITIVE_INFINITY;
  if (finalStatus === "solved" && firstSolvedAt !== null && random.chance(0.5)) {
    const hours = (firstSolvedAt - createdAt) / HOUR;
    const expected = 4.7 - 0.35 * Math.log(1 + hours / 8) - (reopened ? 1.2 : 0);
    satisfactionRating = Math.min(5, Math.max(1, Math.round(random.normal(expected, 0.6))));
    if (random.chance(0.3)) {
      satisfactionComment = random.pick(
        satisfactionRating >= 4 ? SATISFACTION_COMMENTS.good : SATISFACTION_COMMENTS.bad,
      );
    }
    ratedAt = (history[history.length - 1]?.at ?? createdAt) + Math.round(random.exponential(10 * HOUR));
  }

  // The desk as it stands at `now`: later changes have not happened yet.
  const past = history.filter((h) => h.at <= now);
  const current = past[past.length - 1]?.status ?? "new";
  const rated = ratedAt <= now && current === "solved";
  return {
    ticket: {
      seq: request.seq,
      category,
      channel,
      priority: random.weighted(profile.priorities),
      subject: random.pick(profile.subjects),
      assignee: firstReplyAt === null ? null : random.pick(ASSIGNEES),
      tags: request.tags,
      createdAt,
      firstAgentReplyAt: firstReplyAt !== null && firstReplyAt <= now ? firstReplyAt : null,
      history: past,
      satisfactionRating: rated ? satisfactionRating : null,
      satisfactionComment: rated ? satisfactionComment : null,
    },
    events,
    firstSolvedAt,
  };
}

/** The help desk's ticket number: the customer's number and the ticket's position among theirs. */
export function ticketExternalId(customerNumber: number, seq: number): string {
  return `NW-${String(customerNumber).padStart(5, "0")}-${seq}`;
}

/** Searching the help center, sometimes finding nothing, sometimes reading an article. */
export function helpCenterVisit(random: Random, category: TicketCategory, at: number): StoryEvent[] {
  const profile = TICKET_PROFILES[category];
  const resultsCount = random.chance(profile.zeroResultShare) ? 0 : random.int(1, 12);
  const events: StoryEvent[] = [
    {
      type: "track",
      name: "Help Center Searched",
      at,
      properties: { query: random.pick(profile.searches), results_count: resultsCount },
    },
  ];
  if (resultsCount > 0 && random.chance(0.6)) {
    events.push({
      type: "track",
      name: "Help Article Viewed",
      at: at + random.int(5, 90) * 1000,
      properties: { title: random.pick(profile.articles), category },
    });
  }
  return events;
}

function replyDelay(random: Random, channel: string): number {
  switch (channel) {
    case "chat":
      return MINUTE + Math.round(random.exponential(6 * MINUTE));
    case "phone":
      return random.int(20, 180) * 1000;
    case "email":
      return hoursAround(random, 5);
    default:
      return hoursAround(random, 9);
  }
}

/** A log-normal duration around a median number of hours: most near it, a long tail of slow ones. */
function hoursAround(random: Random, medianHours: number): number {
  return Math.round(Math.exp(random.normal(Math.log(medianHours), 0.8)) * HOUR) + MINUTE;
}
