import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sources } from "@/lib/db/schema";

export type ActiveSource = {
  sourceId: string;
  workspaceId: string;
  /** Events per second for this key; null means the tracking API's default. */
  rateLimitPerSecond: number | null;
};

/**
 * The source a tracking API request belongs to, or null when the key is unknown, was rotated away or revoked.
 * One lookup on the unique write_key index. Callers that cache the answer make a rotation or revocation take
 * effect only when their cache expires, so keep any cache short (seconds).
 */
export async function findActiveSourceByWriteKey(db: Db, writeKey: string): Promise<ActiveSource | null> {
  if (writeKey.length === 0) return null;
  const [row] = await db
    .select({
      sourceId: sources.id,
      workspaceId: sources.workspaceId,
      rateLimitPerSecond: sources.rateLimitPerSecond,
    })
    .from(sources)
    .where(and(eq(sources.writeKey, writeKey), isNull(sources.revokedAt)));
  return row ?? null;
}
