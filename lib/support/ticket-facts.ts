import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import type { DateRange } from "@/lib/metrics/kpis/period";
import { startOfLocalDay, textArray } from "@/lib/metrics/kpis/sql";
import { isResolved, NO_CATEGORY, toDate } from "./sql";

/** Everything the support metrics need to know about one ticket, read once per report. */
export type TicketFacts = {
  id: number;
  customerId: number | null;
  category: string;
  channel: string;
  /** The local calendar day it was created on (YYYY-MM-DD, workspace time zone): its bucket. */
  day: string;
  createdAt: Date;
  firstReplyAt: Date | null;
  /** The first time it became solved (or closed); null if it never did. */
  firstSolvedAt: Date | null;
  /** The last time it became solved, when it is resolved now; null while it is open (also after a reopen). */
  lastSolvedAt: Date | null;
  /** Solved at some point and later set back to new, open or pending. */
  reopened: boolean;
  /** A ticket of the same customer in the same category was created in the 30 days (720 hours) before it. */
  repeat: boolean;
  /** An `Email Sent` or `Message Sent` event of the customer within 48 hours after the first solution. */
  followedUp: boolean;
  satisfactionRating: number | null;
  /**
   * Seconds since the customer's latest subscription charge (Subscription Started or Renewed, as named in the
   * metric settings) at or before the ticket's creation; null without one. Shows billing questions at renewal.
   */
  secondsSinceCharge: number | null;
};

/** Tracked events that count as a message to the customer until journeys send their own (issue 6). */
export const FOLLOW_UP_EVENTS = ["Email Sent", "Message Sent"] as const;
export const FOLLOW_UP_WINDOW_HOURS = 48;
export const REPEAT_WINDOW_DAYS = 30;

/**
 * The tickets created in `range` (local days in `timeZone`), with their resolution history read from
 * ticket_status_history (METRICS.md "Feedback and support"):
 * - a ticket *becomes solved* at each history row whose status is solved or closed and whose previous row is
 *   not (solved → closed is not a second solution); first solution = the earliest, last = the latest;
 * - it is *resolved now* when its latest history row is solved or closed (its own status when it has no
 *   history); only then does it have a full resolution time;
 * - *reopened*: any history row with another status after the first solution.
 * Rows at the same instant are ordered by status name, a stable if arbitrary tie-break.
 * Index use: tickets_created_idx for the range, the history primary key and tickets_customer_idx per ticket,
 * events_customer_time_idx for the follow-up messages and the latest charge.
 */
export async function ticketFacts(
  db: Db,
  workspaceId: string,
  timeZone: string,
  range: DateRange,
  /** Subscription events that charge the customer (started, renewed), for secondsSinceCharge. */
  chargeEvents: readonly string[],
): Promise<TicketFacts[]> {
  const start = startOfLocalDay(sql`${range.from}::date`, timeZone);
  const end = startOfLocalDay(sql`${range.to}::date + 1`, timeZone);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`
      with t as (
        select t.id, t.customer_id, t.category, t.channel, t.status, t.created_at, t.first_agent_reply_at,
               t.satisfaction_rating
        from tickets t
        where t.workspace_id = ${workspaceId} and t.created_at >= ${start} and t.created_at < ${end}
      ),
      h as (
        select h.ticket_id, h.status, h.changed_at,
               lag(h.status) over (partition by h.ticket_id order by h.changed_at, h.status) as previous,
               row_number() over (partition by h.ticket_id order by h.changed_at desc, h.status desc) as from_last
        from ticket_status_history h
        where h.workspace_id = ${workspaceId} and h.ticket_id in (select id from t)
      ),
      solutions as (
        select ticket_id, min(changed_at) as first_solved_at, max(changed_at) as last_solved_at
        from h
        where ${isResolved(sql`h.status`)} and (h.previous is null or not ${isResolved(sql`h.previous`)})
        group by ticket_id
      ),
      reopens as (
        select distinct h.ticket_id
        from h join solutions s on s.ticket_id = h.ticket_id
        where h.changed_at > s.first_solved_at and not ${isResolved(sql`h.status`)}
      ),
      latest as (select ticket_id, status from h where from_last = 1)
      select t.id, t.customer_id, coalesce(t.category, ${NO_CATEGORY}) as category, t.channel,
             to_char((t.created_at at time zone ${timeZone}::text)::date, 'YYYY-MM-DD') as day,
             t.created_at, t.first_agent_reply_at, t.satisfaction_rating,
             s.first_solved_at,
             case when ${isResolved(sql`coalesce(l.status, t.status)`)} then s.last_solved_at end as last_solved_at,
             (r.ticket_id is not null) as reopened,
             (t.category is not null and t.customer_id is not null and exists (
               select 1 from tickets p
               where p.workspace_id = ${workspaceId} and p.customer_id = t.customer_id and p.category = t.category
                 and p.created_at >= t.created_at - ${REPEAT_WINDOW_DAYS * 24} * interval '1 hour'
                 and (p.created_at, p.id) < (t.created_at, t.id)
             )) as repeat,
             (s.first_solved_at is not null and t.customer_id is not null and exists (
               select 1 from events e
               where e.workspace_id = ${workspaceId} and e.customer_id = t.customer_id
                 and e.timestamp >= s.first_solved_at
                 and e.timestamp <= s.first_solved_at + ${FOLLOW_UP_WINDOW_HOURS} * interval '1 hour'
                 and e.type = 'track' and e.name = any(${textArray(FOLLOW_UP_EVENTS)})
             )) as followed_up,
             (select extract(epoch from t.created_at - e.timestamp)
              from events e
              where e.workspace_id = ${workspaceId} and e.customer_id = t.customer_id and e.type = 'track'
                and e.name = any(${textArray(chargeEvents)}) and e.timestamp <= t.created_at
              order by e.timestamp desc
              limit 1) as seconds_since_charge
      from t
      left join solutions s on s.ticket_id = t.id
      left join reopens r on r.ticket_id = t.id
      left join latest l on l.ticket_id = t.id
      order by t.created_at, t.id
    `,
  );
  return result.map((r) => ({
    id: Number(r.id),
    customerId: r.customer_id === null ? null : Number(r.customer_id),
    category: String(r.category),
    channel: String(r.channel),
    day: String(r.day),
    createdAt: toDate(r.created_at) as Date,
    firstReplyAt: toDate(r.first_agent_reply_at),
    firstSolvedAt: toDate(r.first_solved_at),
    lastSolvedAt: toDate(r.last_solved_at),
    reopened: r.reopened === true,
    repeat: r.repeat === true,
    followedUp: r.followed_up === true,
    satisfactionRating: r.satisfaction_rating === null ? null : Number(r.satisfaction_rating),
    secondsSinceCharge: r.seconds_since_charge === null ? null : Number(r.seconds_since_charge),
  }));
}
