import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { identitySettings } from "./identity-settings";
import { parseIdentitySettingsForm } from "./identity-settings-form";
import { loadIdentitySettings } from "./identity-settings-load";
import { saveIdentitySettings } from "./identity-settings-save";

it("parses the form: one value per line, blanks and case-insensitive duplicates dropped", () => {
  expect(
    parseIdentitySettingsForm({
      blockedIdentityValues: " test-user \n\nTEST-USER\r\n12345\n",
      maxUsersPerAnonymousId: "2",
    }),
  ).toEqual({ ok: true, settings: { blockedIdentityValues: ["test-user", "12345"], maxUsersPerAnonymousId: 2 } });
});

it.each([
  ["", "x", "maxUsersPerAnonymousId", "Enter a whole number."],
  ["", "1.5", "maxUsersPerAnonymousId", "Enter a whole number."],
  ["", "0", "maxUsersPerAnonymousId", "The limit is at least 1."],
  ["", "11", "maxUsersPerAnonymousId", "The limit is at most 10."],
  [`ok\n${"x".repeat(201)}`, "1", "blockedIdentityValues", "Line 2: A blocked value is at most 200 characters."],
])("refuses %j / %j with a message on the field", (blocked, limit, field, message) => {
  expect(parseIdentitySettingsForm({ blockedIdentityValues: blocked, maxUsersPerAnonymousId: limit })).toEqual({
    ok: false,
    fields: { [field]: message },
  });
});

it("reads missing or malformed stored settings as the defaults", () => {
  expect(identitySettings({})).toEqual({ blockedIdentityValues: [], maxUsersPerAnonymousId: 1 });
  expect(identitySettings({ maxUsersPerAnonymousId: -3, blockedIdentityValues: "x" as never })).toEqual({
    blockedIdentityValues: [],
    maxUsersPerAnonymousId: 1,
  });
});

describeEachDatabase("identity settings persistence", ({ database }) => {
  it("saves both settings, keeps other settings, audits what changed, and audits nothing for no change", async () => {
    const db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: "Idn", settings: { metrics: { keep: true }, blockedIdentityValues: ["old"] } })
      .returning();
    const ws = w!.id;
    const next = { blockedIdentityValues: ["test-user", "12345"], maxUsersPerAnonymousId: 2 };
    expect(await saveIdentitySettings(db, ws, null, next)).toEqual({
      changed: ["blockedIdentityValues", "maxUsersPerAnonymousId"],
    });
    expect(await loadIdentitySettings(db, ws)).toEqual(next);
    const [stored] = await db.select({ s: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws));
    expect(stored!.s.metrics).toEqual({ keep: true });

    expect(await saveIdentitySettings(db, ws, null, next)).toEqual({ changed: [] });
    const audits = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws), eq(auditLog.action, "identity_settings.updated")));
    expect(audits).toEqual([
      {
        action: "identity_settings.updated",
        details: {
          blockedIdentityValues: { from: ["old"], to: ["test-user", "12345"] },
          maxUsersPerAnonymousId: { from: 1, to: 2 },
        },
      },
    ]);
  });
});
