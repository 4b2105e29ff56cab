import type { Database } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/workspaces/create";
import { seedDemo } from "./demo";

/** The size `npm run seed` and a first start with SEED=1 use. */
export const DEFAULT_DEMO_SIZE = { customers: 5_000, days: 365 } as const;

// Arbitrary constant: every Tenure process that might seed the same PostgreSQL database takes this lock.
const SEED_LOCK_KEY = 7_346_202;

export type SeedIfEmptyOptions = { customers?: number; days?: number; now?: Date; seed?: number };

/**
 * Seeds the demo workspace when the database has no users at all (a first start) and returns true; returns
 * false and changes nothing when anyone has been set up already. On PostgreSQL several processes may
 * start at once: an advisory lock makes them check-and-seed one at a time, so only the first one seeds.
 */
export async function seedIfEmpty(
  database: Database,
  log: (message: string) => void,
  options: SeedIfEmptyOptions = {},
): Promise<boolean> {
  const run = async () => {
    if (await hasAnyUser(database.db)) return false;
    log("Empty database: loading the demo workspace (SEED=0 starts empty instead)");
    const summary = await seedDemo(database.db, {
      customers: options.customers ?? DEFAULT_DEMO_SIZE.customers,
      days: options.days ?? DEFAULT_DEMO_SIZE.days,
      now: options.now ?? new Date(),
      seed: options.seed,
      onProgress: log,
    });
    log(
      `Demo ready in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.customers.toLocaleString("en-US")} customers, ` +
        `${summary.events.toLocaleString("en-US")} events, ${summary.tickets.toLocaleString("en-US")} tickets`,
    );
    return true;
  };
  if (!database.pool) return run();
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    try {
      return await run();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [SEED_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
