import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { segments } from "@/lib/db/schema";
import { Conflict, Invalid } from "@/lib/errors";
import type { SegmentCreateInput, SegmentPatchInput } from "./input";
import { loadSegment, toSavedSegment } from "./load";
import { applyMembership, clearMembership, recomputeSegment } from "./recompute";
import { segmentsReferencing } from "./references";
import type { SavedSegment } from "./types";
import { validateSavedRule } from "./validate-rule";

type Actor = { workspaceId: string; userId: string | null; now?: Date };

/** Creates a segment; an active dynamic one gets its members at once (each logged as an entry). */
export async function createSegment(
  db: Db,
  actor: Actor,
  input: SegmentCreateInput & { templateKey?: string | null },
): Promise<SavedSegment> {
  const now = actor.now ?? new Date();
  if (input.rule) await validateSavedRule(db, actor.workspaceId, input.rule);
  await assertNameFree(db, actor.workspaceId, input.name);
  const [row] = await insertOrConflict(input.name, () =>
    db
      .insert(segments)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        description: input.description,
        kind: input.kind,
        status: input.status,
        rule: input.rule,
        templateKey: input.templateKey ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  if (!row) throw new Error("inserting the segment returned nothing");
  const segment = toSavedSegment(row);
  if (segment.kind === "dynamic" && segment.status === "active") await recomputeSegment(db, segment, { now });
  return segment;
}

/**
 * Changes name, description, status or rule. Activating a dynamic segment, or changing the rule of an active
 * one, recomputes its members (logging entries and exits), then those of the active segments that refer to
 * it; setting it back to draft lets every member exit.
 */
export async function updateSegment(db: Db, actor: Actor, id: string, patch: SegmentPatchInput): Promise<SavedSegment> {
  const now = actor.now ?? new Date();
  const before = await loadSegment(db, actor.workspaceId, id);
  if (patch.rule && before.kind === "static") {
    throw new Invalid("A static segment has no rule: upload its members instead.", {
      rule: "A static segment has no rule",
    });
  }
  const name = patch.name ?? before.name;
  if (patch.rule) await validateSavedRule(db, actor.workspaceId, patch.rule, { id, name });
  if (patch.name && patch.name.toLowerCase() !== before.name.toLowerCase()) {
    await assertNameFree(db, actor.workspaceId, patch.name);
  }
  const [row] = await insertOrConflict(name, () =>
    db
      .update(segments)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.id, id)))
      .returning(),
  );
  if (!row) return loadSegment(db, actor.workspaceId, id);
  const after = toSavedSegment(row);
  if (after.kind === "dynamic") {
    const ruleChanged = patch.rule !== undefined && JSON.stringify(patch.rule) !== JSON.stringify(before.rule);
    if (after.status === "active" && (before.status !== "active" || ruleChanged)) {
      await recomputeSegment(db, after, { now });
      if (ruleChanged) await recomputeDependents(db, after, now);
    } else if (after.status === "draft" && before.status === "active") {
      await clearMembership(db, after, now);
    }
  }
  return after;
}

/** Deletes a segment and its membership; refused (409) while another segment's rule refers to it. */
export async function deleteSegment(db: Db, workspaceId: string, id: string): Promise<void> {
  const segment = await loadSegment(db, workspaceId, id);
  const users = await segmentsReferencing(db, workspaceId, id);
  if (users.length > 0) {
    const names = users.map((s) => `“${s.name}”`).join(", ");
    throw new Conflict(`“${segment.name}” is used in the rule of ${names}. Remove it from there first.`);
  }
  await db.delete(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
}

/**
 * A draft copy named "<name> (copy)" (or "(copy 2)", … when taken). A static segment's copy gets the same
 * members; a dynamic copy keeps none until it is activated.
 */
export async function duplicateSegment(db: Db, actor: Actor, id: string): Promise<SavedSegment> {
  const now = actor.now ?? new Date();
  const original = await loadSegment(db, actor.workspaceId, id);
  const name = await freeCopyName(db, actor.workspaceId, original.name);
  const copy = await createSegment(db, actor, {
    name,
    description: original.description,
    kind: original.kind,
    status: "draft",
    rule: original.rule,
    templateKey: original.templateKey,
  });
  if (original.kind === "static") {
    await applyMembership(
      db,
      copy,
      sql`select customer_id as id from segment_members where workspace_id = ${actor.workspaceId} and segment_id = ${original.id}::uuid`,
      { now },
    );
  }
  return copy;
}

/** Active segments whose rule refers (directly or through others) to this one are recomputed too. */
async function recomputeDependents(db: Db, changed: SavedSegment, now: Date) {
  const seen = new Set([changed.id]);
  const queue = [changed.id];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const user of await segmentsReferencing(db, changed.workspaceId, id)) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      queue.push(user.id);
      if (user.status === "active")
        await recomputeSegment(db, await loadSegment(db, changed.workspaceId, user.id), { now });
    }
  }
}

async function assertNameFree(db: Db, workspaceId: string, name: string) {
  const [taken] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), sql`lower(${segments.name}) = lower(${name})`));
  if (taken) throw new Conflict(nameTaken(name));
}

async function freeCopyName(db: Db, workspaceId: string, name: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = `${name} (copy${n === 1 ? "" : ` ${n}`})`;
    const [taken] = await db
      .select({ id: segments.id })
      .from(segments)
      .where(and(eq(segments.workspaceId, workspaceId), sql`lower(${segments.name}) = lower(${candidate})`));
    if (!taken) return candidate;
  }
  throw new Conflict(`Too many copies of “${name}”.`);
}

const nameTaken = (name: string) => `A segment named “${name}” already exists. Pick another name.`;

/** Two requests racing for one name: the unique index decides, and the loser gets the same 409. */
async function insertOrConflict<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") throw new Conflict(nameTaken(name));
    throw error;
  }
}
