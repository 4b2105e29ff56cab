import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { buildSegmentFixture, TIME_ZONE } from "../test-fixture";
import { createSegment } from "./crud";
import { recentChanges, segmentSizeHistory } from "./history";
import { identifiersFromList } from "./identifiers";
import { uploadStaticMembers } from "./upload";

/**
 * Daily size from the entered/exited log, in the workspace's days (America/New_York, UTC−4 in late March):
 *   03-16 15:00Z (11:00 local)  append user_1, user_2        → +2 on 03-16
 *   03-17 03:30Z (03-16 23:30)  append user_3                → +1 on 03-16 (the 17th in UTC)
 *   03-17 05:00Z (01:00 local)  replace with user_3          → −2 on 03-17 (1 and 2 exit)
 *   03-18 12:00Z (08:00 local)  append user_4                → +1 on 03-18
 * End-of-day sizes: 03-15 0, 03-16 3, 03-17 1, 03-18 2.
 */
describeEachDatabase("segment size history", ({ database }) => {
  let scope = { workspaceId: "", segmentId: "", timeZone: TIME_ZONE };
  const NOW = new Date("2026-03-18T16:00:00Z");

  beforeAll(async () => {
    const db = database().db;
    const { workspaceId } = await buildSegmentFixture(db);
    const segment = await createSegment(
      db,
      { workspaceId, userId: null, now: new Date("2026-03-16T14:00:00Z") },
      { name: "Hand list", description: "", kind: "static", status: "active", rule: null },
    );
    scope = { workspaceId, segmentId: segment.id, timeZone: TIME_ZONE };
    const step = (at: string, mode: "append" | "replace", ids: string[]) =>
      uploadStaticMembers(
        db,
        { workspaceId, segmentId: segment.id, now: new Date(at) },
        mode,
        identifiersFromList(ids),
      );
    await step("2026-03-16T15:00:00Z", "append", ["user_1", "user_2"]);
    await step("2026-03-17T03:30:00Z", "append", ["user_3"]);
    await step("2026-03-17T05:00:00Z", "replace", ["user_3"]);
    await step("2026-03-18T12:00:00Z", "append", ["user_4"]);
  });

  it("counts members at the end of each local day", async () => {
    expect(await segmentSizeHistory(database().db, scope, 4, NOW)).toEqual([
      { date: "2026-03-15", members: 0 },
      { date: "2026-03-16", members: 3 },
      { date: "2026-03-17", members: 1 },
      { date: "2026-03-18", members: 2 },
    ]);
  });

  it("starts a shorter range from the size before it (3 at the end of 03-16)", async () => {
    expect(await segmentSizeHistory(database().db, scope, 2, NOW)).toEqual([
      { date: "2026-03-17", members: 1 },
      { date: "2026-03-18", members: 2 },
    ]);
  });

  it("entries and exits of the last 7 local days (03-12 … 03-18): 4 in, 2 out; from 03-24 only the 03-18 entry", async () => {
    expect(await recentChanges(database().db, scope, NOW)).toEqual({ enteredLast7Days: 4, exitedLast7Days: 2 });
    // On 03-24 the window is 03-18 … 03-24.
    expect(await recentChanges(database().db, scope, new Date("2026-03-24T16:00:00Z"))).toEqual({
      enteredLast7Days: 1,
      exitedLast7Days: 0,
    });
  });
});
