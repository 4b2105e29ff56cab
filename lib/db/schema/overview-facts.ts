import { bigint, date, index, numeric, pgTable, primaryKey, smallint, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * One row per customer who signed up (METRICS.md "Time to first value"): when, and the first time of each
 * activation, onboarding and core feature event named in the workspace's metric settings. Kept by ingest from
 * customer_event_facts (lib/metrics/facts/engagement.ts) and rebuilt when those settings are saved, so the
 * engagement KPIs of a period read one range of the signup index instead of probing the facts per event name.
 */
export const customerEngagement = pgTable(
  "customer_engagement",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    /** First configured signup event, or the first event of any kind without one (customers.first_seen_at). */
    signedUpAt: timestamp("signed_up_at", { withTimezone: true }).notNull(),
    /** Earliest first time over the activation events; null when the customer never activated. */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /** First time of each onboarding step, in the settings' order (null elements: not performed). */
    stepAt: timestamp("step_at", { withTimezone: true }).array().notNull(),
    /** First time of each core feature event, in the settings' order. */
    featureAt: timestamp("feature_at", { withTimezone: true }).array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    index("customer_engagement_signed_up_idx").on(t.workspaceId, t.signedUpAt),
  ],
);

/**
 * One row per valid NPS answer (METRICS.md "NPS": a whole-number score 0–10 on the survey event) of a customer
 * that still counts. Kept by ingest (lib/metrics/facts/nps.ts); the NPS KPI reads a period's answers from the
 * (workspace_id, answered_at) index, which carries the other columns, instead of the events' JSON.
 */
export const npsAnswers = pgTable(
  "nps_answers",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    score: smallint("score").notNull(),
  },
  // The migration adds INCLUDE (customer_id, event_id, score) to the index: drizzle's builder cannot say it.
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.eventId] }),
    index("nps_answers_answered_idx").on(t.workspaceId, t.answeredAt),
  ],
);

/**
 * Σ of customer_daily_activity per workspace and local day (events, orders, revenue), for the workspace
 * summary's 30 days. Kept by statement triggers on customer_daily_activity (drizzle/0012), so every writer of
 * the daily rollup (ingest, per-customer rebuilds, a time-zone rebuild, the seed) keeps it equal to the sum.
 * `shard` is the writing connection's (backend pid mod 16): concurrent ingest transactions add to different
 * rows instead of waiting on one row per day until they commit. Readers sum over the shards.
 */
export const workspaceDailyTotals = pgTable(
  "workspace_daily_totals",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    shard: smallint("shard").notNull(),
    events: bigint("events", { mode: "number" }).notNull(),
    orders: bigint("orders", { mode: "number" }).notNull(),
    revenue: numeric("revenue").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.shard] })],
);
