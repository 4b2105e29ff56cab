import { type SQL, sql } from "drizzle-orm";
import { TICKET_STATUSES } from "./vocabulary";

/**
 * orderHistory's tie order in SQL, for queries over ticket_status_history: order by changed_at, then this, so
 * a "new" and an "open" recorded at one instant read in that order everywhere.
 * (The ranks are constants of this file, so they are written into the SQL; the statuses are bound.)
 */
export function statusRankSql(column: SQL): SQL {
  const cases = TICKET_STATUSES.map((status, index) => sql`when ${status}::text then ${sql.raw(String(index))}`);
  return sql`(case ${column} ${sql.join(cases, sql` `)} else ${sql.raw(String(TICKET_STATUSES.length))} end)`;
}
