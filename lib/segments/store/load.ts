import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { segments } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { parseSegmentRule } from "../parse";
import type { SavedSegment, SegmentKind, SegmentStatus } from "./types";

type Row = typeof segments.$inferSelect;

/** A stored row as a SavedSegment; the rule was validated when saved and is parsed again to apply defaults. */
export function toSavedSegment(row: Row): SavedSegment {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    kind: row.kind as SegmentKind,
    status: row.status as SegmentStatus,
    rule: row.rule === null ? null : parseSegmentRule(row.rule),
    templateKey: row.templateKey,
    recomputedAt: row.recomputedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a segment id at all (anything else is unknown, not a database error). */
export function isSegmentId(id: string): boolean {
  return UUID.test(id);
}

/** The workspace's segment with this id, or null. */
export async function findSegment(db: Db, workspaceId: string, id: string): Promise<SavedSegment | null> {
  if (!isSegmentId(id)) return null;
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return row ? toSavedSegment(row) : null;
}

/** The workspace's segment with this id; NotFound (404) otherwise. */
export async function loadSegment(db: Db, workspaceId: string, id: string): Promise<SavedSegment> {
  const segment = await findSegment(db, workspaceId, id);
  if (!segment) throw new NotFound(`There is no segment with id ${id} in this workspace.`);
  return segment;
}

/** Every segment of the workspace, most recently changed first. */
export async function loadSegments(db: Db, workspaceId: string): Promise<SavedSegment[]> {
  const found = await db.select().from(segments).where(eq(segments.workspaceId, workspaceId));
  return found
    .map(toSavedSegment)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.name.localeCompare(b.name));
}
