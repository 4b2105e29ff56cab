import { env } from "@/lib/env";
import { type Database, openDatabase, optionsFromEnv } from "./client";
import { migrateDatabase } from "./migrate";

export type { Database, Db, DbKind } from "./client";

// Next bundles server code more than once (instrumentation, pages, route handlers); the cache lives on
// globalThis so every bundle in this process shares one connection pool or one PGlite instance.
const CACHE = Symbol.for("tenure.database");
type Cache = { [CACHE]?: Promise<Database> };

/** The process's database, opened from the environment and migrated on first use. */
export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A page that reads data must render per request; opening the database while building would take
    // the embedded database's lock from the build process.
    return Promise.reject(new Error("The database was opened during `next build`: make that page dynamic"));
  }
  const cache = globalThis as Cache;
  cache[CACHE] ??= (async () => {
    const database = await openDatabase(optionsFromEnv(env()));
    await migrateDatabase(database);
    return database;
  })();
  cache[CACHE].catch(() => {
    delete cache[CACHE];
  });
  return cache[CACHE];
}

/** Shorthand for the Drizzle handle of getDatabase(). */
export async function getDb() {
  return (await getDatabase()).db;
}
