import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { rows } from "@/lib/db/rows";
import { workspaces } from "@/lib/db/schema";
import { Random } from "@/lib/seed/random";
import { describeEachDatabase } from "@/test/db";
import { rebuildAllRollups, rollupSnapshot } from "@/test/rollup-snapshot";
import { ingestBatch } from "../ingest";
import { acceptBatch } from "./accept";
import { drainInboxOnce, drainIngestQueue } from "./drain";
import { InboxDrainer } from "./drainer";
import { InboxLanes, laneOf } from "./lanes";

const T0 = Date.parse("2026-05-04T10:00:00Z");

describeEachDatabase("ingest inbox lanes (one customer's events drain in one lane)", ({ database }) => {
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
  const target = () => ({ workspaceId: ws, sourceId: null });
  const accept = (messages: unknown[], lanes: InboxLanes) =>
    acceptBatch(
      db,
      target(),
      messages.map((raw) => ({ raw })),
      { receivedAt: new Date(T0), lanes },
    );
  const inboxRows = () =>
    rows<{ lane: number; ids: string[] }>(
      db,
      sql`select lane, array(select m->>'messageId' from json_array_elements(messages) m) as ids
          from ingest_inbox where workspace_id = ${ws} order by lane`,
    );

  it("gives an anonymous id the lane of the user it was identified as, from storage or from a message carrying both", async () => {
    // Stored earlier (another process, or before a restart): anonymous id a-1 belongs to user u-1.
    await ingestBatch(db, target(), [
      { raw: { type: "identify", userId: "u-1", anonymousId: "a-1", messageId: "i1" } },
    ]);
    const lanes = new InboxLanes(2);
    const assigned = await lanes.assign(db, ws, [
      { userId: "u-1", anonymousId: null },
      { userId: null, anonymousId: "a-1" },
      { userId: null, anonymousId: "a-3" },
      { userId: "u-2", anonymousId: "a-3" },
      { userId: null, anonymousId: "a-3" },
      { userId: null, anonymousId: "visitor" },
    ]);
    expect(assigned).toEqual([
      laneOf("u-1", 2),
      laneOf("u-1", 2),
      // Not identified in storage, but this batch links it to u-2: every message of the batch follows u-2.
      laneOf("u-2", 2),
      laneOf("u-2", 2),
      laneOf("u-2", 2),
      laneOf("visitor", 2),
    ]);
    // The ids were chosen to fall in different lanes, so the expectations above can fail.
    expect(laneOf("a-3", 2)).not.toBe(laneOf("u-2", 2));
    expect(await lanes.assign(db, ws, [{ userId: null, anonymousId: "a-3" }])).toEqual([laneOf("u-2", 2)]);
    // A visitor looked up once and not identified keeps their own lane, without another lookup.
    expect(await lanes.assign(db, ws, [{ userId: null, anonymousId: "visitor" }])).toEqual([laneOf("visitor", 2)]);
    expect(await new InboxLanes(1).assign(db, ws, [{ userId: "u-2", anonymousId: null }])).toEqual([0]);
  });

  it("lanes spread customers evenly", () => {
    const counts = [0, 0];
    for (let i = 0; i < 10_000; i++) counts[laneOf(`user-${i}`, 2)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(4_800);
  });

  it("commits a batch as one inbox row per lane, which each loop drains alone; one loop drains every lane", async () => {
    const lanes = new InboxLanes(2);
    const users = ["u-1", "u-2", "u-3", "u-4", "u-5", "u-6"];
    const batch: Record<string, string>[] = users.map((userId, i) => ({
      type: "track",
      userId,
      event: "Logged In",
      messageId: `m${i}`,
    }));
    // A blocked user id does not decide the lane: the anonymous id does.
    batch.push({
      type: "track",
      userId: "undefined",
      anonymousId: "a-9",
      event: "Logged In",
      messageId: "m-blocked",
    });
    expect(await accept(batch, lanes)).toMatchObject({ accepted: 7, rejected: [] });
    const byLane = new Map((await inboxRows()).map((r) => [r.lane, [...r.ids].sort()]));
    const expected = new Map<number, string[]>();
    for (const [i, u] of users.entries()) expected.set(laneOf(u, 2), [...(expected.get(laneOf(u, 2)) ?? []), `m${i}`]);
    expected.get(laneOf("a-9", 2))!.push("m-blocked");
    expect(byLane).toEqual(new Map([...expected].map(([lane, ids]) => [lane, ids.sort()])));
    expect(byLane.size).toBe(2);

    const first = await drainInboxOnce(db, { lane: { index: 1, of: 2 } });
    expect(first.events).toBe(expected.get(1)!.length);
    expect((await inboxRows()).map((r) => r.lane)).toEqual([0]);
    // Rows written with more lanes than a process drains with still drain (lane % count).
    await accept([{ type: "track", userId: "u-1", event: "Again", messageId: "n1" }], new InboxLanes(2));
    expect((await drainInboxOnce(db, { lane: { index: 0, of: 1 } })).events).toBe(expected.get(0)!.length + 1);
    expect(await inboxRows()).toEqual([]);
    const [{ stored }] = (await rows<{ stored: number }>(
      db,
      sql`select count(*)::int as stored from events where workspace_id = ${ws}`,
    )) as [{ stored: number }];
    expect(stored).toBe(8);
  });

  /**
   * Two loops draining lanes at once (truly concurrent transactions on PostgreSQL), on a stream whose anonymous
   * ids are identified, aliased and merged while their earlier events still wait in the other lane: every
   * rollup and fact still equals a rebuild from raw events.
   */
  for (const seed of [21, 22]) {
    it(`two drain loops leave every rollup equal to a rebuild, random stream #${seed}`, async () => {
      const rng = new Random(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rng.next() * items.length)]!;
      const users = Array.from({ length: 12 }, (_, i) => `u${i}`);
      const anons = Array.from({ length: 16 }, (_, i) => `a${i}`);
      const drainer = new InboxDrainer(database(), 2);
      let n = 0;
      const lanesFilled = new Set<number>();
      for (let b = 0; b < 12; b++) {
        const batch = Array.from({ length: 5 + Math.floor(rng.next() * 30) }, () => {
          n++;
          const type = pick(["track", "track", "track", "page", "page", "identify", "identify", "alias"] as const);
          const hasUser = type === "alias" || rng.next() < 0.5;
          const base = {
            messageId: `m${seed}-${n}`,
            timestamp: new Date(T0 + Math.floor(rng.next() * 40 * 86_400_000)).toISOString(),
            ...(hasUser ? { userId: pick(users) } : {}),
            ...(!hasUser || rng.next() < 0.5 ? { anonymousId: pick(anons) } : {}),
          };
          if (type === "alias") return { ...base, type, previousId: pick(anons) };
          if (type === "identify") return { ...base, type, traits: { plan: pick(["x", "y"]) } };
          if (type === "page") return { ...base, type, name: "Home" };
          const event = pick(["Order Completed", "Logged In", "Box Customized"]);
          return {
            ...base,
            type,
            event,
            properties:
              event === "Order Completed"
                ? { order_id: `o${Math.floor(rng.next() * 8)}`, revenue: Math.round(rng.next() * 1000) / 10 }
                : {},
          };
        });
        const outcome = await accept(batch, drainer.lanes);
        for (const r of await inboxRows()) lanesFilled.add(r.lane);
        drainer.kick(outcome.accepted);
        if (b % 4 === 3) await drainer.whenIdle();
      }
      await drainer.whenIdle();
      await drainIngestQueue(db);
      // Both lanes had rows waiting: the loops really worked side by side.
      expect(lanesFilled).toEqual(new Set([0, 1]));

      const drained = await rollupSnapshot(db, ws);
      await rebuildAllRollups(db, ws);
      expect(drained).toEqual(await rollupSnapshot(db, ws));
      expect(drained.cohortCells.length).toBeGreaterThan(0);
      const [{ merged }] = (await rows<{ merged: number }>(
        db,
        sql`select count(*)::int as merged from customers where workspace_id = ${ws} and merged_into is not null`,
      )) as [{ merged: number }];
      expect(merged).toBeGreaterThan(0);
    });
  }
});
