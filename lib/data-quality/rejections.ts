import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaceCalendar } from "./calendar";

export type RejectionReason = {
  reason: string;
  count: number;
  /** The message of the latest rejection with this reason, as the client was told. */
  latestMessage: string;
  latestAt: Date;
};

export type RejectionSummary = { since: Date; total: number; reasons: RejectionReason[] };

/**
 * Events the tracking API or an import refused, by reason, over the `days` calendar days ending today in the
 * workspace's time zone (today included), by the time they were received; most frequent reason first.
 * Reads ingest_rejections through its (workspace_id, received_at) index.
 */
export async function rejectionsByReason(
  db: Db,
  workspaceId: string,
  options: { now: Date; days?: number },
): Promise<RejectionSummary> {
  const { windowStart, windowEnd } = await workspaceCalendar(db, workspaceId, options.now, options.days ?? 7);
  const result = await rows<{ reason: string; n: number; latest_message: string; latest_at: Date | string }>(
    db,
    sql`
      select reason, count(*)::int as n,
             (array_agg(message order by received_at desc, id desc))[1] as latest_message,
             max(received_at) as latest_at
      from ingest_rejections
      where workspace_id = ${workspaceId}
        and received_at >= ${windowStart.toISOString()}::timestamptz
        and received_at < ${windowEnd.toISOString()}::timestamptz
      group by reason
      order by n desc, reason
    `,
  );
  const reasons = result.map((r) => ({
    reason: r.reason,
    count: Number(r.n),
    latestMessage: r.latest_message,
    latestAt: new Date(r.latest_at),
  }));
  return { since: windowStart, total: reasons.reduce((sum, r) => sum + r.count, 0), reasons };
}
