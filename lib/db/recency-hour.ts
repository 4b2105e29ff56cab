import { type SQL, sql } from "drizzle-orm";

/**
 * The hour a timestamp falls in, exactly as the generated columns `customers.last_seen_hour` and
 * `last_active_hour` compute it (migration 0018). Those columns, not the timestamps, are indexed: ingest
 * updates last_seen_at with every event, and an indexed value that changes forbids PostgreSQL's in-place (HOT)
 * update. A query reaches the index through a range on the hour and keeps its exact test on the timestamp.
 */
export function hourOf(timestamp: SQL): SQL {
  return sql`date_bin('1 hour', ${timestamp}, timestamptz '2000-01-01 00:00:00+00')`;
}
