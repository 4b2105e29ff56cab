import { beforeAll, expect, it } from "vitest";
import { customerDailyActivity, customers, events, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { recentEvents, workspaceSummary } from "./summary";

describeEachDatabase("workspace summary", ({ database }) => {
  let ws = "";
  // "now" is 2026-03-10 02:00 UTC, which is still 2026-03-09 in Los Angeles: the window's last day is 03-09,
  // and a 30-day window starts on 2026-02-08.
  const now = new Date("2026-03-10T02:00:00Z");

  beforeAll(async () => {
    const db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "LA", timeZone: "America/Los_Angeles" }).returning();
    ws = w!.id;
    await db.insert(customers).values([
      // last_active_at as ingest keeps it: the latest track/page/screen event of the rows below.
      {
        workspaceId: ws,
        id: 1,
        externalId: "u1",
        email: "one@example.com",
        lastActiveAt: new Date("2026-03-09T17:00:00-08:00"),
      },
      { workspaceId: ws, id: 2, externalId: "u2", lastActiveAt: new Date("2026-02-07T12:00:00-08:00") },
      { workspaceId: ws, id: 3, externalId: "u3", lastActiveAt: new Date("2026-03-10T09:00:00-07:00") },
      // active only after today (a client clock ahead): not active in the window
      { workspaceId: ws, id: 5, externalId: "u5", lastActiveAt: new Date("2026-03-11T09:00:00-07:00") },
      // merged into customer 1: not counted separately
      { workspaceId: ws, id: 4, externalId: null, mergedInto: 1 },
    ]);
    await db.insert(customerDailyActivity).values([
      // customer 1: active on the last day of the window and on its first day
      {
        workspaceId: ws,
        customerId: 1,
        day: "2026-03-09",
        eventCount: 3,
        activeEventCount: 2,
        orderCount: 1,
        revenue: "40.50",
      },
      { workspaceId: ws, customerId: 1, day: "2026-02-08", eventCount: 1, activeEventCount: 1 },
      // customer 2: only an identify (not "active") inside the window, and a purchase the day before it starts
      { workspaceId: ws, customerId: 2, day: "2026-03-01", eventCount: 1, activeEventCount: 0 },
      {
        workspaceId: ws,
        customerId: 2,
        day: "2026-02-07",
        eventCount: 2,
        activeEventCount: 2,
        orderCount: 1,
        revenue: "99",
      },
      // customer 3: active on "2026-03-10", which has not begun in Los Angeles yet
      { workspaceId: ws, customerId: 3, day: "2026-03-10", eventCount: 5, activeEventCount: 5 },
      { workspaceId: ws, customerId: 5, day: "2026-03-11", eventCount: 1, activeEventCount: 1 },
      {
        workspaceId: ws,
        customerId: 3,
        day: "2026-02-20",
        eventCount: 2,
        activeEventCount: 1,
        orderCount: 2,
        revenue: "10",
      },
    ]);
  });

  it("counts by hand: 4 customers, 2 active, 7 events, 3 orders worth 50.50 in the 30 days to today", async () => {
    // active: customer 1 (03-09, 02-08) and customer 3 (02-20, although its latest activity is after today);
    // customer 2 only identified in the window; customer 5 active only after today.
    // events: 3 + 1 + 1 + 2 = 7; orders: 1 + 2 = 3; revenue: 40.50 + 10 = 50.50.
    expect(await workspaceSummary(database().db, ws, now)).toEqual({
      customers: 4,
      activeCustomers: 2,
      events: 7,
      orders: 3,
      revenue: 50.5,
      windowDays: 30,
    });
  });

  it("counts activity to the minute where the window starts inside an hour (a half-hour time zone)", async () => {
    // Kolkata is UTC+05:30: the 30-day window to 2026-03-10 starts 2026-02-09 00:00 IST = 02-08 18:30 UTC and
    // ends 2026-03-11 00:00 IST = 03-10 18:30 UTC. The indexed hour of each profile below is 18:00 UTC, in the
    // window's first or last hour; only the exact time decides.
    const db = database().db;
    const [w] = await db.insert(workspaces).values({ name: "Kolkata", timeZone: "Asia/Kolkata" }).returning();
    const at = (iso: string) => new Date(iso);
    await db.insert(customers).values([
      { workspaceId: w!.id, id: 1, lastActiveAt: at("2026-02-08T18:29:59.999Z") }, // before the window
      { workspaceId: w!.id, id: 2, lastActiveAt: at("2026-02-08T18:30:00Z") }, // its first moment
      { workspaceId: w!.id, id: 3, lastActiveAt: at("2026-03-10T18:29:59.999Z") }, // its last moment
    ]);
    // Customer 4's latest activity is after the window (18:30 UTC is tomorrow in Kolkata) but it was active
    // inside it, which the daily rollup shows; customer 5 has nothing inside.
    await db.insert(customers).values([
      { workspaceId: w!.id, id: 4, lastActiveAt: at("2026-03-10T18:30:00Z") },
      { workspaceId: w!.id, id: 5, lastActiveAt: at("2026-03-10T18:45:00Z") },
    ]);
    await db.insert(customerDailyActivity).values([
      { workspaceId: w!.id, customerId: 4, day: "2026-03-10", eventCount: 1, activeEventCount: 1 },
      { workspaceId: w!.id, customerId: 5, day: "2026-03-11", eventCount: 1, activeEventCount: 1 },
    ]);
    const summary = await workspaceSummary(db, w!.id, new Date("2026-03-10T12:00:00Z"));
    expect(summary).toMatchObject({ customers: 5, activeCustomers: 3 });
  });

  it("is empty for a workspace with no data", async () => {
    const [w] = await database().db.insert(workspaces).values({ name: "Empty" }).returning();
    expect(await workspaceSummary(database().db, w!.id, now)).toMatchObject({
      customers: 0,
      activeCustomers: 0,
      revenue: 0,
    });
  });

  it("lists the latest events newest first with the customer's email or id", async () => {
    const db = database().db;
    await db.insert(events).values([
      {
        workspaceId: ws,
        messageId: "m1",
        customerId: 1,
        type: "track",
        name: "Old",
        timestamp: new Date("2026-03-01T00:00:00Z"),
      },
      {
        workspaceId: ws,
        messageId: "m2",
        customerId: 2,
        type: "page",
        name: "Home",
        timestamp: new Date("2026-03-02T00:00:00Z"),
      },
    ]);
    const latest = await recentEvents(db, ws, 5);
    expect(latest.map((e) => [e.name, e.customerLabel, e.customerId])).toEqual([
      ["Home", "u2", 2],
      ["Old", "one@example.com", 1],
    ]);
  });
});
