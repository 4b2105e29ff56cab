import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * Events the tracking API or an import refused, with the reason, so the source's live debugger and the data
 * quality page can show what was lost and why. The payload is kept truncated (at most a few KB).
 */
export const ingestRejections = pgTable(
  "ingest_rejections",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    sourceId: uuid("source_id"),
    /** A short machine code: invalid_json, missing_identity, missing_event, too_large, invalid_type, … */
    reason: text("reason").notNull(),
    /** The human-readable explanation returned to the client. */
    message: text("message").notNull(),
    messageId: text("message_id"),
    payload: jsonb("payload").$type<unknown>(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("ingest_rejections_time_idx").on(t.workspaceId, t.receivedAt),
    index("ingest_rejections_source_idx").on(t.workspaceId, t.sourceId, t.receivedAt),
  ],
);

/**
 * Identity merges that were refused (a blocked identifier value, or one identifier that would merge too many
 * customers), for the data quality page.
 */
export const dataQualityIssues = pgTable(
  "data_quality_issues",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    /** blocked_identifier or merge_limit. */
    kind: text("kind").notNull(),
    identifierKind: text("identifier_kind"),
    identifierValue: text("identifier_value"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("data_quality_issues_time_idx").on(t.workspaceId, t.createdAt),
  ],
);
