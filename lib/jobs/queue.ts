import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/client";
import { registerSegmentJobs } from "./segment-refresh";

/**
 * The background job queue (pg-boss) on the same database as everything else: on PGlite it shares the one
 * embedded connection, on PostgreSQL it keeps a small pool of its own.
 */
export type JobQueueState = {
  state: "running" | "starting" | "stopped" | "off" | "failed";
  queues: number;
  error?: string;
};

const CACHE = Symbol.for("tenure.jobQueue");
type Slot = { boss?: PgBoss; state: JobQueueState["state"]; error?: string };
type Cache = { [CACHE]?: Slot };

function slot(): Slot {
  const cache = globalThis as Cache;
  cache[CACHE] ??= { state: "off" };
  return cache[CACHE];
}

export function createJobQueue(database: Database): PgBoss {
  if (database.kind === "pglite") {
    return new PgBoss({ db: fromPglite(database.pglite!), backend: "pglite", schema: "pgboss" });
  }
  return new PgBoss({ connectionString: database.url!, schema: "pgboss", max: 3 });
}

/** Starts this process's queue once; later calls return the running one. */
export async function startJobQueue(database: Database): Promise<PgBoss | undefined> {
  const s = slot();
  if (s.boss) return s.boss;
  s.state = "starting";
  const boss = createJobQueue(database);
  boss.on("error", (error) => console.error("[jobs]", error.message));
  try {
    await boss.start();
    await registerSegmentJobs(boss, database.db);
    s.boss = boss;
    s.state = "running";
    return boss;
  } catch (error) {
    s.state = "failed";
    s.error = error instanceof Error ? error.message : String(error);
    console.error("[jobs] could not start the job queue:", s.error);
    return undefined;
  }
}

export async function stopJobQueue() {
  const s = slot();
  if (!s.boss) return;
  await s.boss.stop({ graceful: true });
  s.boss = undefined;
  s.state = "stopped";
}

export async function jobQueueState(): Promise<JobQueueState> {
  const s = slot();
  if (!s.boss) return { state: s.state, queues: 0, ...(s.error ? { error: s.error } : {}) };
  const queues = await s.boss.getQueues();
  return { state: s.state, queues: queues.length };
}
