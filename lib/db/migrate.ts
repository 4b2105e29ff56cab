import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client";
import { rows } from "./rows";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

// Arbitrary constant shared by every Tenure process, so concurrent starts migrate one at a time.
const MIGRATION_LOCK_KEY = 7_346_201;

/** Applies every pending migration in drizzle/; safe to call from several processes at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

export type MigrationStatus = { applied: number; available: number; latest: string | null };

/** How far the database's schema is, by the tags of drizzle/meta/_journal.json. */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  let applied = 0;
  try {
    const [row] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    applied = Number(row?.n ?? 0);
  } catch {
    applied = 0;
  }
  return {
    applied,
    available: journal.entries.length,
    latest: applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null,
  };
}
