import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { workspaces } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { type IdentitySettings, identitySettings } from "./identity-settings";

/** The workspace's identity settings as ingest reads them (defaults where unset). */
export async function loadIdentitySettings(db: Db, workspaceId: string): Promise<IdentitySettings> {
  const [row] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new NotFound("This workspace no longer exists.");
  return identitySettings(row.settings);
}
