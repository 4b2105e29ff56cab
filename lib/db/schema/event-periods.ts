import { bigint, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Per customer, named event (track, page or screen) and period kind (week or month, local calendar): the
 * periods in which the customer performed that event, sorted and unique. Kept by ingest
 * (lib/metrics/rollups/event-periods.ts) so that cohorts and lifecycle of a named event read one row per
 * customer instead of de-duplicating that event's raw rows per request (~386,000 Order Completed events into
 * ~370,000 (customer, week) pairs at 10M events). One array per customer rather than one row per period: a
 * third of the size, and a write only when a customer does the event in a period new to them.
 */
export const customerEventPeriods = pgTable(
  "customer_event_periods",
  {
    // No foreign key: ingest writes rows here for most events and holds the workspace row anyway; deleting a
    // workspace clears these rows by trigger (drizzle/0016).
    workspaceId: uuid("workspace_id").notNull(),
    name: text("name").notNull(),
    /** week or month. */
    period: text("period").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    /**
     * starts[1], as a column of its own: the first-time cohort of the event. PostgreSQL keeps no statistics
     * on starts[1], estimated a range on it at 0.5 % of the rows and planned a nested loop over 100,000.
     */
    firstStart: date("first_start", { mode: "string" }).notNull(),
    starts: date("starts", { mode: "string" }).array().notNull(),
  },
  (t) => [
    // Reads take every customer of one (name, period); merges and rebuilds take every row of some customers.
    primaryKey({ columns: [t.workspaceId, t.name, t.period, t.customerId] }),
    index("customer_event_periods_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
