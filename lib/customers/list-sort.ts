import { type SQL, sql } from "drizzle-orm";
import { TIMESTAMP_TEXT, timestampText } from "./keyset";

/**
 * The columns the customer list can sort by. This table is the whitelist: a sort key from the URL selects
 * one of these fixed SQL fragments and is never itself written into a query.
 */
export const SORT_KEYS = ["last_seen", "first_seen", "revenue", "orders", "events"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  last_seen: "Last seen",
  first_seen: "First seen",
  revenue: "Lifetime revenue",
  orders: "Orders",
  events: "Events",
};

export type SortColumn = {
  column: SQL;
  /**
   * The indexed hour of the column, when the index holds that instead of the column itself (last seen: see
   * lib/db/recency-hour.ts). The list then orders by (hour, column, id), which is the same order, walking the
   * index by hour and sorting within each.
   */
  hour?: SQL;
  /** Customers without events have no first or last seen; they come after everyone else in both directions. */
  nullable: boolean;
  /** The value as exact text, for the cursor. */
  text: SQL;
  /** The cursor's text back as a value of the column's type. */
  cast: (value: string) => SQL;
  /** What a cursor value must look like for this column, checked before it reaches the database. */
  pattern: RegExp;
};

const INTEGER = /^\d{1,10}$/;

export const SORT_COLUMNS: Record<SortKey, SortColumn> = {
  last_seen: {
    column: sql`c.last_seen_at`,
    hour: sql`c.last_seen_hour`,
    nullable: true,
    text: timestampText(sql`c.last_seen_at`),
    cast: (v) => sql`${v}::timestamptz`,
    pattern: TIMESTAMP_TEXT,
  },
  first_seen: {
    column: sql`c.first_seen_at`,
    nullable: true,
    text: timestampText(sql`c.first_seen_at`),
    cast: (v) => sql`${v}::timestamptz`,
    pattern: TIMESTAMP_TEXT,
  },
  revenue: {
    column: sql`c.lifetime_revenue`,
    nullable: false,
    text: sql`c.lifetime_revenue::text`,
    cast: (v) => sql`${v}::numeric`,
    pattern: /^-?\d{1,12}(\.\d{1,2})?$/,
  },
  orders: {
    column: sql`c.order_count`,
    nullable: false,
    text: sql`c.order_count::text`,
    cast: (v) => sql`${v}::int`,
    pattern: INTEGER,
  },
  events: {
    column: sql`c.event_count`,
    nullable: false,
    text: sql`c.event_count::text`,
    cast: (v) => sql`${v}::int`,
    pattern: INTEGER,
  },
};
