import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { customers, events, workspaces } from "@/lib/db/schema";
import { Invalid } from "@/lib/errors";
import { describeEachDatabase } from "@/test/db";
import { importRows } from "./import-rows";
import { importCsvText } from "./import-text";

// A BOM, CRLF line ends, a quoted comma, a quoted line break (line 4 spans two lines) and two bad rows.
const CUSTOMERS = [
  "\uFEFFuser_id,email,name,plan,note",
  "u1,ann@example.com,Ann Lee,gold,",
  ",nobody@example.com,No Id,silver,",
  'u2,bob@example.com,"Bob, Jr.",silver,"first line',
  'second line"',
  "u3,not-an-email,Cy,gold,",
  "u4,dee@example.com,Dee,,likes tea",
].join("\r\n");

const EVENTS = [
  "user_id,anonymous_id,event,timestamp,revenue,order_id",
  "u1,,Order Completed,2024-03-01 10:00,12.50,o-1",
  "u1,,Viewed Product,2024-03-02T08:00:00Z,,",
  ",anon-7,Viewed Product,2024-03-02,,",
  "u2,,Order Completed,2024-03-03,not much,o-2",
  ",,Viewed Product,2024-03-03,,",
  "u2,,,2024-03-03,,",
  "u2,,Order Completed,03/04/2024,5,o-3",
  "null,,Viewed Product,2024-03-04,,",
  'u2,,Order Completed,2024-03-05T12:00:00+02:00,"1,000.00",o-4',
].join("\n");

describeEachDatabase("CSV import", ({ database }) => {
  let db: Db;
  let target = { workspaceId: "", timeZone: "Europe/Berlin" };
  beforeEach(async () => {
    db = database().db;
    const [w] = await db
      .insert(workspaces)
      .values({ name: `ws-${Math.random()}`, timeZone: "Europe/Berlin" })
      .returning();
    target = { workspaceId: w!.id, timeZone: "Europe/Berlin" };
  });
  const profiles = () =>
    db
      .select({
        externalId: customers.externalId,
        email: customers.email,
        traits: customers.traits,
        revenue: customers.lifetimeRevenue,
        orders: customers.orderCount,
      })
      .from(customers)
      .where(and(eq(customers.workspaceId, target.workspaceId), isNull(customers.mergedInto)))
      .orderBy(asc(customers.externalId));

  it("imports customers as identify calls with traits, listing bad rows by line", async () => {
    const outcome = await importCsvText(db, target, "customers", CUSTOMERS, { chunkSize: 2 });
    expect(outcome.accepted).toBe(3);
    expect(outcome.duplicates).toBe(0);
    expect(outcome.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "missing_user_id"],
      [6, "invalid_email"],
    ]);
    expect(await profiles()).toEqual([
      {
        externalId: "u1",
        email: "ann@example.com",
        traits: { email: "ann@example.com", name: "Ann Lee", plan: "gold" },
        revenue: "0.00",
        orders: 0,
      },
      {
        externalId: "u2",
        email: "bob@example.com",
        traits: { email: "bob@example.com", name: "Bob, Jr.", plan: "silver", note: "first line\nsecond line" },
        revenue: "0.00",
        orders: 0,
      },
      {
        externalId: "u4",
        email: "dee@example.com",
        traits: { email: "dee@example.com", name: "Dee", note: "likes tea" },
        revenue: "0.00",
        orders: 0,
      },
    ]);
  });

  it("imports nothing new when the same file runs again: every valid row is a duplicate", async () => {
    const first = await importCsvText(db, target, "customers", CUSTOMERS);
    const again = await importCsvText(db, target, "customers", CUSTOMERS, { chunkSize: 1 });
    expect(again).toEqual({ accepted: 0, duplicates: first.accepted, rejected: first.rejected });
    const stored = await db.select().from(events).where(eq(events.workspaceId, target.workspaceId));
    expect(stored).toHaveLength(3);
  });

  it("applies a changed customers file: a changed row is a new identify whose traits win", async () => {
    await importCsvText(db, target, "customers", "user_id,plan,city\nu1,gold,Berlin\nu2,silver,Rome\n");
    const outcome = await importCsvText(db, target, "customers", "user_id,plan,city\nu1,platinum,\nu2,silver,Rome\n");
    expect(outcome).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const [u1] = await profiles();
    // The empty city cell leaves the trait as it was.
    expect(u1?.traits).toEqual({ plan: "platinum", city: "Berlin" });
  });

  it("imports events as track calls with numeric amounts, updating revenue, and is idempotent", async () => {
    const outcome = await importCsvText(db, target, "events", EVENTS, { chunkSize: 4 });
    expect(outcome.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, "invalid_number"],
      [6, "missing_identity"],
      [7, "missing_event"],
      [8, "invalid_timestamp"],
      [9, "blocked_identity"],
    ]);
    expect(outcome.rejected[3]?.message).toMatch(/day-first or month-first/);
    expect(outcome).toMatchObject({ accepted: 4, duplicates: 0 });

    const stored = await db
      .select({ name: events.name, properties: events.properties, timestamp: events.timestamp, user: events.userId })
      .from(events)
      .where(eq(events.workspaceId, target.workspaceId))
      .orderBy(asc(events.timestamp));
    expect(stored.map((e) => [e.user, e.name, e.timestamp.toISOString(), e.properties])).toEqual([
      // No offset: read in the workspace's zone (Berlin, UTC+1 in March).
      ["u1", "Order Completed", "2024-03-01T09:00:00.000Z", { revenue: 12.5, order_id: "o-1" }],
      [null, "Viewed Product", "2024-03-01T23:00:00.000Z", {}],
      ["u1", "Viewed Product", "2024-03-02T08:00:00.000Z", {}],
      ["u2", "Order Completed", "2024-03-05T10:00:00.000Z", { revenue: 1000, order_id: "o-4" }],
    ]);
    const byUser = new Map((await profiles()).map((p) => [p.externalId, p]));
    expect(byUser.get("u1")).toMatchObject({ revenue: "12.50", orders: 1 });
    expect(byUser.get("u2")).toMatchObject({ revenue: "1000.00", orders: 1 });

    const again = await importCsvText(db, target, "events", EVENTS, { chunkSize: 3 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 4 });
    expect(again.rejected).toHaveLength(5);
    expect((await profiles()).find((p) => p.externalId === "u1")).toMatchObject({ revenue: "12.50", orders: 1 });
  });

  it("keeps the file's own message ids, so rows repeated under one id are stored once", async () => {
    const text = [
      "message_id,user_id,event,timestamp",
      "evt-1,u1,Signed Up,2024-01-01T00:00:00Z",
      "evt-1,u1,Signed Up,2024-01-01T00:00:00Z",
      "evt-2,u1,Logged In,2024-01-02T00:00:00Z",
    ].join("\n");
    expect(await importCsvText(db, target, "events", text)).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    const ids = await db
      .select({ id: events.messageId })
      .from(events)
      .where(eq(events.workspaceId, target.workspaceId))
      .orderBy(asc(events.messageId));
    expect(ids.map((r) => r.id)).toEqual(["evt-1", "evt-2"]);
  });

  it("refuses an incomplete mapping as a whole, naming the fields", async () => {
    await expect(
      importRows(db, target, "events", {
        header: ["who", "what"],
        mapping: [{ target: "user_id" }, { target: "event" }],
        rows: [{ line: 2, cells: ["u1", "Viewed"] }],
      }),
    ).rejects.toThrow(Invalid);
    await expect(
      importRows(db, target, "events", {
        header: ["who", "what"],
        mapping: [{ target: "user_id" }, { target: "event" }],
        rows: [{ line: 2, cells: ["u1", "Viewed"] }],
      }),
    ).rejects.toMatchObject({ fields: { mapping: "Choose the column that holds the timestamp." } });
  });
});
