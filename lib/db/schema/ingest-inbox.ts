import { bigint, integer, json, pgTable, primaryKey, smallint, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * Accepted tracking batches not yet turned into events (lib/ingest/inbox). Under load the tracking API commits
 * a validated batch here in one cheap INSERT and answers; the drain moves it into events, identities, rollups
 * and profile facts in large set-based transactions and deletes the row in the same transaction. A row here
 * is as durable as an event: nothing is answered 2xx before it is committed.
 *
 * `messages` is plain json (not jsonb): it is written once and read back once as text, so the binary
 * conversion jsonb would do on every insert buys nothing. No index beyond the key, for the same reason.
 */
export const ingestInbox = pgTable(
  "ingest_inbox",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    sourceId: uuid("source_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** Which drain loop takes the row (lib/ingest/inbox/lanes.ts): one customer's events share a lane. */
    lane: smallint("lane").notNull().default(0),
    /** Validated, normalised messages (lib/ingest/inbox-codec.ts), in the order received. */
    messages: json("messages").$type<unknown[]>().notNull(),
    eventCount: integer("event_count").notNull(),
    /** Failed drain attempts of this row alone; past a few it is left for an operator (logged) instead of blocking the queue. */
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
