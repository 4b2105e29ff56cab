import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customers, events, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { COUNT_CAP, listAcquisitionChannels, listEventCatalog, listEventProperties } from "./event-catalog";

const NOW = new Date("2025-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function createWorkspace(db: Db, name: string) {
  const [row] = await db.insert(workspaces).values({ name }).returning({ id: workspaces.id });
  if (!row) throw new Error("no workspace");
  return row.id;
}

let messageCounter = 0;
type EventInput = { type?: string; name: string | null; at: Date; properties?: Record<string, unknown> };
async function insertEvents(db: Db, workspaceId: string, inputs: EventInput[]) {
  await db.insert(events).values(
    inputs.map((e) => ({
      workspaceId,
      messageId: `m${++messageCounter}`,
      customerId: 1,
      type: e.type ?? "track",
      name: e.name,
      properties: e.properties ?? {},
      timestamp: e.at,
    })),
  );
}

describeEachDatabase("event catalog", ({ database }) => {
  let workspaceId = "";
  let otherWorkspaceId = "";

  beforeAll(async () => {
    const db = database().db;
    workspaceId = await createWorkspace(db, "Catalog");
    otherWorkspaceId = await createWorkspace(db, "Elsewhere");
    await insertEvents(db, workspaceId, [
      { name: "Signed Up", at: daysAgo(200) },
      { name: "Order Completed", at: daysAgo(40), properties: { order_id: "o1", revenue: 20, coupon: "X" } },
      { name: "Order Completed", at: daysAgo(2), properties: { order_id: "o2", revenue: "19.90", total: 25 } },
      { name: "Order Completed", at: daysAgo(1), properties: { order_id: "o3", revenue: "n/a", total: 30 } },
      // A page view with the same name must not lend its properties to the track event.
      { type: "page", name: "Order Completed", at: daysAgo(3), properties: { url: "/thanks" } },
      { type: "page", name: "Home", at: daysAgo(5) },
      { type: "identify", name: null, at: daysAgo(1) },
      // Tenure's own records of segment entries and exits are not customer behaviour: never offered.
      { type: "system", name: "Segment Entered", at: daysAgo(1), properties: { segment_id: "s1" } },
      { type: "system", name: "Segment Exited", at: daysAgo(1), properties: { segment_id: "s1" } },
    ]);
    await insertEvents(db, otherWorkspaceId, [{ name: "Secret Event", at: daysAgo(1) }]);
  });

  it("lists each event name once, alphabetically, with its latest type and time and a recent count", async () => {
    const catalog = await listEventCatalog(database().db, workspaceId, NOW);
    expect(catalog).toEqual([
      { name: "Home", type: "page", lastSeenAt: daysAgo(5), recentCount: 1, recentCountCapped: false },
      { name: "Order Completed", type: "track", lastSeenAt: daysAgo(1), recentCount: 3, recentCountCapped: false },
      // Older than 30 days: still offered, with no recent events.
      { name: "Signed Up", type: "track", lastSeenAt: daysAgo(200), recentCount: 0, recentCountCapped: false },
    ]);
  });

  it("stops counting at the cap and says so", async () => {
    const db = database().db;
    const busy = await createWorkspace(db, "Busy");
    await db.execute(sql`
      insert into events (workspace_id, message_id, customer_id, type, name, timestamp)
      select ${busy}::uuid, 'busy-' || i, 1, 'track', 'Page Scrolled', ${daysAgo(1).toISOString()}::timestamptz
      from generate_series(1, ${COUNT_CAP + 5}) i
    `);
    const [scrolled] = await listEventCatalog(db, busy, NOW);
    expect(scrolled).toMatchObject({ name: "Page Scrolled", recentCount: COUNT_CAP, recentCountCapped: true });
  });

  it("lists the properties of an event's latest track events, most frequent first, with how many are numeric", async () => {
    const found = await listEventProperties(database().db, workspaceId, "Order Completed");
    expect(found).toEqual({
      sampled: 3,
      properties: [
        { name: "order_id", seenIn: 3, numericIn: 0 },
        { name: "revenue", seenIn: 3, numericIn: 2 },
        { name: "total", seenIn: 2, numericIn: 2 },
        { name: "coupon", seenIn: 1, numericIn: 0 },
      ],
    });
  });

  it("answers an empty sample for an event never seen", async () => {
    expect(await listEventProperties(database().db, workspaceId, "Never Sent")).toEqual({ sampled: 0, properties: [] });
  });

  it("lists acquisition channels by customers, leaving out merged profiles and blanks", async () => {
    const db = database().db;
    const channel = (c: unknown) => ({ acquisition_channel: c });
    await db.insert(customers).values([
      { workspaceId, externalId: "a", traits: channel("paid_search") },
      { workspaceId, externalId: "b", traits: channel("paid_search") },
      { workspaceId, externalId: "c", traits: channel("referral") },
      { workspaceId, externalId: "d", traits: channel("  ") },
      { workspaceId, externalId: "e", traits: {} },
      { workspaceId, externalId: "f", traits: channel("podcast"), mergedInto: 1 },
      { workspaceId: otherWorkspaceId, externalId: "g", traits: channel("tv") },
    ]);
    expect(await listAcquisitionChannels(db, workspaceId)).toEqual([
      { channel: "paid_search", customers: 2 },
      { channel: "referral", customers: 1 },
    ]);
  });
});
