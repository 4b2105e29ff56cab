import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

/** The Drizzle handle every domain function takes first; the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

export type Database = {
  db: Db;
  kind: DbKind;
  /** Present on the embedded database; pg-boss talks to it directly. */
  pglite?: PGlite;
  /** Present on PostgreSQL. */
  pool?: pg.Pool;
  /** The connection string, on PostgreSQL; services with pools of their own (pg-boss) connect with it. */
  url?: string;
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "memory" };

// Postgres returns int8 and numeric as strings; counts and sums in this app fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The same session settings on both engines (PGlite has no JIT to switch off, but reports the setting alike). */
const SESSION_SETTINGS = "set jit = off";

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // JIT compilation cost 0.3–1.3 s per analytics query here and won nothing back: at 10M events the KPI
      // report went from 16.7 s to about 10 s without it (docs/benchmarks.md). Set when each connection opens,
      // before the pool hands it out: a connection string's own `options` would override a pool-level one.
      onConnect: async (client) => {
        await client.query(SESSION_SETTINGS);
      },
    });
    pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", pool, url: options.url, close: () => pool.end() };
  }
  if (options.kind === "memory") {
    const pglite = await PGlite.create();
    await pglite.exec(SESSION_SETTINGS);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return { db, kind: "pglite", pglite, close: () => pglite.close() };
  }
  const release = acquireDataDirLock(options.dataDir);
  try {
    const pglite = await PGlite.create(path.join(options.dataDir, "pgdata"));
    await pglite.exec(SESSION_SETTINGS);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Which database the environment asks for: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function optionsFromEnv(source: { DATABASE_URL?: string; DATA_DIR: string }): OpenOptions {
  return source.DATABASE_URL
    ? { kind: "postgres", url: source.DATABASE_URL }
    : { kind: "pglite", dataDir: path.resolve(source.DATA_DIR) };
}
