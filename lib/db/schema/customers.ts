import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { hourOf } from "../recency-hour";
import { workspaces } from "./workspaces";

export const customers = pgTable(
  "customers",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedByDefaultAsIdentity(),
    /** The `userId` of the customer's own product; null while only anonymous ids are known. */
    externalId: text("external_id"),
    email: text("email"),
    phone: text("phone"),
    traits: jsonb("traits").$type<Record<string, unknown>>().notNull().default({}),
    /** When each trait was last set (ISO timestamps): a later identify wins per trait, an earlier one does not. */
    traitTimestamps: jsonb("trait_timestamps").$type<Record<string, string>>().notNull().default({}),
    timeZone: text("time_zone"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    /** Latest track, page or screen event (METRICS.md "active"); identify and the like do not count. */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
    /** The hours of last_seen_at and last_active_at, indexed in their place (lib/db/recency-hour.ts). */
    lastSeenHour: timestamp("last_seen_hour", { withTimezone: true }).generatedAlwaysAs(hourOf(sql`last_seen_at`)),
    lastActiveHour: timestamp("last_active_hour", { withTimezone: true }).generatedAlwaysAs(
      hourOf(sql`last_active_at`),
    ),
    /** Computed from the customer's events and kept current by ingest (lib/ingest/rollup.ts refreshCustomerFacts). */
    eventCount: integer("event_count").notNull().default(0),
    orderCount: integer("order_count").notNull().default(0),
    lifetimeRevenue: numeric("lifetime_revenue", { precision: 14, scale: 2 }).notNull().default("0"),
    lastOrderAt: timestamp("last_order_at", { withTimezone: true }),
    /** Monthly recurring revenue and plan from the latest subscription event; null without subscriptions. */
    mrr: numeric("mrr", { precision: 14, scale: 2 }),
    plan: text("plan"),
    /**
     * Score of the latest valid NPS answer (METRICS.md "NPS": `NPS Submitted`, whole numbers 0–10); null
     * without one. Segments test it per customer instead of reading every answer.
     */
    npsScore: smallint("nps_score"),
    /** When identity resolution folds this profile into another, it points there and stops counting. */
    mergedInto: bigint("merged_into", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex("customers_external_id_key").on(t.workspaceId, t.externalId),
    index("customers_email_idx").on(t.workspaceId, sql`lower(${t.email})`),
    // (sort column, id) pairs: the customer list pages by keyset on exactly these, at any depth. event_count
    // has none on purpose: it changes with every event, and indexing it would slow every ingest batch;
    // sorting by it reads the table (about 100 ms at 100k customers). Last seen is indexed by the hour for the
    // same reason (migration 0018): the list walks the hours and sorts within one.
    index("customers_last_seen_hour_idx").on(t.workspaceId, t.lastSeenHour),
    index("customers_revenue_idx").on(t.workspaceId, t.lifetimeRevenue, t.id),
    index("customers_first_seen_idx").on(t.workspaceId, t.firstSeenAt, t.id),
    index("customers_orders_idx").on(t.workspaceId, t.orderCount, t.id),
    // "Active in the last N days" counts for the Overview without reading N days of daily activity.
    index("customers_last_active_hour_idx").on(t.workspaceId, t.lastActiveHour).where(sql`${t.mergedInto} is null`),
  ],
);

export const customerIdentities = pgTable(
  "customer_identities",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** `user_id`, `anonymous_id` or `email`. */
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.value] }),
    index("customer_identities_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
