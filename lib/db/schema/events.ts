import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/** Append-only log of everything customers did, as received through the tracking API or imports. */
export const events = pgTable(
  "events",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    messageId: text("message_id").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    anonymousId: text("anonymous_id"),
    userId: text("user_id"),
    /** Segment call type: track, identify, page, screen, group or alias. */
    type: text("type").notNull(),
    /** Event name for track, page/screen name for page and screen. */
    name: text("name"),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    context: jsonb("context").$type<Record<string, unknown>>(),
    timestamp: timestamp("timestamp", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    sourceId: uuid("source_id"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("events_message_id_key").on(t.workspaceId, t.messageId),
    index("events_customer_time_idx").on(t.workspaceId, t.customerId, t.timestamp),
    // Also INCLUDE (customer_id, type), added by migration 0007 (drizzle's builder cannot say it): per-name
    // reads of who did what when come from the index alone.
    index("events_name_time_idx").on(t.workspaceId, t.name, t.timestamp),
  ],
);
