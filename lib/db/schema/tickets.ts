import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/** Support tickets; resolution and reopen metrics come from ticket_status_history, not from these fields. */
export const tickets = pgTable(
  "tickets",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    source: text("source").notNull().default("api"),
    externalId: text("external_id").notNull(),
    customerId: bigint("customer_id", { mode: "number" }),
    /** email, chat, phone or web. */
    channel: text("channel").notNull(),
    category: text("category"),
    tags: text("tags").array().notNull().default([]),
    priority: text("priority"),
    /** new, open, pending, solved or closed. */
    status: text("status").notNull(),
    subject: text("subject"),
    assignee: text("assignee"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    firstAgentReplyAt: timestamp("first_agent_reply_at", { withTimezone: true }),
    satisfactionRating: integer("satisfaction_rating"),
    satisfactionComment: text("satisfaction_comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("tickets_external_id_key").on(t.workspaceId, t.source, t.externalId),
    index("tickets_customer_idx").on(t.workspaceId, t.customerId),
    index("tickets_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

export const ticketStatusHistory = pgTable(
  "ticket_status_history",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ticketId: bigint("ticket_id", { mode: "number" }).notNull(),
    status: text("status").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.ticketId, t.changedAt, t.status] })],
);
