import { expect, it } from "vitest";
import { workspaces } from "@/lib/db/schema";
import { parseSegmentRule } from "@/lib/segments/parse";
import { createSegment } from "@/lib/segments/store/crud";
import { loadSegment } from "@/lib/segments/store/load";
import { describeEachDatabase } from "@/test/db";
import { createJobQueue } from "./queue";
import { registerSegmentJobs, SEGMENT_REFRESH_CRON, SEGMENT_REFRESH_QUEUE } from "./segment-refresh";

describeEachDatabase("segment refresh job", ({ database }) => {
  it("is scheduled every 15 minutes and, when it runs, recomputes a time-sensitive active segment", async () => {
    const db = database().db;
    const [ws] = await db.insert(workspaces).values({ name: "Jobs", timeZone: "UTC" }).returning({ id: workspaces.id });
    const segment = await createSegment(
      db,
      { workspaceId: ws!.id, userId: null, now: new Date("2026-01-01T00:00:00Z") },
      {
        name: "Quiet",
        description: "",
        kind: "dynamic",
        status: "active",
        rule: parseSegmentRule({
          type: "group",
          combinator: "and",
          conditions: [
            {
              type: "event",
              event: "$any",
              operator: "not_performed",
              window: { type: "last", amount: 7, unit: "days" },
            },
          ],
        }),
      },
    );
    const boss = createJobQueue(database());
    await boss.start();
    try {
      await registerSegmentJobs(boss, db);
      const schedules = await boss.getSchedules(SEGMENT_REFRESH_QUEUE);
      expect(schedules.map((s) => s.cron)).toEqual([SEGMENT_REFRESH_CRON]);
      const id = await boss.send(SEGMENT_REFRESH_QUEUE, {});
      let state: string | undefined;
      for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        state = (await boss.findJobs(SEGMENT_REFRESH_QUEUE, { id: id! }))[0]?.state;
      }
      expect(state).toBe("completed");
      // Created on 2026-01-01; the job ran with the real clock, so it recomputed (stamped) the segment again.
      const after = await loadSegment(db, ws!.id, segment.id);
      expect(after.recomputedAt!.getTime()).toBeGreaterThan(new Date("2026-01-02T00:00:00Z").getTime());
    } finally {
      await boss.stop({ graceful: false });
    }
  }, 60_000);
});
