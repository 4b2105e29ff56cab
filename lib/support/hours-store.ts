import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, workspaces } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { resolveSupportHours, type SupportHours } from "./hours";

/** The workspace's support hours as reports read them (the defaults until an admin saves some). */
export async function loadSupportHours(
  db: Db,
  workspaceId: string,
): Promise<{ hours: SupportHours; isDefault: boolean }> {
  const [row] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new NotFound("This workspace no longer exists.");
  return resolveSupportHours(row.settings);
}

/**
 * Saves the support hours with an audit row in one transaction, as Settings → Identity does. Only the
 * `supportHours` key of workspaces.settings is written (a jsonb merge), so other settings saved at the same
 * moment survive. Saving the same hours again changes and audits nothing.
 */
export async function saveSupportHours(
  db: Db,
  workspaceId: string,
  actorUserId: string | null,
  next: SupportHours,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("update");
    if (!row) throw new NotFound("This workspace no longer exists.");
    const before = resolveSupportHours(row.settings);
    if (!before.isDefault && JSON.stringify(before.hours) === JSON.stringify(next)) return { changed: false };
    await tx
      .update(workspaces)
      .set({ settings: sql`${workspaces.settings} || ${JSON.stringify({ supportHours: next })}::jsonb` })
      .where(eq(workspaces.id, workspaceId));
    await tx.insert(auditLog).values({
      workspaceId,
      actorUserId,
      action: "support_hours.updated",
      target: workspaceId,
      details: { from: before.isDefault ? null : before.hours, to: next },
    });
    return { changed: true };
  });
}
