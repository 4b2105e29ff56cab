import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { authenticate, SIGN_IN_MESSAGES } from "@/lib/auth/authenticate";
import { loadViewer } from "@/lib/auth/viewer";
import { auditLog } from "@/lib/db/schema";
import { Conflict, Invalid } from "@/lib/errors";
import { createWorkspaceWithAdmin } from "@/lib/workspaces/create";
import { describeEachDatabase } from "@/test/db";
import { addTeamMember, changeMemberRole, listTeam, setMemberActive } from "./members";

describeEachDatabase("team management and sign-in", ({ database }) => {
  let workspaceId = "";
  let adminId = "";

  beforeAll(async () => {
    const created = await createWorkspaceWithAdmin(database().db, {
      workspaceName: "Acme",
      timeZone: "Europe/Berlin",
      name: "Ada Admin",
      email: "Ada@Example.com",
      password: "correct horse battery",
    });
    workspaceId = created.workspaceId;
    adminId = created.userId;
  });

  it("signs in with the right password (email case-insensitive) and carries role and workspace", async () => {
    const user = await authenticate(database().db, "ada@example.COM", "correct horse battery", "t1");
    expect(user).toMatchObject({ userId: adminId, role: "admin", workspaceId, email: "ada@example.com" });
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    await expect(authenticate(database().db, "ada@example.com", "wrong password!", "t2")).rejects.toThrow(
      SIGN_IN_MESSAGES.wrongPassword,
    );
    await expect(authenticate(database().db, "nobody@example.com", "whatever12", "t2")).rejects.toThrow(
      SIGN_IN_MESSAGES.wrongPassword,
    );
  });

  it("pauses sign-in after five failures for the same email and client, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(database().db, "ada@example.com", `wrong-${i}-password`, "t3")).rejects.toThrow();
    }
    await expect(authenticate(database().db, "ada@example.com", "correct horse battery", "t3")).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in 15 minutes/,
    );
    // Another client address is not held back by this one's failures.
    await expect(authenticate(database().db, "ada@example.com", "correct horse battery", "t4")).resolves.toBeTruthy();
  });

  it("adds a teammate who can sign in with the given role, and audits it", async () => {
    const id = await addTeamMember(database().db, workspaceId, adminId, {
      name: "Max Manager",
      email: "max@example.com",
      role: "manager",
      password: "manager-password",
    });
    const user = await authenticate(database().db, "max@example.com", "manager-password", "t5");
    expect(user).toMatchObject({ userId: id, role: "manager" });
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.target, id));
    expect(audit.map((a) => a.action)).toEqual(["team.member_added"]);
  });

  it("refuses a second user with the same email in any letter case", async () => {
    await expect(
      addTeamMember(database().db, workspaceId, adminId, {
        name: "Dup",
        email: "MAX@example.com",
        role: "support",
        password: "another-password",
      }),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it("changes a role with immediate effect on the loaded viewer", async () => {
    const [max] = (await listTeam(database().db, workspaceId)).filter((m) => m.email === "max@example.com");
    await changeMemberRole(database().db, workspaceId, adminId, max!.userId, "marketer");
    const viewer = await loadViewer(database().db, max!.userId, workspaceId);
    expect(viewer?.role).toBe("marketer");
  });

  it("deactivates a user: sign-in refused with its own message and the session no longer loads", async () => {
    const [max] = (await listTeam(database().db, workspaceId)).filter((m) => m.email === "max@example.com");
    await setMemberActive(database().db, workspaceId, adminId, max!.userId, false);
    await expect(authenticate(database().db, "max@example.com", "manager-password", "t6")).rejects.toThrow(
      SIGN_IN_MESSAGES.deactivated,
    );
    expect(await loadViewer(database().db, max!.userId, workspaceId)).toBeNull();
    const team = await listTeam(database().db, workspaceId);
    expect(team.find((m) => m.email === "max@example.com")?.active).toBe(false);
    await setMemberActive(database().db, workspaceId, adminId, max!.userId, true);
    await expect(authenticate(database().db, "max@example.com", "manager-password", "t6")).resolves.toBeTruthy();
  });

  it("keeps at least one active admin and refuses self-deactivation", async () => {
    await expect(changeMemberRole(database().db, workspaceId, adminId, adminId, "manager")).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(setMemberActive(database().db, workspaceId, adminId, adminId, false)).rejects.toThrow(
      "You cannot deactivate your own account",
    );
  });
});
