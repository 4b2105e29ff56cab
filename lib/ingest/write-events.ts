import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { PURCHASE_EVENT } from "./commerce-events";
import type { NormalizedMessage } from "./message";
import { ORDER_AMOUNT, ORDER_KEY } from "./rollup";

/** What the rollups need to know about each newly stored event. */
export type StoredEvent = {
  id: number;
  customerId: number;
  timestamp: Date;
  day: string;
  type: string;
  name: string | null;
  orderKey: string | null;
  amount: number | null;
  messageId: string;
  /** Properties of track events (the KPI fact tables read purchase properties named in settings); else null. */
  properties: Record<string, unknown> | null;
};

/**
 * Appends events in one statement. A messageId already stored for the workspace is skipped (ON CONFLICT DO
 * NOTHING), which is what makes retried batches safe; only the rows actually inserted come back.
 */
export async function insertEvents(
  db: Db,
  target: { workspaceId: string; sourceId: string | null; timeZone: string },
  items: { message: NormalizedMessage; customerId: number; receivedAt: Date }[],
): Promise<StoredEvent[]> {
  if (items.length === 0) return [];
  const payload = items.map(({ message: m, customerId, receivedAt }) => ({
    message_id: m.messageId,
    customer_id: customerId,
    anonymous_id: m.anonymousId,
    user_id: m.userId,
    type: m.type,
    name: m.name,
    properties: m.type === "identify" || m.type === "group" ? { ...m.properties, ...m.traits } : m.properties,
    context: m.context,
    timestamp: m.timestamp.toISOString(),
    received_at: receivedAt.toISOString(),
  }));
  const inserted = await rows<{
    id: number;
    customer_id: number;
    timestamp: string | Date;
    day: string;
    type: string;
    name: string | null;
    order_key: string | null;
    amount: string | null;
    message_id: string;
    properties: Record<string, unknown> | null;
  }>(
    db,
    sql`
      insert into events (workspace_id, message_id, customer_id, anonymous_id, user_id, type, name, properties,
                          context, timestamp, received_at, source_id)
      select ${target.workspaceId}::uuid, x.message_id, x.customer_id, x.anonymous_id, x.user_id, x.type, x.name,
             coalesce(x.properties, '{}'::jsonb), x.context, x.timestamp, x.received_at,
             ${target.sourceId}::uuid
      from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
        message_id text, customer_id bigint, anonymous_id text, user_id text, type text, name text,
        properties jsonb, context jsonb, timestamp timestamptz, received_at timestamptz)
      on conflict (workspace_id, message_id) do nothing
      returning id, customer_id, timestamp, message_id, type, name,
        case when type = 'track' then properties end as properties,
        (timestamp at time zone ${target.timeZone})::date::text as day,
        case when type = 'track' and name = ${PURCHASE_EVENT} then ${ORDER_KEY} end as order_key,
        case when type = 'track' and name = ${PURCHASE_EVENT} then (${ORDER_AMOUNT})::text end as amount
    `,
  );
  return inserted.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    timestamp: new Date(r.timestamp),
    day: r.day,
    type: r.type,
    name: r.name,
    orderKey: r.order_key,
    amount: r.amount === null ? null : Number(r.amount),
    messageId: r.message_id,
    properties: r.properties,
  }));
}
