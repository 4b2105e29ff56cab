import { bigint, date, index, integer, numeric, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";

/**
 * One row per customer per day (in the workspace's time zone) with activity. Analytics read this instead of
 * scanning events; the write path keeps it current and tests compare it with the answer from raw events.
 */
export const customerDailyActivity = pgTable(
  "customer_daily_activity",
  {
    // No foreign key: ingest writes a row here for nearly every event and holds the workspace row anyway;
    // deleting a workspace clears these rows by trigger (drizzle/0016).
    workspaceId: uuid("workspace_id").notNull(),
    customerId: bigint("customer_id", { mode: "number" }).notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** All events of any type. */
    eventCount: integer("event_count").notNull().default(0),
    /** track, page and screen events: what METRICS.md calls "active". */
    activeEventCount: integer("active_event_count").notNull().default(0),
    orderCount: integer("order_count").notNull().default(0),
    revenue: numeric("revenue", { precision: 14, scale: 2 }).notNull().default("0"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.day] }),
    index("customer_daily_activity_day_idx").on(t.workspaceId, t.day),
  ],
);
