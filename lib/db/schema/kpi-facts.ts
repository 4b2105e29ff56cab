import {
  bigint,
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * One row per order (METRICS.md "Orders", with the purchase event and properties from the workspace's metric
 * settings): unique per customer by order key (the order id property, else the event's message id), at its
 * earliest copy, with that copy's revenue and discount. Kept by ingest (lib/metrics/facts) so that order KPIs
 * read orders of a period instead of parsing purchase events per request.
 */
export const customerOrders = pgTable(
  "customer_orders",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    orderKey: text("order_key").notNull(),
    /** The earliest copy of the order: its event and time. */
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Unbounded numeric: the same value the KPI query would read from the event's JSON. null = missing. */
    revenue: numeric("revenue"),
    discount: numeric("discount"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.orderKey] }),
    index("customer_orders_at_idx").on(t.workspaceId, t.at),
  ],
);

/**
 * A customer's subscription state between two subscription events that change it (METRICS.md "MRR"): from
 * `validFrom` (the event that set it) until `validTo` (the next change; null while current). Renewals that
 * leave MRR and status as they were extend the span instead of starting one, so there are a few rows per
 * subscriber rather than one per renewal. Kept by ingest from the subscription events named in settings.
 */
export const subscriptionSpans = pgTable(
  "subscription_spans",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    /** The event that started the span (ties at one timestamp are ordered by event id). */
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    /** false after a cancellation. */
    active: boolean("active").notNull(),
    mrr: numeric("mrr").notNull(),
    /** MRR of the span before (0 for the first). */
    previousMrr: numeric("previous_mrr").notNull(),
    /** Whether an earlier span had MRR above 0 (reactivation rather than new). */
    paidBefore: boolean("paid_before").notNull(),
    /** The customer's first subscription event: when they were acquired as a subscriber. */
    firstAt: timestamp("first_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.validFrom, t.eventId] }),
    index("subscription_spans_valid_from_idx").on(t.workspaceId, t.validFrom),
  ],
);

/**
 * Per customer and event name (track, page and screen events): the first and latest time and how many. Kept by
 * ingest; read by engagement KPIs (first activation, onboarding steps, core features), first-time cohorts of a
 * named start event, and segment conditions on first/last performed.
 */
export const customerEventFacts = pgTable(
  "customer_event_facts",
  {
    // No foreign key: ingest writes a row here for nearly every event and holds the workspace row anyway;
    // deleting a workspace clears these rows by trigger (drizzle/0016).
    workspaceId: uuid("workspace_id").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    name: text("name").notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
    events: integer("events").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.name] }),
    index("customer_event_facts_name_first_idx").on(t.workspaceId, t.name, t.firstAt),
  ],
);
