import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships, users, workspaces } from "@/lib/db/schema";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { FailureLimiter } from "./rate-limit";
import type { Role } from "./roles";

export type SignedInUser = { userId: string; email: string; name: string; role: Role; workspaceId: string };

export class SignInError extends DomainError {
  override readonly status = 401;
  override name = "SignInError";
}

export const SIGN_IN_MESSAGES = {
  wrongPassword: "Wrong email or password.",
  deactivated: "This account has been deactivated. Ask a workspace admin to reactivate it.",
  noWorkspace: "This account is not a member of any workspace. Ask an admin to add you.",
  tooMany: (minutes: number) =>
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
} as const;

// Five wrong passwords per email and client address per 15 minutes, then a pause.
export const signInLimiter = new FailureLimiter(5, 15 * 60 * 1000);

/**
 * Checks an email and password. The password is checked before anything about the account is revealed, so
 * "deactivated" is only said to someone who knows the password.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  clientKey = "unknown",
): Promise<SignedInUser> {
  const limiterKey = `${email.trim().toLowerCase()}|${clientKey}`;
  const waitMs = signInLimiter.retryAfterMs(limiterKey);
  if (waitMs > 0) throw new SignInError(SIGN_IN_MESSAGES.tooMany(Math.ceil(waitMs / 60_000)));

  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok) {
    signInLimiter.recordFailure(limiterKey);
    throw new SignInError(SIGN_IN_MESSAGES.wrongPassword);
  }
  if (user.deactivatedAt) throw new SignInError(SIGN_IN_MESSAGES.deactivated);

  const [membership] = await db
    .select({ role: memberships.role, workspaceId: memberships.workspaceId })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt)
    .limit(1);
  if (!membership) throw new SignInError(SIGN_IN_MESSAGES.noWorkspace);

  signInLimiter.reset(limiterKey);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    workspaceId: membership.workspaceId,
  };
}

// A hash of a random string nobody knows; verifying against it spends the same time on unknown emails.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomUUID());
  return dummy;
}
