import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/client";
import { refreshScheduledSegments } from "@/lib/segments/store/refresh";

/** The queue of the scheduled segment refresh (docs/segments-api.md "Membership"). */
export const SEGMENT_REFRESH_QUEUE = "segment-refresh";
/** Every 15 minutes: "last N hours" ticket windows move by the hour, day windows at local midnight. */
export const SEGMENT_REFRESH_CRON = "*/15 * * * *";

/**
 * Registers the scheduled refresh: a `singleton` queue (one run at a time across every worker process, so two
 * workers never recompute the same segment at once), scheduled by cron, worked here. The job recomputes the
 * active segments whose rules slide with time (refreshScheduledSegments); it is idempotent, so a retry after
 * a crash only repeats a recompute that finds nothing left to change.
 */
export async function registerSegmentJobs(boss: PgBoss, db: Db): Promise<void> {
  if (!(await boss.getQueue(SEGMENT_REFRESH_QUEUE))) {
    await boss.createQueue(SEGMENT_REFRESH_QUEUE, { policy: "singleton" });
  }
  await boss.schedule(SEGMENT_REFRESH_QUEUE, SEGMENT_REFRESH_CRON);
  await boss.work(SEGMENT_REFRESH_QUEUE, async () => {
    const result = await refreshScheduledSegments(db);
    if (result.segments > 0 || result.failed > 0) {
      console.log(
        `[segments] scheduled refresh: ${result.segments} segments, ${result.entered} entered, ${result.exited} exited` +
          (result.failed > 0 ? `, ${result.failed} failed` : ""),
      );
    }
    return result;
  });
}
