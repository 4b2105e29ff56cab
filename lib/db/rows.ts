import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Runs a `sql` template and returns its rows. PGlite and node-postgres both answer `{ rows }`, but Drizzle
 * types the result per driver; this is the one place that bridges them.
 */
export async function rows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
