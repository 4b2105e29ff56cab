import { afterAll, beforeAll, describe } from "vitest";
import { type Database, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createPostgresDatabase } from "./postgres";

export type TestDatabase = { kind: "pglite" | "postgres"; database: () => Database };

/**
 * Runs the same suite against every database Tenure supports: an in-memory PGlite always, and a fresh
 * PostgreSQL database (created from TEST_DATABASE_URL, dropped afterwards) when that variable is set.
 * Each call gets its own database, so test files never see each other's rows.
 */
export function describeEachDatabase(name: string, body: (t: TestDatabase) => void) {
  const kinds: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      let dropDatabase: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (kind === "pglite") {
          database = await openDatabase({ kind: "memory" });
        } else {
          const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
          database = await openDatabase({ kind: "postgres", url: created.url, poolSize: 4 });
          dropDatabase = created.drop;
        }
        await migrateDatabase(database);
      }, 60_000);
      afterAll(async () => {
        await database?.close();
        await dropDatabase?.();
      });
      body({
        kind,
        database: () => {
          if (!database) throw new Error("database not open yet: use it inside a test or hook");
          return database;
        },
      });
    });
  }
}
