import { count } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { auditLog, memberships, users, workspaces } from "@/lib/db/schema";

export const firstAdminSchema = z.object({
  workspaceName: z.string().trim().min(1, "Name your workspace").max(120),
  timeZone: z
    .string()
    .trim()
    .refine((tz) => isTimeZone(tz), "Choose a valid IANA time zone, such as Europe/Berlin"),
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type FirstAdmin = z.infer<typeof firstAdminSchema>;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) > 0;
}

/** Creates a workspace and its first admin in one transaction; returns their ids. */
export async function createWorkspaceWithAdmin(db: Db, input: FirstAdmin) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: input.workspaceName, timeZone: input.timeZone })
      .returning({ id: workspaces.id });
    const [user] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
      .returning({ id: users.id });
    if (!workspace || !user) throw new Error("insert returned nothing");
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: "admin" });
    await tx.insert(auditLog).values({
      workspaceId: workspace.id,
      actorUserId: user.id,
      action: "workspace.created",
      details: { name: input.workspaceName },
    });
    return { workspaceId: workspace.id, userId: user.id };
  });
}
