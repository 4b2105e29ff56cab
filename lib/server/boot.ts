import { getDatabase } from "@/lib/db";
import { DataDirLockedError } from "@/lib/db/lock";
import { EnvError, env } from "@/lib/env";
import { inboxDrainer } from "@/lib/ingest/inbox/drainers";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/queue";
import { backfillKpiFacts } from "@/lib/metrics/facts";
import { backfillPeriodRollups } from "@/lib/metrics/rollups/rebuild";

/**
 * Runs once when the Next.js server process starts (instrumentation.ts): validates the environment, opens
 * and migrates the database, starts the in-process job worker. A problem that makes the server useless
 * (bad environment, embedded database in use by another process) stops the process with its message.
 */
export async function bootServer() {
  try {
    const config = env();
    const database = await getDatabase();
    // A database from before the cohort/lifecycle rollups existed gets them once, before the first dashboard.
    await backfillPeriodRollups(database.db, (message) => console.log(`[boot] ${message}`));
    await backfillKpiFacts(database.db, (message) => console.log(`[boot] ${message}`));
    if (config.WORKER === "inline") await startJobQueue(database);
    // Batches a stopped server left in the ingest inbox are stored now, not when the next request arrives.
    inboxDrainer(database);
    const shutdown = async () => {
      await stopJobQueue().catch(() => {});
      await database.close().catch(() => {});
      process.exit(0);
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    // Anything else (PostgreSQL unreachable, say) leaves the server up: /api/health reports 503.
    console.error("[boot] database not available:", error instanceof Error ? error.message : error);
  }
}
