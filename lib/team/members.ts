import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { auditLog, memberships, users } from "@/lib/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import type { NewMember } from "./schema";

export type TeamMember = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export async function listTeam(db: Db, workspaceId: string): Promise<TeamMember[]> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      deactivatedAt: users.deactivatedAt,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(sql`lower(${users.email})`));
  return rows.map(({ deactivatedAt, ...r }) => ({ ...r, active: deactivatedAt === null }));
}

export async function addTeamMember(db: Db, workspaceId: string, actorUserId: string | null, input: NewMember) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
    if (existing.length > 0) {
      throw new Conflict(`A user with the email ${input.email} already exists`);
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned no user");
    await tx.insert(memberships).values({ workspaceId, userId: user.id, role: input.role });
    await tx.insert(auditLog).values({
      workspaceId,
      actorUserId,
      action: "team.member_added",
      target: user.id,
      details: { email: input.email, role: input.role },
    });
    return user.id;
  });
}

async function activeAdminCount(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin"), isNull(users.deactivatedAt)));
  return Number(row?.n ?? 0);
}

async function memberOf(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role, deactivatedAt: users.deactivatedAt, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!row) throw new NotFound("That user is not a member of this workspace");
  return row;
}

export async function changeMemberRole(db: Db, workspaceId: string, actorUserId: string, userId: string, role: Role) {
  await db.transaction(async (tx) => {
    const member = await memberOf(tx, workspaceId, userId);
    if (member.role === role) return;
    if (member.role === "admin" && member.deactivatedAt === null && (await activeAdminCount(tx, workspaceId)) <= 1) {
      throw new Invalid("The workspace needs at least one active admin: make someone else admin first", {
        role: "Cannot remove the last admin",
      });
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await tx.insert(auditLog).values({
      workspaceId,
      actorUserId,
      action: "team.role_changed",
      target: userId,
      details: { email: member.email, from: member.role, to: role },
    });
  });
}

export async function setMemberActive(
  db: Db,
  workspaceId: string,
  actorUserId: string,
  userId: string,
  active: boolean,
) {
  await db.transaction(async (tx) => {
    const member = await memberOf(tx, workspaceId, userId);
    if (!active && userId === actorUserId) {
      throw new Invalid("You cannot deactivate your own account");
    }
    if (!active && member.role === "admin" && (await activeAdminCount(tx, workspaceId)) <= 1) {
      throw new Invalid("The workspace needs at least one active admin");
    }
    await tx
      .update(users)
      .set({ deactivatedAt: active ? null : new Date() })
      .where(eq(users.id, userId));
    await tx.insert(auditLog).values({
      workspaceId,
      actorUserId,
      action: active ? "team.member_reactivated" : "team.member_deactivated",
      target: userId,
      details: { email: member.email },
    });
  });
}
