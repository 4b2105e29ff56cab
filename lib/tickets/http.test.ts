import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { rows } from "@/lib/db/rows";
import { sources, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { handleTicketPost, type TicketEndpoint } from "./http";

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

/**
 * The documented statuses (docs/tickets.md "Errors") for every kind of bad input, and that none of the valid
 * tickets sent alongside bad ones is lost.
 */
describeEachDatabase("ticket API", ({ database }) => {
  let ws = "";
  const KEY = `wk_${Math.random().toString(36).slice(2)}`;
  const SLOW_KEY = `${KEY}_slow`;
  const REVOKED = `${KEY}_revoked`;
  beforeAll(async () => {
    const db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "Desk" }).returning();
    ws = w!.id;
    await db.insert(sources).values([
      { workspaceId: ws, name: "Help desk", writeKey: KEY },
      { workspaceId: ws, name: "Slow", writeKey: SLOW_KEY, rateLimitPerSecond: 1000 },
      { workspaceId: ws, name: "Old", writeKey: REVOKED, revokedAt: new Date() },
    ]);
  });
  const post = (endpoint: TicketEndpoint, body: string | Buffer, headers: Record<string, string> = {}) =>
    handleTicketPost(
      new Request(`http://tenure.test/api/v1/tickets${endpoint === "batch" ? "/batch" : ""}`, {
        method: "POST",
        body: typeof body === "string" ? body : new Uint8Array(body),
        headers: { "content-type": "application/json", ...headers },
      }),
      endpoint,
      { database: database() },
    );
  const auth = () => ({ authorization: basic(KEY) });
  const ticket = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    userId: "u1",
    channel: "chat",
    status: "open",
    createdAt: "2026-03-01T10:00:00Z",
    ...extra,
  });
  const stored = async (prefix: string) =>
    (
      await rows<{ external_id: string }>(
        database().db,
        sql`select external_id from tickets where workspace_id = ${ws} and external_id like ${`${prefix}%`}
            order by external_id`,
      )
    ).map((r) => r.external_id);

  it("refuses a missing, unknown or revoked write key with 401 and stores nothing", async () => {
    const body = JSON.stringify(ticket("auth-0"));
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic("nope") },
      { authorization: basic(REVOKED) },
    ];
    for (const headers of attempts) {
      const response = await post("single", body, headers);
      expect(response.status).toBe(401);
      expect((await response.json()).success).toBe(false);
    }
    expect(await stored("auth-")).toEqual([]);
  });

  it("takes the key as Basic user name or as writeKey in the body, and answers with the ticket", async () => {
    const a = await post("single", JSON.stringify(ticket("auth-1")), auth());
    expect(a.status).toBe(200);
    const body = await a.json();
    expect(body).toMatchObject({ success: true, ticket: { externalId: "auth-1", result: "created" } });
    expect(body.ticket.customerId).toEqual(expect.any(Number));
    const b = await post("single", JSON.stringify({ ...ticket("auth-2"), writeKey: KEY }), {
      "content-type": "text/plain",
    });
    expect(b.status).toBe(200);
    expect(await stored("auth-")).toEqual(["auth-1", "auth-2"]);
    const again = await post("single", JSON.stringify(ticket("auth-1")), auth());
    expect((await again.json()).ticket.result).toBe("unchanged");
  });

  it("answers 400 naming the problem for malformed JSON, gzip garbage, oversize bodies and batches", async () => {
    const cases: [TicketEndpoint, string | Buffer, Record<string, string>, RegExp][] = [
      ["batch", "{not json", auth(), /not valid JSON/],
      ["single", "", auth(), /body is empty/],
      ["batch", Buffer.from("definitely not gzip"), { ...auth(), "content-encoding": "gzip" }, /not valid gzip/],
      ["batch", JSON.stringify({ batch: [] }), { ...auth(), "content-encoding": "br" }, /br is not supported/],
      ["single", JSON.stringify(ticket("big-1", { subject: "x".repeat(40_000) })), auth(), /over 32 KB/],
      ["batch", JSON.stringify({ batch: [ticket("big-2", { pad: "x".repeat(520_000) })] }), auth(), /over 500 KB/],
      [
        "batch",
        gzipSync(JSON.stringify({ batch: [], pad: "x".repeat(600_000) })),
        { ...auth(), "content-encoding": "gzip" },
        /over 500 KB/,
      ],
      [
        "batch",
        JSON.stringify({ batch: Array.from({ length: 2501 }, (_, i) => ticket(`many-${i}`)) }),
        auth(),
        /at most 2500 tickets; this one has 2501/,
      ],
      ["batch", JSON.stringify({ tickets: [ticket("wrong-key")] }), auth(), /"batch" array/],
      ["batch", JSON.stringify([ticket("bare-array")]), auth(), /"batch" array/],
    ];
    for (const [endpoint, body, headers, message] of cases) {
      const response = await post(endpoint, body, headers);
      expect(response.status, String(message)).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await stored("big-")).toEqual([]);
    expect(await stored("many-")).toEqual([]);
  });

  it("takes gzip bodies", async () => {
    const response = await post("batch", gzipSync(JSON.stringify({ batch: [ticket("gz-1")] })), {
      ...auth(),
      "content-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    expect(await stored("gz-")).toEqual(["gz-1"]);
  });

  it("answers 400 for one invalid ticket on the single endpoint, naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...ticket("x"), externalId: undefined }, /^externalId: is required$/],
      [ticket("one-1", { userId: null }), /userId or email is required/],
      [ticket("one-2", { createdAt: 1_700_000_000 }), /^createdAt: /],
      [ticket("one-3", { tags: "vip" }), /^tags: /],
      [ticket("one-4", { status: "waiting" }), /^status: must be one of new, open, pending, solved, closed$/],
      [[ticket("one-5")], /each ticket must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const response = await post("single", JSON.stringify(body), auth());
      expect(response.status, String(message)).toBe(400);
      const answer = await response.json();
      expect(answer.success).toBe(false);
      expect(answer.error).toMatch(message);
    }
    expect(await stored("one-")).toEqual([]);
  });

  it("rejects bad tickets of a batch one by one with 200 and stores every valid one", async () => {
    const response = await post(
      "batch",
      JSON.stringify({
        batch: [
          ticket("mix-1"),
          { ...ticket("mix-2"), externalId: null },
          ticket("mix-3", { channel: 7 }),
          ticket("mix-4", { userId: undefined }),
          ticket("mix-5", { subject: "y".repeat(33_000) }),
          42,
          ticket("mix-6", { email: "not-an-address", userId: undefined }),
          ticket("mix-7", {
            userId: undefined,
            email: "someone@x.io",
            history: [{ status: "new", at: "2026-03-01T10:00:00Z" }],
            status: undefined,
          }),
        ],
      }),
      auth(),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ success: true, created: 2, updated: 0, unchanged: 0 });
    expect(body.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([
      [1, "missing_id"],
      [2, "invalid_field"],
      [3, "missing_identity"],
      [4, "too_large"],
      [5, "invalid_type"],
      [6, "invalid_field"],
    ]);
    expect(await stored("mix-")).toEqual(["mix-1", "mix-7"]);
  });

  it("rate limits per write key with 429 and Retry-After, storing nothing of the refused batch", async () => {
    const batch = (prefix: string, n: number) =>
      JSON.stringify({ batch: Array.from({ length: n }, (_, i) => ticket(`${prefix}-${i}`)) });
    // 1,000 tickets/s allow a burst of 2,500: a full batch passes, 2,000 more right after do not.
    expect((await post("batch", batch("burst", 2500), { authorization: basic(SLOW_KEY) })).status).toBe(200);
    const limited = await post("batch", batch("over", 2000), { authorization: basic(SLOW_KEY) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await stored("over-")).toEqual([]);
    expect((await stored("burst-")).length).toBe(2500);
  });
});
