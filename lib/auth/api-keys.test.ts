import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { apiKeys, auditLog, users, workspaces } from "@/lib/db/schema";
import { NotFound } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { createApiKey, getApiKey, LAST_USED_RESOLUTION_MS, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys";
import { hashApiKey } from "./api-keys-secret";

const KEY = /^tnr_[A-Za-z0-9_-]{43}$/;

describeEachDatabase("API keys", ({ database }) => {
  let ws = "";
  let otherWs = "";
  let admin = "";

  beforeAll(async () => {
    const db = database().db;
    const [a, b] = await db
      .insert(workspaces)
      .values([{ name: "Acme", timeZone: "Europe/Berlin", currency: "EUR" }, { name: "Other" }])
      .returning();
    ws = a!.id;
    otherWs = b!.id;
    const [user] = await db
      .insert(users)
      .values({ email: "ada@example.com", name: "Ada Admin", passwordHash: "x" })
      .returning();
    admin = user!.id;
  });

  async function auditRows(keyId: string) {
    return database()
      .db.select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws), eq(auditLog.target, keyId)))
      .orderBy(auditLog.id);
  }

  it("creates a random key, stores only its SHA-256 and prefix, verifies it, and audits without the secret", async () => {
    const db = database().db;
    const { apiKey, secret } = await createApiKey(db, ws, admin, "Looker");
    const second = await createApiKey(db, ws, admin, "Looker");
    expect(secret).toMatch(KEY);
    expect(second.secret).not.toBe(secret);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "Looker",
      prefix: secret.slice(0, 12),
      createdBy: { id: admin, name: "Ada Admin" },
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
    });

    const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(stored?.secretHash).toBe(hashApiKey(secret));
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect(await verifyApiKey(db, secret)).toEqual({
      keyId: apiKey.id,
      workspace: { id: ws, timeZone: "Europe/Berlin", currency: "EUR" },
    });

    const audit = await auditRows(apiKey.id);
    expect(audit).toEqual([
      { action: "api_key.created", actor: admin, details: { name: "Looker", prefix: apiKey.prefix } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(hashApiKey(secret));
  });

  it("lists keys without secrets or hashes, active first", async () => {
    const db = database().db;
    const { apiKey: old } = await createApiKey(db, ws, null, "Old export");
    await revokeApiKey(db, ws, admin, old.id);
    const listed = await listApiKeys(db, ws);
    expect(listed.map((k) => k.name)).toEqual(["Looker", "Looker", "Old export"]);
    expect(listed.at(-1)).toMatchObject({ id: old.id, createdBy: null, revokedAt: expect.any(Date) });
    for (const key of listed) {
      expect(Object.keys(key).sort()).toEqual(
        ["createdAt", "createdBy", "id", "lastUsedAt", "name", "prefix", "revokedAt"].sort(),
      );
    }
  });

  it("rejects a revoked key at once; revoking again changes nothing and audits once", async () => {
    const db = database().db;
    const { apiKey, secret } = await createApiKey(db, ws, admin, "Metabase");
    expect(await verifyApiKey(db, secret)).not.toBeNull();
    const revoked = await revokeApiKey(db, ws, admin, apiKey.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(db, secret)).toBeNull();

    const again = await revokeApiKey(db, ws, admin, apiKey.id, new Date(Date.now() + 3_600_000));
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect((await auditRows(apiKey.id)).map((a) => a.action)).toEqual(["api_key.created", "api_key.revoked"]);
    expect((await auditRows(apiKey.id))[1]).toMatchObject({ actor: admin, details: { name: "Metabase" } });
  });

  it("keeps workspaces apart: another workspace's key is not found and not listed", async () => {
    const db = database().db;
    const { apiKey, secret } = await createApiKey(db, ws, admin, "Mine");
    await expect(getApiKey(db, otherWs, apiKey.id)).rejects.toBeInstanceOf(NotFound);
    await expect(revokeApiKey(db, otherWs, admin, apiKey.id)).rejects.toBeInstanceOf(NotFound);
    expect(await listApiKeys(db, otherWs)).toEqual([]);
    // The failed revoke from the other workspace left the key working.
    expect((await verifyApiKey(db, secret))?.workspace.id).toBe(ws);
  });

  it("verifies nothing for malformed, unknown or look-alike keys", async () => {
    const db = database().db;
    const { secret } = await createApiKey(db, ws, admin, "Real");
    for (const presented of [
      "",
      "tnr_",
      secret.slice(0, -1),
      `${secret}x`,
      ` ${secret}`,
      secret.toUpperCase(),
      `tnr_${"A".repeat(43)}`,
      "tnr_wk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ]) {
      expect(await verifyApiKey(db, presented)).toBeNull();
    }
  });

  it("writes last_used_at at most once a minute per key", async () => {
    const db = database().db;
    const { apiKey, secret } = await createApiKey(db, ws, admin, "Poller");
    const lastUsed = async () => (await getApiKey(db, ws, apiKey.id)).lastUsedAt?.toISOString() ?? null;
    const t0 = new Date("2030-01-01T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);

    await verifyApiKey(db, secret, t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    // Within the minute: still accepted, nothing written.
    expect(await verifyApiKey(db, secret, at(30_000))).not.toBeNull();
    expect(await verifyApiKey(db, secret, at(LAST_USED_RESOLUTION_MS - 1))).not.toBeNull();
    expect(await lastUsed()).toBe(t0.toISOString());
    // A minute later: written again.
    await verifyApiKey(db, secret, at(LAST_USED_RESOLUTION_MS));
    expect(await lastUsed()).toBe(at(LAST_USED_RESOLUTION_MS).toISOString());
    // Concurrent requests that all saw a stale value write once, with the first time that got through.
    const later = at(10 * LAST_USED_RESOLUTION_MS);
    await Promise.all([0, 1, 2, 3].map((i) => verifyApiKey(db, secret, at(10 * LAST_USED_RESOLUTION_MS + i))));
    const written = new Date((await lastUsed()) ?? 0).getTime();
    expect(written).toBeGreaterThanOrEqual(later.getTime());
    expect(written).toBeLessThan(later.getTime() + 4);
  });
});
