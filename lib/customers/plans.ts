import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

/** The plans customers are on now (customers.plan), for the list's plan filter; at most 100, by name. */
export async function listPlans(db: Db, workspaceId: string): Promise<string[]> {
  const found = await rows<{ plan: string }>(
    db,
    sql`
      select distinct c.plan from customers c
      where c.workspace_id = ${workspaceId} and c.merged_into is null and c.plan is not null
      order by c.plan
      limit 100
    `,
  );
  return found.map((r) => r.plan);
}
