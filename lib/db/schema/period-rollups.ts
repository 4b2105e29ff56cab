import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * One row per customer per week and per month (local calendar, like customer_daily_activity) in which the
 * customer has any event; `active` when one of them was a track, page or screen event. Derived from
 * customer_daily_activity for the customers each write touches (lib/metrics/rollups), so that analytics
 * read (customer, period) pairs that are already unique instead of de-duplicating days per request.
 */
export const customerPeriodActivity = pgTable(
  "customer_period_activity",
  {
    // No foreign key: ingest writes a row here for nearly every event and holds the workspace row anyway;
    // deleting a workspace clears these rows by trigger (drizzle/0016).
    workspaceId: uuid("workspace_id").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    /** week or month. */
    period: text("period").notNull(),
    start: date("start", { mode: "string" }).notNull(),
    active: boolean("active").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.period, t.start] }),
    // Partial on purpose: "is there activity after today" reads it, while per-customer probes must use the
    // primary key; as a full (workspace, period, start) index the planner took it for those probes and
    // filtered 26,000 rows per lookup (650 ms per ingest batch at 50,000 customers).
    index("customer_period_activity_active_start_idx").on(t.workspaceId, t.period, t.start).where(sql`${t.active}`),
  ],
);

/**
 * The default cohort view ($any → $any, no breakdown) as counts, kept current with the period activity:
 * `size` rows (p = cohort) count cohort members; `on` rows count members active in period p > cohort;
 * `last` rows count members whose latest active period after the cohort is p ("on or after" is a running
 * sum of them). Reading 52 weekly cohorts is then ~1,400 rows, whatever the number of events.
 */
export const retentionCells = pgTable(
  "retention_cells",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    /** first_time or recurring. */
    mode: text("mode").notNull(),
    /** size, on or last. */
    measure: text("measure").notNull(),
    cohort: date("cohort", { mode: "string" }).notNull(),
    p: date("p", { mode: "string" }).notNull(),
    customers: integer("customers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.period, t.mode, t.measure, t.cohort, t.p] })],
);

/** Lifecycle status counts per period for "any active event" (METRICS.md "Lifecycle"), kept like retentionCells. */
export const lifecycleCounts = pgTable(
  "lifecycle_counts",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    p: date("p", { mode: "string" }).notNull(),
    /** new, returning, resurrecting or dormant. */
    status: text("status").notNull(),
    customers: integer("customers").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.period, t.p, t.status] })],
);
