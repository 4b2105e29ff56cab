/** `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL or DATA_DIR). */
import { openDatabase, optionsFromEnv } from "@/lib/db/client";
import { migrateDatabase, migrationStatus } from "@/lib/db/migrate";
import { EnvError, parseEnv } from "@/lib/env";

async function main() {
  const config = parseEnv();
  const database = await openDatabase(optionsFromEnv(config));
  try {
    await migrateDatabase(database);
    const status = await migrationStatus(database);
    console.log(`migrations: ${status.applied} of ${status.available} applied (latest ${status.latest ?? "none"})`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
