import "server-only";
import type { CustomerRow } from "./customer-row";
import type { EventRow } from "./event-row";
import { contentMessageId } from "./message-id";

/** Marks imported messages in the debugger and on the stored events, as Segment libraries name themselves. */
const CONTEXT = { library: { name: "tenure-csv-import", version: "1" } };

/**
 * A customers row as a Segment identify. Its id covers the user id, the traits and the file's timestamp
 * (not the import time that stands in when the file has none), so an unchanged row is a duplicate next time
 * and a changed one is a new identify that, being later, wins trait by trait.
 */
export function customerMessage(row: CustomerRow, receivedAt: Date) {
  return {
    type: "identify" as const,
    messageId: contentMessageId("customers", {
      userId: row.userId,
      traits: row.traits,
      timestamp: row.timestamp?.toISOString() ?? null,
    }),
    userId: row.userId,
    traits: row.traits,
    timestamp: (row.timestamp ?? receivedAt).toISOString(),
    context: CONTEXT,
  };
}

/** An events row as a Segment track, keeping the file's own message id when it has one. */
export function eventMessage(row: EventRow) {
  const timestamp = row.timestamp.toISOString();
  return {
    type: "track" as const,
    messageId:
      row.messageId ??
      contentMessageId("events", {
        userId: row.userId,
        anonymousId: row.anonymousId,
        event: row.event,
        timestamp,
        properties: row.properties,
      }),
    userId: row.userId,
    anonymousId: row.anonymousId,
    event: row.event,
    properties: row.properties,
    timestamp,
    context: CONTEXT,
  };
}
