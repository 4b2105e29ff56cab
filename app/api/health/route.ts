import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDatabase } from "@/lib/db";
import { migrationStatus } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { inboxDrainer } from "@/lib/ingest/inbox/drainers";
import { jobQueueState } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and operators; public, and it reveals no data. */
export async function GET() {
  const kind = env().DATABASE_URL ? "postgres" : "pglite";
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    const [migrations, jobs] = await Promise.all([migrationStatus(database), jobQueueState()]);
    // Where accepted events are stored from the inbox: on a thread of its own on PostgreSQL, in process on PGlite.
    const ingest = { drain: inboxDrainer(database).mode };
    return NextResponse.json({ status: "ok", database: { kind, reachable: true, migrations }, jobs, ingest });
  } catch (error) {
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return NextResponse.json(
      { status: "unavailable", database: { kind, reachable: false }, jobs: await jobQueueState() },
      { status: 503 },
    );
  }
}
