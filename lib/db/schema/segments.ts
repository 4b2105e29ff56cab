import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Saved segments (docs/segments-api.md). A dynamic segment stores its rule (lib/segments/rule-schema.ts, validated
 * JSON); a static one has no rule and its members come from uploads. Only active segments keep members.
 */
export const segments = pgTable(
  "segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** dynamic (rule) or static (uploaded list). */
    kind: text("kind").notNull(),
    /** draft (no membership kept) or active. */
    status: text("status").notNull(),
    rule: jsonb("rule").$type<Record<string, unknown>>(),
    /** The template it was created from, if any (lib/segments/store/templates.ts). */
    templateKey: text("template_key"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Last time the whole membership was recomputed against the rule (the scheduled refresh reads it). */
    recomputedAt: timestamp("recomputed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("segments_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    index("segments_status_idx").on(t.workspaceId, t.status),
  ],
);

/** Who is in each segment now, and since when (their latest entry). */
export const segmentMembers = pgTable(
  "segment_members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    segmentId: uuid("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.segmentId, t.customerId] }),
    // The members list pages by keyset on (entered_at, customer_id), newest first.
    index("segment_members_entered_idx").on(t.workspaceId, t.segmentId, t.enteredAt, t.customerId),
    index("segment_members_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

/**
 * Append-only log of every entry and exit ("Segment Entered" / "Segment Exited"): the history chart counts it,
 * and journeys read it in id order as a stream of events.
 */
export const segmentMembershipEvents = pgTable(
  "segment_membership_events",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    segmentId: uuid("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    /** entered or exited. */
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index("segment_membership_events_segment_idx").on(t.workspaceId, t.segmentId, t.at),
    index("segment_membership_events_customer_idx").on(t.workspaceId, t.customerId, t.at),
  ],
);
