import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships, users, workspaces } from "@/lib/db/schema";
import type { Role } from "./roles";

/** The signed-in user as the database sees them now: role changes and deactivation apply immediately. */
export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workspace: { id: string; name: string; timeZone: string; currency: string };
};

export async function loadViewer(db: Db, userId: string, workspaceId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      timeZone: workspaces.timeZone,
      currency: workspaces.currency,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(users.id, userId), eq(memberships.workspaceId, workspaceId), isNull(users.deactivatedAt)));
  if (!row) return null;
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    workspace: { id: row.workspaceId, name: row.workspaceName, timeZone: row.timeZone, currency: row.currency },
  };
}
