import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import {
  afterKey,
  type Cursor,
  keysetPage,
  orderKeyword,
  type PageRequest,
  TIMESTAMP_TEXT,
  timestampText,
} from "./keyset";

export type TimelineEvent = {
  id: number;
  /** Segment call type: track, identify, page, screen, group or alias. */
  type: string;
  name: string | null;
  timestamp: Date;
  properties: Record<string, unknown>;
};

export type TimelinePage = {
  events: TimelineEvent[];
  /** Where the next (older) page starts; null at the customer's first event. */
  older: Cursor | null;
  /** Where the previous (newer) page ends; null on the newest page. */
  newer: Cursor | null;
};

/**
 * One page of a customer's events, newest first, keyset-paginated on (timestamp, id): `after` walks to older
 * events, `before` back to newer ones. Reads events_customer_time_idx (workspace, customer, timestamp)
 * backwards, so a page costs the same for the 10th and the 10,000th event.
 */
export async function customerTimeline(
  db: Db,
  workspaceId: string,
  customerId: number,
  request: PageRequest,
): Promise<TimelinePage> {
  const page = await keysetPage(
    request,
    (cursor, backwards) => {
      const direction = backwards ? "asc" : "desc";
      const dir = orderKeyword(direction);
      const after = cursor
        ? sql`and ${afterKey(sql`e.timestamp`, sql`e.id`, sql`${cursor.value}::timestamptz`, cursor.id, direction)}`
        : sql``;
      return rows<{
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
          limit ${request.limit + 1}
        `,
      );
    },
    (row) => ({ value: row.cursor_value, id: Number(row.id) }),
  );
  return {
    events: page.rows.map((e) => ({
      id: Number(e.id),
      type: e.type,
      name: e.name,
      timestamp: new Date(e.timestamp),
      properties: e.properties,
    })),
    older: page.next,
    newer: page.previous,
  };
}

/** Checks a timeline cursor from a URL: a timestamp as timestampText prints it. */
export function isTimelineCursor(cursor: Cursor): cursor is Cursor & { value: string } {
  return cursor.value !== null && TIMESTAMP_TEXT.test(cursor.value);
}
