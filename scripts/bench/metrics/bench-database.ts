import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { rows } from "@/lib/db/rows";
import { backfillKpiFacts } from "@/lib/metrics/facts";
import { backfillPeriodRollups } from "@/lib/metrics/rollups/rebuild";
import { seedDemo } from "@/lib/seed/demo";
import { deleteDemo, findExistingDemo } from "@/lib/seed/existing";
import type { DatabaseKind } from "./options";

/** A database dedicated to this bench, so seeding and timing never touch anyone's development data. */
export const BENCH_DATABASE_NAME = "tenure_bench_metrics";
export const BENCH_DATA_DIR = ".data-bench-metrics";

export type BenchData = {
  database: Database;
  workspaceId: string;
  timeZone: string;
  customers: number;
  events: number;
  rollupRows: number;
  /** Where the data lives, for the report. */
  label: string;
};

function serverUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

/**
 * A statement that runs longer is cancelled and reported as timed out: at 10M events some rollup queries take
 * minutes, and eight runs of each would hold the bench for an hour without telling more than one does.
 */
export const STATEMENT_TIMEOUT_S = Number(process.env.BENCH_STATEMENT_TIMEOUT_S ?? 120);

/** The bench database's URL: the server of BENCH_DATABASE_URL, database tenure_bench_metrics. */
export function benchDatabaseUrl(): string {
  const url = new URL(serverUrl());
  url.pathname = `/${BENCH_DATABASE_NAME}`;
  url.searchParams.set("options", `-c statement_timeout=${STATEMENT_TIMEOUT_S * 1000}`);
  return url.toString();
}

async function createPostgresDatabaseIfMissing() {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`create database ${BENCH_DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") return openDatabase({ kind: "pglite", dataDir: path.resolve(BENCH_DATA_DIR, "pglite") });
  await createPostgresDatabaseIfMissing();
  return openDatabase({ kind: "postgres", url: benchDatabaseUrl(), poolSize: 2 });
}

/**
 * The demo workspace of the requested size: reused when `reuse` is set and the one present has exactly that
 * many customers (a 10M-event seed takes 6 to 50 minutes depending on the machine's load), else seeded anew.
 */
export async function prepareBenchData(
  database: Database,
  options: { customers: number; days: number; reuse: boolean },
  log: (message: string) => void,
): Promise<BenchData> {
  await migrateDatabase(database);
  const existing = await findExistingDemo(database.db);
  const [current] = existing.workspaceIds;
  const present = current === undefined ? 0 : await countCustomers(database, current);
  let workspaceId = current;
  if (!(options.reuse && current !== undefined && present === options.customers)) {
    if (existing.workspaceIds.length > 0 || existing.userEmails.length > 0) {
      log(`Deleting the bench database's previous demo (${present.toLocaleString("en-US")} customers)`);
      await deleteDemo(database.db, existing.workspaceIds);
    }
    log(`Seeding ${options.customers.toLocaleString("en-US")} customers over ${options.days} days`);
    const summary = await seedDemo(database.db, {
      customers: options.customers,
      days: options.days,
      now: new Date(),
      onProgress: (m) => log(`  ${m}`),
    });
    log(`Seeded in ${(summary.elapsedMs / 1000).toFixed(0)} s`);
    workspaceId = summary.workspaceId;
  } else log(`Reusing the seeded bench workspace (${present.toLocaleString("en-US")} customers)`);
  if (workspaceId === undefined) throw new Error("no bench workspace after seeding");
  // A database seeded before the period rollups existed: build them as a server start would, and time it.
  const started = performance.now();
  if ((await backfillPeriodRollups(database.db, log)) > 0)
    log(`Built the period rollups in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const factsStarted = performance.now();
  if ((await backfillKpiFacts(database.db, log)) > 0)
    log(`Built the KPI fact tables in ${((performance.now() - factsStarted) / 1000).toFixed(1)} s`);
  return describeBenchData(database, workspaceId);
}

async function countCustomers(database: Database, workspaceId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from customers where workspace_id = ${workspaceId} and merged_into is null`,
  );
  return row?.n ?? 0;
}

async function describeBenchData(database: Database, workspaceId: string): Promise<BenchData> {
  const [row] = await rows<{ time_zone: string; customers: number; events: number; rollup: number }>(
    database.db,
    sql`
      select w.time_zone,
             (select count(*)::int from customers c where c.workspace_id = w.id and c.merged_into is null) as customers,
             (select count(*)::int from events e where e.workspace_id = w.id) as events,
             (select count(*)::int from customer_daily_activity a where a.workspace_id = w.id) as rollup
      from workspaces w where w.id = ${workspaceId}`,
  );
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return {
    database,
    workspaceId,
    timeZone: row.time_zone,
    customers: row.customers,
    events: row.events,
    rollupRows: row.rollup,
    label: database.kind === "postgres" ? `PostgreSQL (${BENCH_DATABASE_NAME})` : `PGlite (${BENCH_DATA_DIR})`,
  };
}
