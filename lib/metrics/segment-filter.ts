import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";

type Params = { get(name: string): string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional segment-id parameter (`segment`, the views' filter, or `start_segment`): a saved segment's id. */
export function segmentParam(params: Params, name = "segment"): string | null {
  const value = params.get(name)?.trim() ?? "";
  if (value === "") return null;
  if (!UUID.test(value)) throw new Invalid(`\`${name}\` must be a segment id.`, { [name]: "Not a segment id" });
  return value.toLowerCase();
}

/**
 * `and <column> in (current members of the segment)`, or nothing without a segment. Members are the segment's
 * members now (segment_members, kept current by ingest and the scheduled refresh): "how did the customers who
 * are in this segment today retain", which is what the segment page compares with the whole base.
 */
export function segmentCondition(workspaceId: string, segment: string | null | undefined, column: SQL): SQL {
  if (!segment) return sql``;
  return sql`and ${column} in (
    select s.customer_id from segment_members s where s.workspace_id = ${workspaceId} and s.segment_id = ${segment})`;
}

/** A 400 naming the parameter when the id is not a segment of this workspace (instead of an empty table). */
export async function requireSegment(
  db: Db,
  workspaceId: string,
  segment: string | null | undefined,
  name = "segment",
) {
  if (!segment) return;
  const found = await rows(db, sql`select 1 from segments where workspace_id = ${workspaceId} and id = ${segment}`);
  if (found.length === 0) {
    throw new Invalid(`\`${name}\` is not a segment of this workspace.`, { [name]: "No such segment" });
  }
}

export type SegmentChoice = { id: string; name: string; status: string };

/** Saved segments to offer as a filter, active ones first (drafts keep no members, so they filter to nobody). */
export async function listSegmentChoices(db: Db, workspaceId: string): Promise<SegmentChoice[]> {
  return rows<SegmentChoice>(
    db,
    sql`select id::text, name, status from segments where workspace_id = ${workspaceId}
        order by status = 'active' desc, lower(name)`,
  );
}

/** A view's segments (filter and start) when they are among `choices`, else none and the reason to show. */
export function knownSegment<Q extends { segment?: string | null; startSegment?: string | null }>(
  query: Q,
  choices: readonly SegmentChoice[],
) {
  const known = (id: string | null | undefined) => !id || choices.some((c) => c.id === id);
  if (known(query.segment) && known(query.startSegment)) return { query, problem: null };
  const segment = known(query.segment) ? query.segment : null;
  const startSegment = known(query.startSegment) ? query.startSegment : null;
  return { query: { ...query, segment, startSegment }, problem: "That segment does not exist in this workspace." };
}
