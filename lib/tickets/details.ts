import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { statusRankSql } from "./status-order-sql";
import type { StatusChange, TicketStatus } from "./vocabulary";

/** What the profile shows when a ticket is opened: the fields the list leaves out, and its status history. */
export type TicketDetails = {
  source: string;
  tags: string[];
  assignee: string | null;
  satisfactionRating: number | null;
  satisfactionComment: string | null;
  updatedAt: Date;
  /** Oldest first, in orderHistory's order. */
  history: StatusChange[];
};

/** Details of the given tickets of one workspace, by ticket id; ids of other workspaces are not found. */
export async function ticketDetails(
  db: Db,
  workspaceId: string,
  ticketIds: readonly number[],
): Promise<Map<number, TicketDetails>> {
  const details = new Map<number, TicketDetails>();
  if (ticketIds.length === 0) return details;
  const ids = `{${[...new Set(ticketIds)].join(",")}}`;
  const [found, history] = await Promise.all([
    rows<{
      id: number | string;
      source: string;
      tags: string[];
      assignee: string | null;
      satisfaction_rating: number | null;
      satisfaction_comment: string | null;
      updated_at: string | Date;
    }>(
      db,
      sql`select t.id, t.source, t.tags, t.assignee, t.satisfaction_rating, t.satisfaction_comment, t.updated_at
          from tickets t where t.workspace_id = ${workspaceId} and t.id = any(${ids}::bigint[])`,
    ),
    rows<{ ticket_id: number | string; status: TicketStatus; changed_at: string | Date }>(
      db,
      sql`select h.ticket_id, h.status, h.changed_at from ticket_status_history h
          where h.workspace_id = ${workspaceId} and h.ticket_id = any(${ids}::bigint[])
          order by h.ticket_id, h.changed_at, ${statusRankSql(sql`h.status`)}`,
    ),
  ]);
  for (const t of found) {
    details.set(Number(t.id), {
      source: t.source,
      tags: t.tags,
      assignee: t.assignee,
      satisfactionRating: t.satisfaction_rating === null ? null : Number(t.satisfaction_rating),
      satisfactionComment: t.satisfaction_comment,
      updatedAt: new Date(t.updated_at),
      history: [],
    });
  }
  for (const h of history) {
    details.get(Number(h.ticket_id))?.history.push({ status: h.status, at: new Date(h.changed_at) });
  }
  return details;
}
