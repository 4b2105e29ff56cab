import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { Invalid } from "@/lib/errors";
import type { UploadedIdentifier } from "./identifiers";
import { loadSegment } from "./load";
import { applyMembership } from "./recompute";

export type UploadMode = "replace" | "append";
export type UploadResult = { matched: number; added: number; removed: number; unmatched: UploadedIdentifier[] };

/**
 * Sets a static segment's members from identifiers: a customer's user id (`external_id`) or email (ignoring
 * case). An identifier of a profile merged into another counts for the surviving profile. `replace` makes
 * the matched customers the whole membership (the others exit); `append` adds them to it. Every entry and
 * exit is logged like a rule-based one. Unmatched identifiers come back with their line.
 */
export async function uploadStaticMembers(
  db: Db,
  scope: { workspaceId: string; segmentId: string; now?: Date },
  mode: UploadMode,
  identifiers: readonly UploadedIdentifier[],
): Promise<UploadResult> {
  const segment = await loadSegment(db, scope.workspaceId, scope.segmentId);
  if (segment.kind !== "static") {
    const message = "Only static segments take uploads; a rule-based segment computes its members.";
    throw new Invalid(message, { segment: message });
  }
  return db.transaction(async (tx) => {
    const matches = await rows<{ line: number; customer_id: number | null }>(
      tx,
      sql`
        select x.line, coalesce(c.merged_into, c.id) as customer_id
        from jsonb_to_recordset(${JSON.stringify(identifiers)}::jsonb) as x(line int, value text)
        left join lateral (
          select c.id, c.merged_into from customers c
          where c.workspace_id = ${scope.workspaceId}
            and (c.external_id = x.value or lower(c.email) = lower(x.value))
          order by (c.external_id = x.value) desc nulls last, (c.merged_into is null) desc, c.id
          limit 1
        ) c on true
      `,
    );
    const byLine = new Map(matches.map((m) => [Number(m.line), m.customer_id === null ? null : Number(m.customer_id)]));
    const matchedIds = [...new Set([...byLine.values()].filter((id): id is number => id !== null))];
    const unmatched = identifiers.filter((i) => byLine.get(i.line) == null);
    const ids = `{${matchedIds.join(",")}}`;
    const matching =
      mode === "replace"
        ? sql`select unnest(${ids}::bigint[]) as id`
        : sql`select unnest(${ids}::bigint[]) as id
            union select customer_id from segment_members
            where workspace_id = ${scope.workspaceId} and segment_id = ${segment.id}::uuid`;
    const change = await applyMembership(tx, segment, matching, { now: scope.now ?? new Date() });
    await tx.execute(
      sql`update segments set updated_at = ${(scope.now ?? new Date()).toISOString()}::timestamptz
        where workspace_id = ${scope.workspaceId} and id = ${segment.id}::uuid`,
    );
    return { matched: matchedIds.length, added: change.entered, removed: change.exited, unmatched };
  });
}
