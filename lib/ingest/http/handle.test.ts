import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { events, ingestRejections, sources, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { drainIngestQueue, inboxBacklog } from "../inbox/drain";
import { inboxDrainer } from "../inbox/drainers";
import { Admission } from "./admission";
import { corsPreflight, type Endpoint, handleTrackingPost } from "./handle";
import { EventRateLimiter } from "./rate-limit";

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

describeEachDatabase("tracking API", ({ database }) => {
  let ws = "";
  const KEY = `wk_${Math.random().toString(36).slice(2)}`;
  const SLOW_KEY = `${KEY}_slow`;
  const REVOKED = `${KEY}_revoked`;
  beforeAll(async () => {
    const db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "Shop" }).returning();
    ws = w!.id;
    await db.insert(sources).values([
      { workspaceId: ws, name: "Web", writeKey: KEY },
      { workspaceId: ws, name: "Slow", writeKey: SLOW_KEY, rateLimitPerSecond: 1000 },
      { workspaceId: ws, name: "Old", writeKey: REVOKED, revokedAt: new Date() },
    ]);
  });

  const post = (
    endpoint: Endpoint,
    body: string | Buffer,
    headers: Record<string, string> = {},
    options: { forceInbox?: boolean; maxBacklogEvents?: number } = {},
  ) =>
    handleTrackingPost(
      new Request(`http://tenure.test/v1/${endpoint}`, {
        method: "POST",
        body: typeof body === "string" ? body : new Uint8Array(body),
        headers: { "content-type": "application/json", ...headers },
      }),
      endpoint,
      { database: database(), ...options },
    );
  const count = async (where: string) =>
    (
      await rows<{ n: number }>(
        database().db,
        sql`select count(*)::int as n from events where workspace_id = ${ws} and message_id like ${`${where}%`}`,
      )
    )[0]!.n;

  it("refuses a missing, unknown or revoked write key with 401 JSON", async () => {
    const body = JSON.stringify({ userId: "u1", event: "E" });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic("nope") },
      { authorization: basic(REVOKED) },
    ];
    for (const headers of attempts) {
      const response = await post("track", body, headers);
      expect(response.status).toBe(401);
      expect((await response.json()).success).toBe(false);
    }
  });

  it("accepts the key as Basic user name or as writeKey in a text/plain body (analytics.js)", async () => {
    const a = await post("track", JSON.stringify({ userId: "u1", event: "E", messageId: "auth-1" }), {
      authorization: basic(KEY),
    });
    expect(a.status).toBe(200);
    expect(await a.json()).toEqual({ success: true });
    const b = await post("track", JSON.stringify({ writeKey: KEY, userId: "u1", event: "E", messageId: "auth-2" }), {
      "content-type": "text/plain",
    });
    expect(b.status).toBe(200);
    expect(await count("auth-")).toBe(2);
  });

  it("takes gzip bodies, and says so when the gzip is garbage", async () => {
    const batch = { batch: [{ type: "track", userId: "u2", event: "Zipped", messageId: "gz-1" }] };
    const ok = await post("batch", gzipSync(JSON.stringify(batch)), {
      authorization: basic(KEY),
      "content-encoding": "gzip",
    });
    expect(ok.status).toBe(200);
    expect(await count("gz-")).toBe(1);
    const bad = await post("batch", Buffer.from("definitely not gzip"), {
      authorization: basic(KEY),
      "content-encoding": "gzip",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("The body is not valid gzip data.");
  });

  it("names the problem for malformed JSON, oversize bodies and oversize batches", async () => {
    const auth = { authorization: basic(KEY) };
    const cases: [Endpoint, string | Buffer, Record<string, string>, RegExp][] = [
      ["batch", "{not json", auth, /not valid JSON/],
      [
        "track",
        JSON.stringify({ userId: "u", event: "E", properties: { pad: "x".repeat(40_000) } }),
        auth,
        /over 32 KB/,
      ],
      [
        "batch",
        JSON.stringify({
          batch: [{ type: "track", userId: "u", event: "E", properties: { pad: "x".repeat(520_000) } }],
        }),
        auth,
        /over 500 KB/,
      ],
      [
        "batch",
        gzipSync(JSON.stringify({ batch: [], pad: "x".repeat(600_000) })),
        { ...auth, "content-encoding": "gzip" },
        /over 500 KB/,
      ],
      [
        "batch",
        JSON.stringify({ batch: Array.from({ length: 2501 }, () => ({ type: "track", userId: "u", event: "E" })) }),
        auth,
        /at most 2500 events; this one has 2501/,
      ],
      ["batch", JSON.stringify({ events: [] }), auth, /"batch" array/],
    ];
    for (const [endpoint, body, headers, message] of cases) {
      const response = await post(endpoint, body, headers);
      expect(response.status, String(message)).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
  });

  it("rejects bad events of a batch one by one and stores the rest", async () => {
    const response = await post(
      "batch",
      JSON.stringify({
        batch: [
          { type: "track", userId: "u3", event: "Good", messageId: "mix-1" },
          { type: "track", userId: "u3", messageId: "mix-2" },
          { type: "track", event: "No ids", messageId: "mix-3" },
          { type: "identify", userId: "u3", traits: { plan: 7 }, messageId: "mix-4" },
          { type: "track", userId: "u3", event: "Big", messageId: "mix-5", properties: { pad: "y".repeat(33_000) } },
        ],
      }),
      { authorization: basic(KEY) },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.success).toBe(true);
    expect(body.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([
      [1, "missing_event"],
      [2, "missing_identity"],
      [4, "too_large"],
    ]);
    expect(await count("mix-")).toBe(2);
    const recorded = await database()
      .db.select({ reason: ingestRejections.reason })
      .from(ingestRejections)
      .where(and(eq(ingestRejections.workspaceId, ws), eq(ingestRejections.messageId, "mix-2")));
    expect(recorded).toEqual([{ reason: "missing_event" }]);
  });

  it("answers 400 when the single event of /v1/track is invalid", async () => {
    const response = await post("track", JSON.stringify({ userId: "u4" }), { authorization: basic(KEY) });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("track calls need an event name");
  });

  it("never stores a retried batch twice", async () => {
    const body = JSON.stringify({
      batch: [1, 2, 3].map((i) => ({ type: "track", userId: "u5", event: "R", messageId: `retry-${i}` })),
    });
    for (let i = 0; i < 3; i++) expect((await post("batch", body, { authorization: basic(KEY) })).status).toBe(200);
    expect(await count("retry-")).toBe(3);
  });

  it("rate limits per write key with 429 and Retry-After", async () => {
    const batch = (prefix: string, n: number) =>
      JSON.stringify({
        batch: Array.from({ length: n }, (_, i) => ({
          type: "track",
          userId: "u6",
          event: "Fast",
          messageId: `${prefix}-${i}`,
        })),
      });
    // The slow key allows 1,000 events/s with a burst of 2,500: a full batch passes, the next is held back.
    expect((await post("batch", batch("burst", 2500), { authorization: basic(SLOW_KEY) })).status).toBe(200);
    // Refilling 1,000 a second, the bucket cannot hold 2,000 more this soon after the burst.
    const limited = await post("batch", batch("over", 2000), { authorization: basic(SLOW_KEY) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await count("over-")).toBe(0);
    // Other keys are not affected.
    expect((await post("batch", batch("other", 10), { authorization: basic(KEY) })).status).toBe(200);
  });

  it("when busy, answers 200 once the batch is in the inbox; the drain makes it readable; a full inbox gets 429", async () => {
    // The background drain starts on its own; waiting for it and then draining what is left is deterministic.
    const drainer = inboxDrainer(database());
    await drainer.whenIdle();
    const batch = (prefix: string) =>
      JSON.stringify({
        batch: [1, 2, 3].map((i) => ({ type: "track", userId: "u8", event: "Busy", messageId: `${prefix}-${i}` })),
      });
    const auth = { authorization: basic(KEY) };
    const accepted = await post("batch", batch("busy"), auth, { forceInbox: true });
    expect(accepted.status).toBe(200);
    await drainer.whenIdle();
    await drainIngestQueue(database().db);
    expect(await count("busy-")).toBe(3);
    expect(await inboxBacklog(database().db, ws)).toBe(0);

    const full = await post("batch", batch("full"), auth, { forceInbox: true, maxBacklogEvents: 2 });
    expect(full.status).toBe(429);
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await count("full-")).toBe(0);
    expect(await inboxBacklog(database().db, ws)).toBe(0);
  });

  it("uses the corrected timestamp and keeps receivedAt", async () => {
    await post(
      "track",
      JSON.stringify({
        userId: "u7",
        event: "Skew",
        messageId: "skew-1",
        originalTimestamp: "2026-01-01T00:00:00Z",
        sentAt: "2026-01-01T00:00:10Z",
      }),
      { authorization: basic(KEY) },
    );
    const [row] = await database()
      .db.select({ t: events.timestamp, r: events.receivedAt })
      .from(events)
      .where(and(eq(events.workspaceId, ws), eq(events.messageId, "skew-1")));
    expect(row!.r.getTime() - row!.t.getTime()).toBe(10_000);
  });
});

describe("tracking API plumbing", () => {
  it("refills a key's bucket at its rate and says how long to wait", () => {
    const limiter = new EventRateLimiter();
    expect(limiter.take("k", 2500, 100, 0)).toBe(0);
    expect(limiter.take("k", 1, 100, 0)).toBe(1);
    expect(limiter.take("k", 300, 100, 1000)).toBe(2);
    expect(limiter.take("k", 300, 100, 3000)).toBe(0);
  });

  it("answers CORS preflights", () => {
    const response = corsPreflight();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("Content-Encoding");
    expect(response.headers.get("access-control-allow-headers")).toContain("X-Retry-Count");
  });

  it("queues work past the concurrency bound and refuses it when the queue is full", async () => {
    const admission = new Admission(1, 1);
    let release!: () => void;
    const first = admission.run(() => new Promise<string>((r) => (release = () => r("first"))));
    const second = admission.run(async () => "second");
    expect(await admission.run(async () => "third")).toBeNull();
    release();
    expect(await first).toEqual({ value: "first" });
    expect(await second).toEqual({ value: "second" });
    expect(await admission.run(async () => "fourth")).toEqual({ value: "fourth" });
  });
});
