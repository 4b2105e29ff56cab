import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, events, ingestRejections, workspaces } from "@/lib/db/schema";
import { Invalid, NotFound } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { sourceDebugger } from "./debugger";
import { createSource, revokeSource, rotateWriteKey, updateSource } from "./manage";
import { findActiveSourceByWriteKey } from "./resolve";
import { sourceChangesSchema } from "./schema";
import { getSource, listSources } from "./sources";

describeEachDatabase("sources and write keys", ({ database }) => {
  let ws = "";
  let otherWs = "";
  const actor = null;

  beforeAll(async () => {
    const db = database().db;
    const [a, b] = await db
      .insert(workspaces)
      .values([{ name: "Acme" }, { name: "Other" }])
      .returning();
    ws = a!.id;
    otherWs = b!.id;
  });

  async function auditActions(sourceId: string) {
    const rows = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws), eq(auditLog.target, sourceId)))
      .orderBy(auditLog.id);
    return rows.map((r) => ({ action: r.action, details: r.details }));
  }

  it("creates a source with a random, prefixed, URL-safe key that resolves to it, and audits it", async () => {
    const db = database().db;
    const source = await createSource(db, ws, actor, { name: "Website" });
    const second = await createSource(db, ws, actor, { name: "Backend" });
    expect(source.writeKey).toMatch(/^tnr_wk_[A-Za-z0-9_-]{32}$/);
    expect(second.writeKey).not.toBe(source.writeKey);
    expect(await findActiveSourceByWriteKey(db, source.writeKey)).toEqual({
      sourceId: source.id,
      workspaceId: ws,
      rateLimitPerSecond: null,
    });
    const audit = await auditActions(source.id);
    expect(audit).toEqual([{ action: "source.created", details: { name: "Website", keyHint: expect.any(String) } }]);
    // The audit log never holds the key itself.
    expect(JSON.stringify(audit)).not.toContain(source.writeKey);
  });

  it("rotates a key: the old key stops resolving at once, the new one works", async () => {
    const db = database().db;
    const created = await createSource(db, ws, actor, { name: "Rotating" });
    const rotated = await rotateWriteKey(db, ws, actor, created.id);
    expect(rotated.writeKey).not.toBe(created.writeKey);
    expect(await findActiveSourceByWriteKey(db, created.writeKey)).toBeNull();
    expect(await findActiveSourceByWriteKey(db, rotated.writeKey)).toMatchObject({ sourceId: created.id });
    expect((await getSource(db, ws, created.id)).writeKey).toBe(rotated.writeKey);
    const audit = await auditActions(created.id);
    expect(audit.map((a) => a.action)).toEqual(["source.created", "source.key_rotated"]);
    expect(audit[1]?.details).toEqual({
      name: "Rotating",
      previousKeyHint: `…${created.writeKey.slice(-4)}`,
      keyHint: `…${rotated.writeKey.slice(-4)}`,
    });
  });

  it("renames and sets the rate limit, auditing each real change and nothing for a no-op", async () => {
    const db = database().db;
    const created = await createSource(db, ws, actor, { name: "Server" });
    await updateSource(db, ws, actor, created.id, { name: "API server", rateLimitPerSecond: 250 });
    expect(await findActiveSourceByWriteKey(db, created.writeKey)).toMatchObject({ rateLimitPerSecond: 250 });
    expect(await getSource(db, ws, created.id)).toMatchObject({ name: "API server", rateLimitPerSecond: 250 });
    await updateSource(db, ws, actor, created.id, { name: "API server", rateLimitPerSecond: 250 });
    // Back to the default: null.
    await updateSource(db, ws, actor, created.id, { rateLimitPerSecond: null });
    expect(await findActiveSourceByWriteKey(db, created.writeKey)).toMatchObject({ rateLimitPerSecond: null });
    expect(await auditActions(created.id)).toEqual([
      { action: "source.created", details: expect.any(Object) },
      { action: "source.renamed", details: { from: "Server", to: "API server" } },
      { action: "source.rate_limit_changed", details: { name: "API server", from: null, to: 250 } },
      { action: "source.rate_limit_changed", details: { name: "API server", from: 250, to: null } },
    ]);
  });

  it("revokes: the key stops resolving, the source stays listed, revoking again changes nothing", async () => {
    const db = database().db;
    const created = await createSource(db, ws, actor, { name: "Old app" });
    const revoked = await revokeSource(db, ws, actor, created.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await findActiveSourceByWriteKey(db, created.writeKey)).toBeNull();
    await revokeSource(db, ws, actor, created.id);
    expect((await auditActions(created.id)).map((a) => a.action)).toEqual(["source.created", "source.revoked"]);
    await expect(rotateWriteKey(db, ws, actor, created.id)).rejects.toBeInstanceOf(Invalid);
    const listed = await listSources(db, ws);
    // Revoked sources come after active ones.
    expect(listed.at(-1)).toMatchObject({ id: created.id, name: "Old app", revokedAt: expect.any(Date) });
    expect(listed.filter((s) => s.revokedAt === null).map((s) => s.name)).toEqual([
      "Website",
      "Backend",
      "Rotating",
      "API server",
    ]);
  });

  it("keeps workspaces apart and resolves nothing for an unknown or empty key", async () => {
    const db = database().db;
    const [mine] = await listSources(db, ws);
    await expect(getSource(db, otherWs, mine!.id)).rejects.toBeInstanceOf(NotFound);
    await expect(rotateWriteKey(db, otherWs, actor, mine!.id)).rejects.toBeInstanceOf(NotFound);
    await expect(revokeSource(db, otherWs, actor, mine!.id)).rejects.toBeInstanceOf(NotFound);
    expect(await listSources(db, otherWs)).toEqual([]);
    expect(await findActiveSourceByWriteKey(db, "")).toBeNull();
    expect(await findActiveSourceByWriteKey(db, "tnr_wk_unknown")).toBeNull();
  });

  it("reads rate limits from forms and JSON alike", () => {
    expect(sourceChangesSchema.parse({ rateLimitPerSecond: "" })).toEqual({ rateLimitPerSecond: null });
    expect(sourceChangesSchema.parse({ rateLimitPerSecond: " 50 " })).toEqual({ rateLimitPerSecond: 50 });
    expect(sourceChangesSchema.parse({ rateLimitPerSecond: null })).toEqual({ rateLimitPerSecond: null });
    expect(sourceChangesSchema.parse({ name: " Shop " })).toEqual({ name: "Shop" });
    for (const bad of ["abc", "0", "1.5", -3, 1_000_001]) {
      expect(sourceChangesSchema.safeParse({ rateLimitPerSecond: bad }).success).toBe(false);
    }
    expect(sourceChangesSchema.safeParse({}).success).toBe(false);
    expect(sourceChangesSchema.safeParse({ name: "  " }).success).toBe(false);
  });

  it("shows a source's latest events and rejections in the debugger, newest first", async () => {
    const db = database().db;
    const [mine, other] = await listSources(db, ws);
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 12, minute));
    // Ids follow the insert order: m1 (mine), o1 (other), m2 (mine), o2, o3 (other), then m0 (mine), stored
    // last but received first (as a bulk import or the demo's seed stores events).
    for (const [messageId, sourceId, minute] of [
      ["m1", mine!.id, 1],
      ["o1", other!.id, 2],
      ["m2", mine!.id, 3],
      ["o2", other!.id, 4],
      ["o3", other!.id, 5],
      ["m0", mine!.id, 0],
    ] as const) {
      await db.insert(events).values({
        workspaceId: ws,
        messageId,
        customerId: 1,
        userId: messageId === "m2" ? "u1" : null,
        anonymousId: "a1",
        type: "track",
        name: `Event ${messageId}`,
        properties: { n: minute },
        timestamp: at(minute),
        receivedAt: at(minute),
        sourceId,
      });
    }
    await db.insert(ingestRejections).values([
      { workspaceId: ws, sourceId: mine!.id, reason: "invalid_json", message: "Bad JSON", receivedAt: at(1) },
      {
        workspaceId: ws,
        sourceId: mine!.id,
        reason: "missing_event",
        message: "Send event",
        payload: { userId: "u1" },
        receivedAt: at(6),
      },
      { workspaceId: ws, sourceId: other!.id, reason: "too_large", message: "Too big", receivedAt: at(7) },
    ]);

    const snapshot = await sourceDebugger(db, ws, mine!.id);
    // Newest received first, whatever the storage order.
    expect(snapshot.events.map((e) => [e.messageId, e.userId, e.properties])).toEqual([
      ["m2", "u1", { n: 3 }],
      ["m1", null, { n: 1 }],
      ["m0", null, { n: 0 }],
    ]);
    expect(snapshot.events[0]).toMatchObject({
      type: "track",
      name: "Event m2",
      anonymousId: "a1",
      receivedAt: "2026-03-10T12:03:00.000Z",
    });
    expect(snapshot.rejections.map((r) => [r.reason, r.message, r.payload])).toEqual([
      ["missing_event", "Send event", { userId: "u1" }],
      ["invalid_json", "Bad JSON", null],
    ]);
    // Only the workspace's latest 4 stored events are looked through: m0, o3, o2 and m2.
    const narrow = await sourceDebugger(db, ws, mine!.id, { scanWindow: 4 });
    expect(narrow.events.map((e) => e.messageId)).toEqual(["m2", "m0"]);
    expect((await sourceDebugger(db, ws, mine!.id, { eventLimit: 1 })).events.map((e) => e.messageId)).toEqual(["m2"]);
    // A segment recompute records entries as events of no source, stored after all of these: the window still
    // holds the sources' latest events.
    await db.insert(events).values(
      [1, 2, 3, 4, 5].map((n) => ({
        workspaceId: ws,
        messageId: `tenure-segment-${n}`,
        customerId: 1,
        type: "system",
        name: "Segment Entered",
        properties: { segment_id: "s1" },
        timestamp: at(8),
        receivedAt: at(8),
      })),
    );
    expect((await sourceDebugger(db, ws, mine!.id, { scanWindow: 4 })).events.map((e) => e.messageId)).toEqual([
      "m2",
      "m0",
    ]);
    expect((await sourceDebugger(db, otherWs, mine!.id)).events).toEqual([]);
  });
});
