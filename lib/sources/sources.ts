import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sources } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";

/** A source as admins see it. Write keys are shown in full: like Segment's, they identify rather than protect. */
export type Source = {
  id: string;
  name: string;
  writeKey: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** Events per second for this key; null means the tracking API's default. */
  rateLimitPerSecond: number | null;
};

const columns = {
  id: sources.id,
  name: sources.name,
  writeKey: sources.writeKey,
  createdAt: sources.createdAt,
  revokedAt: sources.revokedAt,
  rateLimitPerSecond: sources.rateLimitPerSecond,
};

/** Active sources first (oldest first, so the list does not reshuffle), then revoked ones. */
export async function listSources(db: Db, workspaceId: string): Promise<Source[]> {
  return db
    .select(columns)
    .from(sources)
    .where(eq(sources.workspaceId, workspaceId))
    .orderBy(sql`${sources.revokedAt} is not null`, asc(sources.createdAt), asc(sources.name));
}

/** One source of the workspace; another workspace's source is "not found", never "forbidden". */
export async function getSource(db: Db, workspaceId: string, sourceId: string): Promise<Source> {
  const [row] = await db
    .select(columns)
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId)));
  if (!row) throw new NotFound("That source does not exist in this workspace");
  return row;
}
