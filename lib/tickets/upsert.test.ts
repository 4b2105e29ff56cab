import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { customers, ingestRejections, tickets, workspaces } from "@/lib/db/schema";
import { ingestBatch } from "@/lib/ingest/ingest";
import { describeEachDatabase } from "@/test/db";
import { upsertTickets } from "./upsert";

const T0 = Date.parse("2026-05-04T10:00:00Z");
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const RECEIVED = new Date(T0 + 1000 * 3_600_000);

describeEachDatabase("ticket upsert", ({ database }) => {
  let db: Db;
  let ws = "";
  beforeEach(async () => {
    db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: `ws-${Math.random()}` })
      .returning();
    ws = w!.id;
  });
  const send = (items: unknown[], receivedAt = RECEIVED) =>
    upsertTickets(
      db,
      { workspaceId: ws, sourceId: null },
      items.map((raw) => ({ raw, sizeBytes: Buffer.byteLength(JSON.stringify(raw) ?? "") })),
      { receivedAt },
    );
  const track = (messages: unknown[]) =>
    ingestBatch(
      db,
      { workspaceId: ws, sourceId: null },
      messages.map((raw) => ({ raw })),
    );
  const ticket = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    userId: "u1",
    channel: "email",
    status: "new",
    createdAt: at(0),
    ...extra,
  });
  const historyOf = async (externalId: string) =>
    (
      await rows<{ status: string; changed_at: string | Date }>(
        db,
        sql`select h.status, h.changed_at from ticket_status_history h
            join tickets t on t.workspace_id = h.workspace_id and t.id = h.ticket_id
            where t.workspace_id = ${ws} and t.external_id = ${externalId}
            order by h.changed_at, h.status`,
      )
    ).map((h) => [h.status, new Date(h.changed_at).toISOString()]);
  const stored = async (externalId: string) => {
    const [row] = await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.workspaceId, ws), eq(tickets.externalId, externalId)));
    return row!;
  };
  const liveCustomers = () =>
    db
      .select({ id: customers.id, externalId: customers.externalId, email: customers.email })
      .from(customers)
      .where(and(eq(customers.workspaceId, ws), isNull(customers.mergedInto)))
      .orderBy(asc(customers.id));

  it("lands a ticket by user id on the customer the tracking API uses, following merges", async () => {
    await track([
      { type: "track", anonymousId: "a1", event: "Viewed", messageId: "m1" },
      { type: "identify", userId: "u1", anonymousId: "a1", messageId: "m2" },
    ]);
    const [only] = await liveCustomers();
    const outcome = await send([ticket("T-1")]);
    expect(outcome).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    expect(outcome.tickets[0]!.customerId).toBe(only!.id);
    expect((await stored("T-1")).customerId).toBe(only!.id);
    expect(await liveCustomers()).toHaveLength(1);
  });

  it("creates an unknown user as ingest does, with the ticket's email as a trait", async () => {
    const outcome = await send([ticket("T-2", { userId: 42, email: "New@Shop.io" })]);
    expect(outcome.created).toBe(1);
    const [created] = await liveCustomers();
    expect(created).toMatchObject({ externalId: "42", email: "New@Shop.io" });
    // A later track by the same user id lands on that customer, not a new one.
    await track([{ type: "track", userId: "42", event: "Came back", messageId: "m3" }]);
    expect(await liveCustomers()).toHaveLength(1);
  });

  it("by email: the matching email trait, preferring a customer with a user id, then the latest seen", async () => {
    await track([
      { type: "identify", anonymousId: "anon-x", traits: { email: "shared@x.io" }, messageId: "i1", timestamp: at(5) },
      { type: "identify", userId: "old", traits: { email: "Shared@X.io" }, messageId: "i2", timestamp: at(1) },
      { type: "identify", userId: "recent", traits: { email: "shared@x.io" }, messageId: "i3", timestamp: at(3) },
    ]);
    const all = await liveCustomers();
    const recent = all.find((c) => c.externalId === "recent")!;
    const outcome = await send([ticket("T-3", { userId: undefined, email: "SHARED@x.io" })]);
    expect(outcome.tickets[0]!.customerId).toBe(recent.id);
    expect(await liveCustomers()).toHaveLength(3);
  });

  it("by an unknown email: one new customer per address, whatever its case and however often it comes", async () => {
    const first = await send([
      ticket("T-4", { userId: null, email: "fresh@x.io" }),
      ticket("T-5", { userId: null, email: "FRESH@x.io" }),
    ]);
    const second = await send([ticket("T-6", { userId: null, email: "Fresh@X.io" })]);
    const [customer, ...others] = await liveCustomers();
    expect(others).toEqual([]);
    expect(customer).toMatchObject({ externalId: null, email: "fresh@x.io" });
    expect([...first.tickets, ...second.tickets].map((t) => t.customerId)).toEqual([
      customer!.id,
      customer!.id,
      customer!.id,
    ]);
  });

  it("is idempotent: the same payload twice changes nothing and adds no history", async () => {
    const payload = ticket("T-7", {
      status: "solved",
      updatedAt: at(5),
      tags: ["refund", "vip"],
      priority: "high",
      firstAgentReplyAt: at(1),
      satisfactionRating: 4,
      satisfactionComment: "Quick",
    });
    expect((await send([payload])).created).toBe(1);
    const before = await stored("T-7");
    const again = await send([payload], new Date(RECEIVED.getTime() + 60_000));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await stored("T-7")).toEqual(before);
    expect(await historyOf("T-7")).toEqual([
      ["new", at(0)],
      ["solved", at(5)],
    ]);
  });

  it("appends one history row per status change, at updatedAt or else the receive time", async () => {
    await send([ticket("T-8", { status: "open", updatedAt: at(1) })]);
    await send([ticket("T-8", { status: "solved", updatedAt: at(4) })]);
    await send([ticket("T-8", { status: "solved", updatedAt: at(6) })]);
    const reopenedAt = new Date(T0 + 9 * 3_600_000);
    const outcome = await send([ticket("T-8", { status: "open" })], reopenedAt);
    expect(outcome.updated).toBe(1);
    expect(await historyOf("T-8")).toEqual([
      ["new", at(0)],
      ["open", at(1)],
      ["solved", at(4)],
      ["open", at(9)],
    ]);
    expect((await stored("T-8")).status).toBe("open");
  });

  it("takes a sent history as the whole truth: corrections remove rows, a resend is a no-op", async () => {
    const history = [
      { status: "new", at: at(0) },
      { status: "open", at: at(1) },
      { status: "solved", at: at(3) },
      { status: "open", at: at(20) },
      { status: "solved", at: at(22) },
    ];
    await send([ticket("T-9", { status: undefined, history })]);
    expect((await stored("T-9")).status).toBe("solved");
    expect((await stored("T-9")).updatedAt.toISOString()).toBe(at(22));
    const corrected = history.filter((h) => h.at !== at(20) && h.at !== at(22));
    expect((await send([ticket("T-9", { status: undefined, history: corrected })])).updated).toBe(1);
    expect(await historyOf("T-9")).toEqual([
      ["new", at(0)],
      ["open", at(1)],
      ["solved", at(3)],
    ]);
    expect((await send([ticket("T-9", { status: "solved", history: corrected })])).unchanged).toBe(1);
  });

  it("applies repeats of one ticket in a batch in order", async () => {
    const outcome = await send([
      ticket("T-10", { status: "open", updatedAt: at(1) }),
      ticket("T-10", { status: "solved", updatedAt: at(2) }),
    ]);
    expect(outcome).toMatchObject({ created: 1, updated: 1 });
    expect(await historyOf("T-10")).toEqual([
      ["new", at(0)],
      ["open", at(1)],
      ["solved", at(2)],
    ]);
  });

  it("refuses bad items one by one, records them, and stores the rest", async () => {
    const outcome = await send([
      ticket("ok-1"),
      { ...ticket("bad-1"), channel: "fax" },
      { ...ticket(""), externalId: "" },
      { channel: "email", status: "new", createdAt: at(0), userId: "u1" },
      ticket("bad-2", { userId: null }),
      ticket("bad-3", { createdAt: "yesterday" }),
      ticket("bad-4", { satisfactionRating: "5" }),
      ticket("bad-5", { status: "open", history: [{ status: "new", at: at(0) }] }),
      ticket("bad-6", { firstAgentReplyAt: at(-1) }),
      ticket("bad-7", { userId: "null" }),
      "not an object",
      ticket("ok-2", { userId: "undefined", email: "fallback@x.io" }),
    ]);
    expect(outcome.created).toBe(2);
    expect(outcome.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "invalid_field"],
      [2, "missing_id"],
      [3, "missing_id"],
      [4, "missing_identity"],
      [5, "invalid_field"],
      [6, "invalid_field"],
      [7, "inconsistent_history"],
      [8, "invalid_field"],
      [9, "missing_identity"],
      [10, "invalid_type"],
    ]);
    expect(outcome.rejected[0]!.message).toBe("channel: must be one of email, chat, phone, web");
    const recorded = await db
      .select({ reason: ingestRejections.reason, messageId: ingestRejections.messageId })
      .from(ingestRejections)
      .where(eq(ingestRejections.workspaceId, ws));
    expect(recorded).toHaveLength(10);
    expect(recorded).toContainEqual({ reason: "invalid_field", messageId: "ticket:bad-1" });
    // The blocked user id fell back to the email.
    const fallback = await stored("ok-2");
    expect((await liveCustomers()).find((c) => c.id === fallback.customerId)?.email).toBe("fallback@x.io");
  });

  it("keeps tickets of different sources apart under one external id", async () => {
    const outcome = await send([ticket("1", { source: "zendesk" }), ticket("1", { source: "intercom" }), ticket("1")]);
    expect(outcome.created).toBe(3);
    expect((await stored("1")).externalId).toBe("1");
    const sources = await rows<{ source: string }>(
      db,
      sql`select source from tickets where workspace_id = ${ws} order by source`,
    );
    expect(sources.map((s) => s.source)).toEqual(["api", "intercom", "zendesk"]);
  });
});
