import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { describeSegmentRule } from "../describe";
import { segmentReferences } from "./references";
import { keepsMembers, type SavedSegment, type SegmentView } from "./types";

/** The API shape of segments, with their current member counts and plain-language summaries. */
export async function segmentViews(db: Db, workspaceId: string, list: readonly SavedSegment[]): Promise<SegmentView[]> {
  if (list.length === 0) return [];
  const counts = await memberCounts(db, workspaceId);
  const names = await segmentNames(db, workspaceId, list);
  return list.map((s) => toView(s, keepsMembers(s) ? (counts.get(s.id) ?? 0) : null, names));
}

export async function segmentView(db: Db, segment: SavedSegment): Promise<SegmentView> {
  const [view] = await segmentViews(db, segment.workspaceId, [segment]);
  if (!view) throw new Error("no view for the segment");
  return view;
}

function toView(s: SavedSegment, members: number | null, names: Record<string, string>): SegmentView {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    kind: s.kind,
    status: s.status,
    rule: s.rule,
    summary: s.rule ? describeSegmentRule(s.rule, names) : "Customers uploaded from a list (user ids or emails)",
    members,
    updatedAt: s.updatedAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
  };
}

async function memberCounts(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const found = await rows<{ segment_id: string; n: number }>(
    db,
    sql`select segment_id, count(*)::int as n from segment_members where workspace_id = ${workspaceId} group by segment_id`,
  );
  return new Map(found.map((r) => [r.segment_id, Number(r.n)]));
}

/** Names of every segment the listed rules refer to (those outside the list are read once). */
async function segmentNames(
  db: Db,
  workspaceId: string,
  list: readonly SavedSegment[],
): Promise<Record<string, string>> {
  const names: Record<string, string> = Object.fromEntries(list.map((s) => [s.id, s.name]));
  const missing = new Set<string>();
  for (const s of list) {
    if (!s.rule) continue;
    for (const ref of segmentReferences(s.rule)) if (!(ref.segmentId in names)) missing.add(ref.segmentId);
  }
  const ids = [...missing].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length > 0) {
    const found = await rows<{ id: string; name: string }>(
      db,
      sql`select id, name from segments where workspace_id = ${workspaceId} and id = any(${`{${ids.join(",")}}`}::uuid[])`,
    );
    for (const r of found) names[r.id] = r.name;
  }
  return names;
}
