import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships, sources, users, workspaces } from "@/lib/db/schema";
import { DEMO_USERS, DEMO_WORKSPACE_NAME, DEMO_WRITE_KEY } from "./demo-users";

const DEMO_EMAILS = DEMO_USERS.map((u) => u.email.toLowerCase());

export type ExistingDemo = {
  /** Workspaces that look like the demo: by name, by the demo write key, or with a demo user as member. */
  workspaceIds: string[];
  /** Demo sign-ins that already exist (they would collide with a new demo's users). */
  userEmails: string[];
};

/** What of a previous demo is in the database; empty lists when there is none. */
export async function findExistingDemo(db: Db): Promise<ExistingDemo> {
  const demoUsers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, DEMO_EMAILS));
  const memberOf =
    demoUsers.length === 0
      ? []
      : await db
          .select({ id: memberships.workspaceId })
          .from(memberships)
          .where(
            inArray(
              memberships.userId,
              demoUsers.map((u) => u.id),
            ),
          );
  const byNameOrKey = await db
    .selectDistinct({ id: workspaces.id })
    .from(workspaces)
    .leftJoin(sources, eq(sources.workspaceId, workspaces.id))
    .where(or(eq(workspaces.name, DEMO_WORKSPACE_NAME), eq(sources.writeKey, DEMO_WRITE_KEY)));
  const workspaceIds = [...new Set([...memberOf, ...byNameOrKey].map((w) => w.id))].sort();
  return { workspaceIds, userEmails: demoUsers.map((u) => u.email).sort() };
}

/**
 * Deletes the given workspaces (every table's rows cascade with the workspace) and the demo users, in one
 * transaction so a failure leaves the previous demo intact.
 */
export async function deleteDemo(db: Db, workspaceIds: readonly string[]) {
  await db.transaction(async (tx) => {
    if (workspaceIds.length > 0) await tx.delete(workspaces).where(inArray(workspaces.id, [...workspaceIds]));
    await tx.delete(users).where(inArray(sql`lower(${users.email})`, DEMO_EMAILS));
  });
}
