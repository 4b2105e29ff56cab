import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";

export const TRAIT_SAMPLE = 2_000;

/**
 * Trait names seen on the workspace's most recently created customers, most common first: the choices for
 * "break down by". A bounded sample keeps it instant at any size; a trait only very old profiles carry can
 * still be typed into the URL.
 */
export async function listTraitKeys(db: Db, workspaceId: string): Promise<string[]> {
  const found = await rows<{ key: string }>(
    db,
    sql`
      select k as key
      from (
        select traits from customers
        where workspace_id = ${workspaceId} and merged_into is null
        order by created_at desc
        limit ${TRAIT_SAMPLE}
      ) recent, jsonb_object_keys(recent.traits) k
      group by k
      order by count(*) desc, k
      limit 100`,
  );
  return found.map((r) => r.key);
}
