import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { statusRankSql } from "@/lib/tickets/status-order-sql";
import { RESOLVED_STATUSES } from "@/lib/tickets/vocabulary";
import {
  afterKey,
  type Cursor,
  type Direction,
  keysetPage,
  orderKeyword,
  type PageRequest,
  TIMESTAMP_TEXT,
  timestampText,
} from "./keyset";

export type TimelineEvent = {
  id: number;
  /** Segment call type (track, identify, page, screen, group, alias), or system for Tenure's own events. */
  type: string;
  name: string | null;
  timestamp: Date;
  properties: Record<string, unknown>;
};

/** A moment in one of the customer's support tickets: opened, became solved, or reopened after a solve. */
export type TicketChange = {
  type: "ticket";
  change: "created" | "solved" | "reopened";
  timestamp: Date;
  ticket: {
    id: number;
    externalId: string;
    subject: string | null;
    category: string | null;
    channel: string;
    /** The ticket's status now, not at this moment. */
    status: string;
  };
};

export type TimelineEntry = TimelineEvent | TicketChange;

export function isTicketChange(entry: TimelineEntry): entry is TicketChange {
  return entry.type === "ticket" && "change" in entry;
}

export type TimelinePage<E = TimelineEvent> = {
  events: E[];
  /** Where the next (older) page starts; null at the customer's first entry. */
  older: Cursor | null;
  /** Where the previous (newer) page ends; null on the newest page. */
  newer: Cursor | null;
};

/**
 * Entries are ordered by (time, rank, id): at one instant a ticket's changes sort after its events in time
 * order (created, solved, reopened), so newest-first shows them above. Event cursors keep the plain timestamp
 * as their value; ticket cursors append "|rank".
 */
const RANK = { event: 0, created: 1, solved: 2, reopened: 3 } as const;
type Keyed<E> = { entry: E; at: string; rank: number; id: number };

/**
 * One page of a customer's events, newest first, keyset-paginated on (timestamp, id): `after` walks to older
 * events, `before` back to newer ones. Reads events_customer_time_idx (workspace, customer, timestamp)
 * backwards, so a page costs the same for the 10th and the 10,000th event.
 *
 * With `tickets`, the customer's support tickets are interleaved by time: each ticket's creation, every time
 * it became solved (solved or closed after an unresolved status, or as its first status) and every reopen (an
 * unresolved status after a resolved one), read from ticket_status_history in the order orderHistory defines.
 * A customer has few tickets, so that side reads all of them each page; the event side stays a keyset read.
 */
export async function customerTimeline(
  db: Db,
  workspaceId: string,
  customerId: number,
  request: PageRequest,
  options: { tickets: true },
): Promise<TimelinePage<TimelineEntry>>;
export async function customerTimeline(
  db: Db,
  workspaceId: string,
  customerId: number,
  request: PageRequest,
  options?: { tickets?: false },
): Promise<TimelinePage<TimelineEvent>>;
export async function customerTimeline(
  db: Db,
  workspaceId: string,
  customerId: number,
  request: PageRequest,
  options: { tickets?: boolean } = {},
): Promise<TimelinePage<TimelineEntry>> {
  const page = await keysetPage<Keyed<TimelineEntry>>(
    request,
    async (cursor, backwards) => {
      const direction: Direction = backwards ? "asc" : "desc";
      const position = cursor ? readCursor(cursor) : null;
      const found: Keyed<TimelineEntry>[] = await eventRows(
        db,
        workspaceId,
        customerId,
        position,
        direction,
        request.limit,
      );
      if (options.tickets) {
        found.push(...(await ticketRows(db, workspaceId, customerId, position, direction, request.limit)));
      }
      const sign = direction === "desc" ? -1 : 1;
      found.sort((a, b) => sign * (compareText(a.at, b.at) || a.rank - b.rank || a.id - b.id));
      return found.slice(0, request.limit + 1);
    },
    (row) => ({ value: row.rank === 0 ? row.at : `${row.at}|${row.rank}`, id: row.id }),
  );
  return { events: page.rows.map((r) => r.entry), older: page.next, newer: page.previous };
}

type Position = { at: string; rank: number; id: number };

function readCursor(cursor: Cursor): Position {
  const [at = "", rank = "0"] = (cursor.value ?? "").split("|");
  return { at, rank: Number(rank), id: cursor.id };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function eventRows(
  db: Db,
  workspaceId: string,
  customerId: number,
  position: Position | null,
  direction: Direction,
  limit: number,
): Promise<Keyed<TimelineEvent>[]> {
  const dir = orderKeyword(direction);
  // Events rank 0: after a ticket position at the same instant, every event of that instant is still ahead
  // (going back in time) or already behind (going forward).
  let after = sql``;
  if (position && position.rank === 0) {
    after = sql`and ${afterKey(sql`e.timestamp`, sql`e.id`, sql`${position.at}::timestamptz`, position.id, direction)}`;
  } else if (position) {
    after =
      direction === "desc"
        ? sql`and e.timestamp <= ${position.at}::timestamptz`
        : sql`and e.timestamp > ${position.at}::timestamptz`;
  }
  const found = await rows<{
    id: number | string;
    type: string;
    name: string | null;
    timestamp: string | Date;
    properties: Record<string, unknown>;
    cursor_value: string;
  }>(
    db,
    sql`
      select e.id, e.type, e.name, e.timestamp, e.properties, ${timestampText(sql`e.timestamp`)} as cursor_value
      from events e
      where e.workspace_id = ${workspaceId} and e.customer_id = ${customerId} ${after}
      order by e.timestamp ${dir}, e.id ${dir}
      limit ${limit + 1}
    `,
  );
  return found.map((e) => ({
    entry: {
      id: Number(e.id),
      type: e.type,
      name: e.name,
      timestamp: new Date(e.timestamp),
      properties: e.properties,
    },
    at: e.cursor_value,
    rank: RANK.event,
    id: Number(e.id),
  }));
}

async function ticketRows(
  db: Db,
  workspaceId: string,
  customerId: number,
  position: Position | null,
  direction: Direction,
  limit: number,
): Promise<Keyed<TicketChange>[]> {
  const dir = orderKeyword(direction);
  const resolved = `{${[...RESOLVED_STATUSES].join(",")}}`;
  const after = position
    ? direction === "desc"
      ? sql`where (x.at, x.rank, x.ticket_id) < (${position.at}::timestamptz, ${position.rank}::int, ${position.id}::bigint)`
      : sql`where (x.at, x.rank, x.ticket_id) > (${position.at}::timestamptz, ${position.rank}::int, ${position.id}::bigint)`
    : sql``;
  const found = await rows<{
    ticket_id: number | string;
    at: string | Date;
    rank: number;
    cursor_value: string;
    external_id: string;
    subject: string | null;
    category: string | null;
    channel: string;
    status: string;
  }>(
    db,
    sql`
      with mine as (
        select t.id, t.external_id, t.subject, t.category, t.channel, t.status, t.created_at
        from tickets t where t.workspace_id = ${workspaceId} and t.customer_id = ${customerId}
      ),
      changes as (
        select h.ticket_id, h.changed_at, h.status = any(${resolved}::text[]) as resolved,
               lag(h.status = any(${resolved}::text[])) over (
                 partition by h.ticket_id order by h.changed_at, ${statusRankSql(sql`h.status`)}
               ) as was_resolved
        from ticket_status_history h
        where h.workspace_id = ${workspaceId} and h.ticket_id in (select id from mine)
      ),
      x as (
        select m.id as ticket_id, m.created_at as at, ${RANK.created}::int as rank from mine m
        union all
        select c.ticket_id, c.changed_at, case when c.resolved then ${RANK.solved}::int else ${RANK.reopened}::int end
        from changes c
        where c.resolved <> coalesce(c.was_resolved, false)
      )
      select x.ticket_id, x.at, x.rank, ${timestampText(sql`x.at`)} as cursor_value,
             m.external_id, m.subject, m.category, m.channel, m.status
      from x join mine m on m.id = x.ticket_id
      ${after}
      order by x.at ${dir}, x.rank ${dir}, x.ticket_id ${dir}
      limit ${limit + 1}
    `,
  );
  const change = { [RANK.created]: "created", [RANK.solved]: "solved", [RANK.reopened]: "reopened" } as const;
  return found.map((r) => ({
    entry: {
      type: "ticket",
      change: change[Number(r.rank) as 1 | 2 | 3],
      timestamp: new Date(r.at),
      ticket: {
        id: Number(r.ticket_id),
        externalId: r.external_id,
        subject: r.subject,
        category: r.category,
        channel: r.channel,
        status: r.status,
      },
    },
    at: r.cursor_value,
    rank: Number(r.rank),
    id: Number(r.ticket_id),
  }));
}

/** Checks a timeline cursor from a URL: a timestamp as timestampText prints it, "|rank" for a ticket change. */
export function isTimelineCursor(cursor: Cursor): cursor is Cursor & { value: string } {
  if (cursor.value === null) return false;
  const [at = "", rank, ...rest] = cursor.value.split("|");
  return TIMESTAMP_TEXT.test(at) && rest.length === 0 && (rank === undefined || /^[123]$/.test(rank));
}
