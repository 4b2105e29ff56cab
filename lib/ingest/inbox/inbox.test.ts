import { and, asc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customers, events, ingestRejections, workspaces } from "@/lib/db/schema";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildAllRollups, rollupSnapshot } from "@/test/rollup-snapshot";
import { acceptBatch } from "./accept";
import { drainInboxOnce, drainIngestQueue, inboxBacklog } from "./drain";
import { inboxDrainer } from "./drainers";

const T0 = Date.parse("2026-05-04T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describeEachDatabase("ingest inbox (accept, then drain)", ({ database }) => {
  let db: Db;
  let ws = "";
  beforeEach(async () => {
    db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: `ws-${Math.random()}`, settings: { blockedIdentityValues: ["test-user"] } })
      .returning();
    ws = w!.id;
  });
  const accept = (messages: unknown[], receivedAt = new Date(T0 + 3_600_000)) =>
    acceptBatch(
      db,
      { workspaceId: ws, sourceId: null },
      messages.map((raw) => ({ raw })),
      { receivedAt },
    );
  const stored = () =>
    db
      .select({ m: events.messageId, c: events.customerId, r: events.receivedAt })
      .from(events)
      .where(eq(events.workspaceId, ws))
      .orderBy(asc(events.messageId));

  it("commits accepted events to the inbox only; the drain stores them once, keeping each batch's receivedAt", async () => {
    const batch = [
      { type: "track", userId: "u1", event: "Logged In", messageId: "a1", timestamp: at(0) },
      { type: "page", anonymousId: "anon-1", name: "Home", messageId: "a2", timestamp: at(1) },
    ];
    expect(await accept(batch, new Date(T0 + 1_000))).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    // A client retry of the same batch, received later: queued again, stored once.
    await accept(batch, new Date(T0 + 2_000));
    expect(await inboxBacklog(db, ws)).toBe(4);
    expect(await stored()).toEqual([]);

    expect(await drainIngestQueue(db)).toBeGreaterThanOrEqual(4);
    expect(await inboxBacklog(db, ws)).toBe(0);
    const rowsStored = await stored();
    expect(rowsStored.map((r) => r.m)).toEqual(["a1", "a2"]);
    expect(rowsStored.map((r) => r.r.getTime())).toEqual([T0 + 1_000, T0 + 1_000]);
    const [u1] = await db
      .select({ events: customers.eventCount })
      .from(customers)
      .where(and(eq(customers.workspaceId, ws), eq(customers.externalId, "u1")));
    expect(u1).toEqual({ events: 1 });
  });

  it("reports invalid events and events whose every id is blocked (workspace list included) at accept time", async () => {
    const outcome = await accept([
      { type: "track", userId: "u2", event: "Good", messageId: "b1" },
      { type: "track", userId: "u2", messageId: "b2" },
      { type: "track", userId: "test-user", anonymousId: "null", event: "Blocked", messageId: "b3" },
      { type: "track", userId: "test-user", anonymousId: "anon-2", event: "Half blocked", messageId: "b4" },
    ]);
    expect(outcome.accepted).toBe(2);
    expect(outcome.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "missing_event"],
      [2, "missing_identity"],
    ]);
    const recorded = await db
      .select({ m: ingestRejections.messageId })
      .from(ingestRejections)
      .where(eq(ingestRejections.workspaceId, ws))
      .orderBy(asc(ingestRejections.messageId));
    expect(recorded.map((r) => r.m)).toEqual(["b2", "b3"]);
    await drainIngestQueue(db);
    expect((await stored()).map((r) => r.m)).toEqual(["b1", "b4"]);
  });

  it("the drainer stores everything kicked, and whenIdle() waits for it without sleeping", async () => {
    const drainer = inboxDrainer(database());
    await drainer.ready;
    const outcome = await accept([{ type: "track", userId: "u3", event: "Kicked", messageId: "c1" }]);
    drainer.kick(outcome.accepted);
    expect(drainer.idle).toBe(false);
    await drainer.whenIdle();
    expect(drainer.idle).toBe(true);
    expect((await stored()).map((r) => r.m)).toEqual(["c1"]);
  });

  it("drains in chunks of whole batches, oldest first", async () => {
    for (let b = 0; b < 3; b++) {
      await accept(
        Array.from({ length: 4 }, (_, i) => ({
          type: "track",
          userId: `u-${i}`,
          event: "E",
          messageId: `d${b}-${i}`,
        })),
      );
    }
    const first = await drainInboxOnce(db, { maxEvents: 6 });
    expect([first.rows, first.events]).toEqual([1, 4]);
    expect((await stored()).map((r) => r.m)).toEqual(["d0-0", "d0-1", "d0-2", "d0-3"]);
    await drainIngestQueue(db);
    expect(await stored()).toHaveLength(12);
  });

  /**
   * The rollup property through the inbox: a random stream (merges, aliases, repeated orders, retries,
   * subscription events) accepted batch by batch and drained in chunks of several batches leaves the
   * incremental rollups (daily, period rows, named-event periods, cells, lifecycle) and facts equal a rebuild.
   */
  for (const seed of [11, 12]) {
    it(`incremental rollups equal a rebuild after draining random stream #${seed}`, async () => {
      const rng = new Random(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rng.next() * items.length)]!;
      let n = 0;
      const sent: unknown[][] = [];
      for (let b = 0; b < 10; b++) {
        const batch = Array.from({ length: 1 + Math.floor(rng.next() * 20) }, () => {
          n++;
          const type = pick(["track", "track", "page", "identify", "alias"] as const);
          const hasUser = type === "alias" || rng.next() < 0.5;
          const base = {
            messageId: `m${seed}-${n}`,
            timestamp: at(Math.floor(rng.next() * 20 * 1440)),
            ...(hasUser ? { userId: pick(["u1", "u2", "u3", "u4"]) } : {}),
            ...(!hasUser || rng.next() < 0.5 ? { anonymousId: pick(["a1", "a2", "a3", "a4", "a5"]) } : {}),
          };
          if (type === "alias") return { ...base, type, previousId: pick(["a1", "a2", "u1", "u3"]) };
          if (type === "identify") return { ...base, type, traits: { plan: pick(["x", "y"]) } };
          if (type === "page") return { ...base, type, name: "Home" };
          const event = pick(["Order Completed", "Subscription Started", "Logged In"]);
          return {
            ...base,
            type,
            event,
            properties:
              event === "Order Completed"
                ? { order_id: `o${Math.floor(rng.next() * 5)}`, revenue: Math.round(rng.next() * 1000) / 10 }
                : { mrr: 10 },
          };
        });
        sent.push(batch);
        await accept(batch);
        if (b % 3 === 2) await accept(sent[b - 1]!);
        if (b % 4 === 3) await drainInboxOnce(db, { maxEvents: 30 });
      }
      await drainIngestQueue(db);
      const incremental = await rollupSnapshot(db, ws);
      await rebuildAllRollups(db, ws);
      expect(incremental).toEqual(await rollupSnapshot(db, ws));
      expect(incremental.activity.length).toBeGreaterThan(0);
    });
  }
});
