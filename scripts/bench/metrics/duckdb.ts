/**
 * DuckDB as the single-machine analytic reference (the issue names it): the bench workspace's events
 * (customer_id, type, name, timestamp) copied once into a DuckDB file beside the bench data, then the same
 * raw-events SQL run there. The copy is timed separately and kept for --reuse while the events are unchanged.
 * DuckDB's bundled ICU extension provides `at time zone` with the workspace's IANA zone.
 */
import fs from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance, DuckDBTimestampTZValue } from "@duckdb/node-api";
import { sql } from "drizzle-orm";
import { rows } from "@/lib/db/rows";
import type { BenchData } from "./bench-database";
import { BENCH_DATA_DIR } from "./bench-database";
import type { RawRow } from "./canonical";

export type DuckReference = {
  /** Milliseconds the copy from the bench database took, or null when an unchanged copy was reused. */
  exportMs: number | null;
  run(query: string): Promise<RawRow[]>;
  close(): void;
};

const PAGE = 100_000;

/** Identifies the copied events: the copy is stale when any of these differ. */
async function sourceStamp(data: BenchData): Promise<string> {
  const [row] = await rows<{ n: number; max_id: number | null }>(
    data.database.db,
    sql`select count(*)::int as n, max(id)::text as max_id from events where workspace_id = ${data.workspaceId}`,
  );
  return `${data.workspaceId}:${row?.n ?? 0}:${row?.max_id ?? ""}`;
}

export async function openDuckReference(data: BenchData, log: (message: string) => void): Promise<DuckReference> {
  const file = path.resolve(BENCH_DATA_DIR, "duckdb", `${data.database.kind}.duckdb`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const stamp = await sourceStamp(data);
  let exportMs: number | null = null;
  const copied = await connection.runAndReadAll(
    "select count(*) as n from information_schema.tables where table_name = 'bench_source'",
  );
  const hasStamp = Number(copied.getRowObjectsJS()[0]?.n ?? 0) > 0;
  const current = hasStamp
    ? (await connection.runAndReadAll("select stamp from bench_source")).getRowObjectsJS()[0]?.stamp
    : undefined;
  if (current === stamp && (await copiedCount(connection)) === Number(stamp.split(":")[1])) {
    log("DuckDB: reusing the copy of the events");
  } else {
    const started = performance.now();
    await copyEvents(data, connection, log);
    await connection.run("create or replace table bench_source as select $stamp as stamp", { stamp });
    exportMs = performance.now() - started;
    log(`DuckDB: copied the events in ${(exportMs / 1000).toFixed(1)} s`);
  }
  return {
    exportMs,
    run: async (query) => (await connection.runAndReadAll(query)).getRowObjectsJS() as RawRow[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function copiedCount(connection: DuckDBConnection): Promise<number> {
  return Number((await connection.runAndReadAll("select count(*) as n from events")).getRowObjectsJS()[0]?.n);
}

/** Pages through the workspace's events by id and appends them; not part of any timed query. */
async function copyEvents(data: BenchData, connection: DuckDBConnection, log: (message: string) => void) {
  await connection.run(
    "create or replace table events (customer_id bigint, type varchar, name varchar, timestamp timestamptz)",
  );
  const appender = await connection.createAppender("events");
  let lastId = "0";
  let copied = 0;
  for (;;) {
    const page = await rows<{ id: string; customer_id: number | null; type: string; name: string | null; us: string }>(
      data.database.db,
      sql`
        select e.id::text as id, e.customer_id, e.type, e.name,
               (extract(epoch from e.timestamp) * 1000000)::bigint::text as us
        from events e
        where e.workspace_id = ${data.workspaceId} and e.id > ${lastId}::bigint
        order by e.id -- the column, not the text alias, which would sort "999" after "1000"
        limit ${PAGE}`,
    );
    for (const e of page) {
      if (e.customer_id === null) appender.appendNull();
      else appender.appendBigInt(BigInt(e.customer_id));
      appender.appendVarchar(e.type);
      if (e.name === null) appender.appendNull();
      else appender.appendVarchar(e.name);
      appender.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(e.us)));
      appender.endRow();
    }
    copied += page.length;
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    lastId = last.id;
    if (copied % (PAGE * 10) === 0) log(`  DuckDB copy: ${copied.toLocaleString("en-US")} events`);
  }
  appender.closeSync();
  const [source] = await rows<{ n: number }>(
    data.database.db,
    sql`select count(*)::int as n from events where workspace_id = ${data.workspaceId}`,
  );
  if (copied !== source?.n) throw new Error(`DuckDB copy has ${copied} events, the bench database ${source?.n}`);
}
