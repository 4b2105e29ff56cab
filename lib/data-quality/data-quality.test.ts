import { beforeAll, expect, it } from "vitest";
import { dataQualityIssues, ingestRejections, workspaces } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/db";
import { blockedMerges } from "./blocked-merges";
import { workspaceCalendar } from "./calendar";
import { volumeDrops } from "./drop-alert";
import { identifiedShare } from "./identified";
import { rejectionsByReason } from "./rejections";
import { insertEvents, type TestEvents } from "./test-events";
import { eventVolumeByDay } from "./volume";

describeEachDatabase("data quality", ({ database }) => {
  // Los Angeles: daylight saving time starts on 2026-03-08 (a 23-hour day); from then on local = UTC-7.
  let la = "";
  // Berlin in March 2026 is UTC+1: local days start at 23:00 UTC the evening before.
  let berlin = "";
  let empty = "";
  // 12:00 in Los Angeles on 2026-03-18: half of today has passed. The 14-day window is 03-05 … 03-18 and the
  // trailing 7 complete days are 03-11 … 03-17.
  const laNoon = new Date("2026-03-18T19:00:00Z");
  // 00:30 on 2026-03-11 in Berlin, still 03-10 in UTC.
  const berlinNow = new Date("2026-03-10T23:30:00Z");

  beforeAll(async () => {
    const db = database().db;
    const [a, b, c] = await db
      .insert(workspaces)
      .values([
        { name: "LA", timeZone: "America/Los_Angeles" },
        { name: "Berlin", timeZone: "Europe/Berlin" },
        { name: "Empty", timeZone: "UTC" },
      ])
      .returning();
    la = a!.id;
    berlin = b!.id;
    empty = c!.id;

    // The 7 baseline days, 03-11 … 03-17: events at 10:00 and at 18:00 local (18:00 PDT is 01:00 UTC the next
    // day, still the same local day).
    const baseline: TestEvents[] = [];
    for (let day = 11; day <= 17; day++) {
      const tenAm = `2026-03-${day}T17:00:00Z`;
      const sixPm = `2026-03-${day + 1}T01:00:00Z`;
      for (const [name, morning, evening] of [
        ["Order Completed", 40, 0],
        ["Page Viewed", 40, 0],
        ["Signed Up", 20, 20],
        ["Evening", 10, 30],
        ["Late", 9, 31],
        ["Rare", 19, 0],
      ] as const) {
        baseline.push(
          { name, at: tenAm, count: morning, userId: "u1" },
          { name, at: sixPm, count: evening, userId: "u1" },
        );
      }
    }
    await insertEvents(db, la, baseline);
    // Today so far, at 08:00 local; and 5 Signed Up stamped 13:00 today, an hour after "now" (a client clock
    // running ahead): in today's column, not in today's count so far.
    const today8am = "2026-03-18T15:00:00Z";
    await insertEvents(db, la, [
      { name: "Order Completed", at: today8am, count: 20 },
      { name: "Page Viewed", at: today8am, count: 19 },
      { name: "Signed Up", at: today8am, count: 9 },
      { name: "Signed Up", at: "2026-03-18T20:00:00Z", count: 5 },
      { name: "Evening", at: today8am, count: 4 },
    ]);
    // Local day boundaries: the second of each pair is the first instant of the next local day.
    await insertEvents(
      db,
      la,
      [
        "2026-03-05T07:59:59Z", // 03-04 23:59:59 PST: before the window
        "2026-03-05T08:00:00Z", // 03-05 00:00 PST: the window's first instant
        "2026-03-09T07:30:00Z", // 03-09 00:30 PDT (in PST it would still be 03-08)
        "2026-03-18T06:59:59Z", // 03-17 23:59:59 PDT
        "2026-03-18T07:00:00Z", // 03-18 00:00 PDT: today
      ].map((at) => ({ name: "Edge", at })),
    );
    await insertEvents(db, la, { name: null, at: "2026-03-10T20:00:00Z", userId: "u1" });
    // Segment entries recorded by Tenure itself are not tracking: no volume row, no alert, no share.
    await insertEvents(db, la, { name: "Segment Entered", type: "system", at: "2026-03-17T18:00:00Z", count: 50 });
  });

  it("places today, the window and the share of today elapsed in the workspace's time zone", async () => {
    const calendar = await workspaceCalendar(database().db, la, laNoon, 14);
    expect(calendar).toMatchObject({
      timeZone: "America/Los_Angeles",
      today: "2026-03-18",
      windowStart: new Date("2026-03-05T08:00:00Z"),
      todayStart: new Date("2026-03-18T07:00:00Z"),
      windowEnd: new Date("2026-03-19T07:00:00Z"),
      timeOfDay: "12:00:00",
    });
    expect(calendar.days[0]).toBe("2026-03-05");
    expect(calendar.days.at(-1)).toBe("2026-03-18");
    // On the day clocks spring forward the local day is 23 hours long, from 08:00 to 07:00 UTC.
    const dstDay = await workspaceCalendar(database().db, la, new Date("2026-03-08T19:00:00Z"), 1);
    expect(dstDay).toMatchObject({
      today: "2026-03-08",
      timeOfDay: "12:00:00",
      windowStart: new Date("2026-03-08T08:00:00Z"),
      windowEnd: new Date("2026-03-09T07:00:00Z"),
    });
    // Berlin is already on 03-11 while UTC is on 03-10.
    expect((await workspaceCalendar(database().db, berlin, berlinNow, 7)).today).toBe("2026-03-11");
  });

  it("counts events per name per local day over 14 days, busiest first", async () => {
    const volume = await eventVolumeByDay(database().db, la, { now: laNoon });
    const byName = Object.fromEntries(volume.rows.map((r) => [r.name ?? "(none)", r]));
    expect(volume.rows.map((r) => [r.name, r.total])).toEqual([
      ["Order Completed", 300],
      ["Page Viewed", 299],
      ["Signed Up", 294],
      ["Evening", 284],
      ["Late", 280],
      ["Rare", 133],
      ["Edge", 4],
      [null, 1],
    ]);
    //                      03-05 06 07 08 09 10 11  12  13  14  15  16  17  18
    expect(byName["Order Completed"]?.counts).toEqual([0, 0, 0, 0, 0, 0, 40, 40, 40, 40, 40, 40, 40, 20]);
    // The 18:00 events count on their local day; by noon only the 10:00 ones had arrived.
    expect(byName["Signed Up"]?.counts).toEqual([0, 0, 0, 0, 0, 0, 40, 40, 40, 40, 40, 40, 40, 14]);
    expect(byName["Signed Up"]?.countsByNow).toEqual([0, 0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20, 20, 9]);
    expect(byName.Edge?.counts).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(byName["(none)"]?.counts).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("raises the drop alert below half of what usually arrived by this hour, and not at exactly half", async () => {
    // By noon on the baseline days: Order Completed and Page Viewed 40, Signed Up 20, Evening 10, Late 9.
    // Today by noon: Page Viewed 19 < 20 and Signed Up 9 < 10 and Evening 4 < 5 alarm; Order Completed has
    // exactly 20 (not below half); Late expects only 9 by noon (under 10) and Rare averages 19 a day (under 20).
    const volume = await eventVolumeByDay(database().db, la, { now: laNoon });
    expect(volumeDrops(volume)).toEqual([
      { name: "Page Viewed", todayCount: 19, dailyAverage: 40, expectedSoFar: 40 },
      { name: "Signed Up", todayCount: 9, dailyAverage: 40, expectedSoFar: 20 },
      { name: "Evening", todayCount: 4, dailyAverage: 40, expectedSoFar: 10 },
    ]);
    // At 09:00 nothing had usually arrived yet (the baseline's events come at 10:00 and 18:00): no alert.
    const early = await eventVolumeByDay(database().db, la, { now: new Date("2026-03-18T16:00:00Z") });
    expect(volumeDrops(early)).toEqual([]);
  });

  it("shares identified events over the last 7 local days", async () => {
    const db = database().db;
    await insertEvents(db, berlin, { name: "Home", at: "2026-03-04T22:59:59Z", userId: "u1" }); // 03-04 local: out
    await insertEvents(db, berlin, { name: "Home", at: "2026-03-04T23:00:00Z", userId: "u1" }); // 03-05 00:00: in
    await insertEvents(db, berlin, { name: null, at: "2026-03-07T12:00:00Z", userId: "u1" });
    await insertEvents(db, berlin, { name: "Home", at: "2026-03-08T12:00:00Z" });
    await insertEvents(db, berlin, { name: "Home", at: "2026-03-10T23:10:00Z" }); // today, local
    await insertEvents(db, berlin, { name: "Segment Exited", type: "system", at: "2026-03-09T12:00:00Z", count: 3 });
    // In: 4 events, 2 with a user id. A UTC window (03-04 … 03-10) would have counted 3 of 5.
    expect(await identifiedShare(db, berlin, { now: berlinNow })).toEqual({
      since: new Date("2026-03-04T23:00:00Z"),
      events: 4,
      identifiedEvents: 2,
      share: 0.5,
    });
    expect(await identifiedShare(db, empty, { now: berlinNow })).toMatchObject({ events: 0, share: null });
  });

  it("counts rejected events by reason over the last 7 local days, with the latest message", async () => {
    const db = database().db;
    await db.insert(ingestRejections).values([
      { workspaceId: berlin, reason: "invalid_json", message: "old", receivedAt: new Date("2026-03-04T22:59:59Z") },
      { workspaceId: berlin, reason: "invalid_json", message: "first", receivedAt: new Date("2026-03-05T10:00:00Z") },
      { workspaceId: berlin, reason: "invalid_json", message: "latest", receivedAt: new Date("2026-03-09T10:00:00Z") },
      { workspaceId: berlin, reason: "missing_identity", message: "no id", receivedAt: new Date("2026-03-10T23:20Z") },
      { workspaceId: la, reason: "too_large", message: "other workspace", receivedAt: new Date("2026-03-09T10:00Z") },
    ]);
    expect(await rejectionsByReason(db, berlin, { now: berlinNow })).toEqual({
      since: new Date("2026-03-04T23:00:00Z"),
      total: 3,
      reasons: [
        {
          reason: "invalid_json",
          count: 2,
          latestMessage: "latest",
          latestAt: new Date("2026-03-09T10:00:00Z"),
        },
        {
          reason: "missing_identity",
          count: 1,
          latestMessage: "no id",
          latestAt: new Date("2026-03-10T23:20:00Z"),
        },
      ],
    });
    expect(await rejectionsByReason(db, empty, { now: berlinNow })).toMatchObject({ total: 0, reasons: [] });
  });

  it("lists blocked merges newest first with their identifier and details", async () => {
    const db = database().db;
    await db.insert(dataQualityIssues).values([
      {
        workspaceId: berlin,
        kind: "blocked_identifier",
        identifierKind: "email",
        identifierValue: "test@test.com",
        details: { customers: [1, 2] },
        createdAt: new Date("2026-03-09T10:00:00Z"),
      },
      {
        workspaceId: berlin,
        kind: "merge_limit",
        identifierKind: "anonymous_id",
        identifierValue: "00000000",
        details: { wouldMerge: 120, limit: 100 },
        createdAt: new Date("2026-03-10T10:00:00Z"),
      },
    ]);
    const merges = await blockedMerges(db, berlin, { limit: 1 });
    expect(merges.total).toBe(2);
    expect(merges.latest).toEqual([
      {
        id: expect.any(Number),
        kind: "merge_limit",
        identifierKind: "anonymous_id",
        identifierValue: "00000000",
        details: { wouldMerge: 120, limit: 100 },
        createdAt: new Date("2026-03-10T10:00:00Z"),
      },
    ]);
    expect(await blockedMerges(db, empty)).toEqual({ total: 0, latest: [] });
  });
});
