import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

/** What the live debugger shows, in JSON-ready form (ISO timestamps): the route handler sends it as it is. */
export type DebuggerEvent = {
  id: number;
  messageId: string;
  type: string;
  name: string | null;
  userId: string | null;
  anonymousId: string | null;
  timestamp: string;
  receivedAt: string;
  properties: Record<string, unknown>;
};

export type DebuggerRejection = {
  id: number;
  reason: string;
  message: string;
  messageId: string | null;
  receivedAt: string;
  payload: unknown;
};

export type DebuggerSnapshot = {
  events: DebuggerEvent[];
  rejections: DebuggerRejection[];
  /** How many of the workspace's latest events were looked through for this source's events. */
  scanWindow: number;
};

export type DebuggerOptions = { eventLimit?: number; rejectionLimit?: number; scanWindow?: number };

/**
 * The latest events received from one source and the latest events it sent that were rejected.
 *
 * Events: the `eventLimit` most recently received events of this source among the workspace's latest
 * `scanWindow` stored events (by id: ids are assigned on insert, so for the tracking API the newest ids are the
 * newest arrivals), newest received first. events has no index on source_id or received_at, and this runs
 * every few seconds per open debugger: the window keeps each poll a bounded walk of the primary key (at most
 * `scanWindow` rows) however large the table grows, at the price of not showing a quiet source's events once
 * `scanWindow` newer events from other sources have arrived. Rejections use their (workspace, source, time)
 * index directly. The window is materialised first so the planner cannot trade the bounded walk for a scan of
 * the whole table; only the 50 rows shown are read in full (properties can be large).
 */
export async function sourceDebugger(
  db: Db,
  workspaceId: string,
  sourceId: string,
  options: DebuggerOptions = {},
): Promise<DebuggerSnapshot> {
  const eventLimit = options.eventLimit ?? 50;
  const rejectionLimit = options.rejectionLimit ?? 25;
  const scanWindow = options.scanWindow ?? 10_000;
  const [events, rejections] = await Promise.all([
    rows<{
      id: number | string;
      message_id: string;
      type: string;
      name: string | null;
      user_id: string | null;
      anonymous_id: string | null;
      timestamp: Date | string;
      received_at: Date | string;
      properties: Record<string, unknown>;
    }>(
      db,
      sql`
        with recent as materialized (
          select id, received_at, source_id from events
          -- Events from no source (segment entries recorded by Tenure, CSV imports) can come by the tens of
          -- thousands at once (a segment recompute) and would push every source's events out of the window.
          where workspace_id = ${workspaceId} and source_id is not null
          order by id desc
          limit ${scanWindow}
        )
        select e.id, e.message_id, e.type, e.name, e.user_id, e.anonymous_id, e.timestamp, e.received_at, e.properties
        from (
          select id, received_at from recent
          where source_id = ${sourceId}
          order by received_at desc, id desc
          limit ${eventLimit}
        ) latest
        join events e on e.workspace_id = ${workspaceId} and e.id = latest.id
        order by latest.received_at desc, latest.id desc
      `,
    ),
    rows<{
      id: number | string;
      reason: string;
      message: string;
      message_id: string | null;
      received_at: Date | string;
      payload: unknown;
    }>(
      db,
      sql`
        select id, reason, message, message_id, received_at, payload
        from ingest_rejections
        where workspace_id = ${workspaceId} and source_id = ${sourceId}
        order by received_at desc, id desc
        limit ${rejectionLimit}
      `,
    ),
  ]);
  return {
    events: events.map((e) => ({
      id: Number(e.id),
      messageId: e.message_id,
      type: e.type,
      name: e.name,
      userId: e.user_id,
      anonymousId: e.anonymous_id,
      timestamp: iso(e.timestamp),
      receivedAt: iso(e.received_at),
      properties: e.properties ?? {},
    })),
    rejections: rejections.map((r) => ({
      id: Number(r.id),
      reason: r.reason,
      message: r.message,
      messageId: r.message_id,
      receivedAt: iso(r.received_at),
      payload: r.payload,
    })),
    scanWindow,
  };
}

// Raw `sql` results come back as Date on node-postgres and as Date or string on PGlite, depending on the type
// parser; normalise both to ISO strings.
function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
