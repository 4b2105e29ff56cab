import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, workspaces } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { type IdentitySettings, identitySettings } from "./identity-settings";

/**
 * Saves the workspace's identity settings (the extra blocked values and the per-identifier limit) with an
 * audit row in one transaction. Only these two keys of workspaces.settings are written (a jsonb merge), so
 * metric or other settings saved at the same moment are not overwritten. They apply to batches stored from
 * the next transaction on; events already stored keep the profile they were given.
 */
export async function saveIdentitySettings(
  db: Db,
  workspaceId: string,
  actorUserId: string | null,
  next: IdentitySettings,
): Promise<{ changed: (keyof IdentitySettings)[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("update");
    if (!row) throw new NotFound("This workspace no longer exists.");
    const before = identitySettings(row.settings);
    const changed = (Object.keys(next) as (keyof IdentitySettings)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) return { changed };
    await tx
      .update(workspaces)
      .set({ settings: sql`${workspaces.settings} || ${JSON.stringify(next)}::jsonb` })
      .where(eq(workspaces.id, workspaceId));
    await tx.insert(auditLog).values({
      workspaceId,
      actorUserId,
      action: "identity_settings.updated",
      target: workspaceId,
      details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: next[key] }])),
    });
    return { changed };
  });
}
